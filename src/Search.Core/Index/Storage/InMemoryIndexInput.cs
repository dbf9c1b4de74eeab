using Lucene.Net.Store;

namespace Search.Core.Index.Storage;

/// <summary>
/// A whole index file held in memory, read by every clone side by side (each with its own position,
/// none copying the bytes): the term dictionary, postings' documents and positions once copied
/// (<see cref="LoadingIndexInput"/>), whose blocks otherwise cost each new enumerator a read call and a buffer of its own.
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
        var start = _position;
        if (ReadGroups(4, out var value))
            return (int)value;
        // Only the last four bits of a fifth byte are an int's.
        int last = data[_position++];
        if ((last & 0xF0) == 0)
            return (int)value | last << 28;
        _position = start;
        throw new IOException($"Invalid vInt detected (too many bits): {this} (position {start})");
    }

    public override long ReadVInt64()
    {
        if (data.Length - _position < 9)
            return base.ReadVInt64();
        var start = _position;
        if (ReadGroups(9, out var value))
            return value;
        _position = start;
        throw new IOException($"Invalid vLong detected (negative values disallowed): {this} (position {start})");
    }

    /// <summary>
    /// A variable-length number's groups of seven bits, at most <paramref name="bytes"/> of them, known to be there; false
    /// when the last one read still says more follow.
    /// </summary>
    private bool ReadGroups(int bytes, out long value)
    {
        value = 0;
        for (var i = 0; i < bytes; i++)
        {
            int b = data[_position++];
            value |= (long)(b & 0x7F) << (7 * i);
            if (b < 0x80)
                return true;
        }
        return false;
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
