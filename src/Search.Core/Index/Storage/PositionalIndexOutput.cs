using System.IO.Hashing;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Index.Storage;

/// <summary>
/// A new index file written in order through one buffer, by position, and summed with a vectorised CRC-32
/// (<see cref="Crc32"/>, the checksum Lucene writes in every file's footer and checks when it merges or
/// verifies). Lucene.NET's own output summed every byte through a table, a byte at a time, and handed every
/// byte of a vInt to <see cref="FileStream.WriteByte"/>: both were 1.4% of a rebuild of the corpus and more of
/// the merge that follows it (a <c>perf</c> profile, docs/performance.md).
/// </summary>
internal sealed class PositionalIndexOutput : IndexOutput
{
    /// <summary>What a segment's larger files are written out in; a flush writes a dozen files at most at once.</summary>
    internal const int BufferSize = 64 * 1024;

    private readonly string _description;
    private readonly SafeFileHandle _handle;
    private readonly Action _closed;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly Crc32 _crc = new();

    /// <summary>Bytes waiting in the buffer, and how many of them are in the checksum already (<see cref="Checksum"/>).</summary>
    private int _count, _summed;

    /// <summary>Bytes in the file.</summary>
    private long _written;

    private bool _disposed;

    /// <param name="closed">Called once the file is complete and closed (the directory then knows to sync it).</param>
    public PositionalIndexOutput(string description, SafeFileHandle handle, Action closed)
    {
        _description = description;
        _handle = handle;
        _closed = closed;
    }

    public override void WriteByte(byte b)
    {
        if (_count == _buffer.Length)
            WriteBuffer();
        _buffer[_count++] = b;
    }

    public override void WriteBytes(byte[] b, int offset, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var bytes = b.AsSpan(offset, length);
        if (bytes.Length > _buffer.Length - _count)
        {
            WriteBuffer();
            if (bytes.Length >= _buffer.Length)
            {
                _crc.Append(bytes);
                Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <summary>The CRC-32 of every byte written so far, those still in the buffer included (a footer is written after it).</summary>
    public override long Checksum
    {
        get
        {
            _crc.Append(_buffer.AsSpan(_summed, _count - _summed));
            _summed = _count;
            return _crc.GetCurrentHashAsUInt32();
        }
    }

    public override long Position => _written + _count;

    public override long Length => _written + _count;

    public override void Flush() => WriteBuffer();

    /// <summary>Lucene 4.8's codecs write every file in order; a seek would also break the checksum.</summary>
    [Obsolete("(4.1) this method will be removed in Lucene 5.0")]
    public override void Seek(long pos) =>
        throw new NotSupportedException($"{_description} is written in order only (seek to {pos} asked)");

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
            return;
        try
        {
            WriteBuffer();
        }
        finally
        {
            _disposed = true;
            _handle.Dispose();
            _closed();
        }
    }

    public override string ToString() => _description;

    private void WriteBuffer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_count == 0)
            return;
        var pending = _buffer.AsSpan(0, _count);
        _crc.Append(pending[_summed..]);
        Write(pending);
        _count = _summed = 0;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        RandomAccess.Write(_handle, bytes, _written);
        _written += bytes.Length;
    }
}
