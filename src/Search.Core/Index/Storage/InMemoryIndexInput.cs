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

    /// <summary>The bytes belong to every clone alike: nothing to release.</summary>
    protected override void Dispose(bool disposing)
    {
    }
}
