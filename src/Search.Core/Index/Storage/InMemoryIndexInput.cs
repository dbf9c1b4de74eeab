using Lucene.Net.Store;

namespace Search.Core.Index.Storage;

/// <summary>
/// A whole index file held in memory, read by every clone side by side (each with its own position,
/// none copying the bytes): for the term dictionary, which every lookup of every query reads a block
/// of, and whose blocks otherwise cost each new term enumerator a read call and a buffer of its own.
/// </summary>
internal sealed class InMemoryIndexInput(string description, byte[] data) : IndexInput(description)
{
    private int _position;

    public override long Length => data.Length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > data.Length)
            throw new EndOfStreamException($"seek past EOF: {this} (position {pos}, length {data.Length})");
        _position = (int)pos;
    }

    public override byte ReadByte()
    {
        if (_position >= data.Length)
            throw new EndOfStreamException($"read past EOF: {this} (position {_position})");
        return data[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > data.Length - _position)
            throw new EndOfStreamException($"read past EOF: {this} (position {_position}, {len} bytes, length {data.Length})");
        Buffer.BlockCopy(data, _position, b, offset, len);
        _position += len;
    }

    /// <summary>
    /// Read from the array, as <see cref="BufferedIndexInput"/> reads from its buffer: <see cref="DataInput"/>'s own
    /// decoding calls the virtual <see cref="ReadByte"/> for each byte, and postings' tails, skip lists and positions
    /// are variable-length integers (2.6% of a dev-eval question's processor time in a perf profile).
    /// </summary>
    public override int ReadVInt32()
    {
        if (data.Length - _position < 5)
            return base.ReadVInt32();
        var p = _position;
        int b = data[p++];
        var value = b & 0x7F;
        if (b >= 0x80)
        {
            b = data[p++];
            value |= (b & 0x7F) << 7;
            if (b >= 0x80)
            {
                b = data[p++];
                value |= (b & 0x7F) << 14;
                if (b >= 0x80)
                {
                    b = data[p++];
                    value |= (b & 0x7F) << 21;
                    if (b >= 0x80)
                    {
                        b = data[p++];
                        // Only the last four bits of a fifth byte are an int's.
                        if ((b & 0xF0) != 0)
                            throw new IOException($"Invalid vInt detected (too many bits): {this} (position {_position})");
                        value |= (b & 0x0F) << 28;
                    }
                }
            }
        }
        _position = p;
        return value;
    }

    public override long ReadVInt64()
    {
        if (data.Length - _position < 9)
            return base.ReadVInt64();
        var p = _position;
        long value = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            int b = data[p++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = p;
                return value;
            }
        }
        throw new IOException($"Invalid vLong detected (negative values disallowed): {this} (position {_position})");
    }

    public override int ReadInt32() =>
        data.Length - _position < sizeof(int) ? base.ReadInt32() : System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() =>
        data.Length - _position < sizeof(long) ? base.ReadInt64() : System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    /// <summary>The next <paramref name="count"/> bytes, known to be there, read.</summary>
    private ReadOnlySpan<byte> Take(int count)
    {
        var bytes = data.AsSpan(_position, count);
        _position += count;
        return bytes;
    }

    /// <summary>The bytes belong to every clone alike: nothing to release.</summary>
    protected override void Dispose(bool disposing)
    {
    }
}
