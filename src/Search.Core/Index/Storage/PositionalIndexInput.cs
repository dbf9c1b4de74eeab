using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Index.Storage;

/// <summary>
/// A buffered read of one index file by position: no lock and no shared file position, so the clones
/// Lucene makes for every search read the one open handle side by side. Only the original closes it.
/// </summary>
internal sealed class PositionalIndexInput : BufferedIndexInput
{
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private bool _isClone;

    public PositionalIndexInput(string description, SafeFileHandle handle, int bufferSize) : base(description, bufferSize)
    {
        _handle = handle;
        _length = RandomAccess.GetLength(handle);
    }

    public override long Length => _length;

    protected override void ReadInternal(byte[] b, int offset, int length)
    {
        var position = Position;
        if (position + length > _length)
            throw new EndOfStreamException($"read past EOF: {this} (position {position}, {length} bytes, length {_length})");
        var target = b.AsSpan(offset, length);
        while (!target.IsEmpty)
        {
            var read = RandomAccess.Read(_handle, target, position);
            if (read == 0)
                throw new EndOfStreamException($"read past EOF: {this} (position {position})");
            position += read;
            target = target[read..];
        }
    }

    /// <summary>
    /// The whole file, read by position through the open handle without touching this input's buffer or position: the
    /// copy a <see cref="LoadingIndexInput"/> makes, on another thread, while searches read through clones.
    /// </summary>
    public byte[] ReadAll()
    {
        // Every byte is read over at once: not zeroed first.
        var data = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var read = 0;
        while (read < data.Length)
        {
            var n = RandomAccess.Read(_handle, data.AsSpan(read), read);
            if (n == 0)
                throw new EndOfStreamException($"read past EOF: {this} (position {read}, length {_length})");
            read += n;
        }
        return data;
    }

    /// <summary>Nothing to move: every read says where it reads.</summary>
    protected override void SeekInternal(long pos)
    {
    }

    public override object Clone()
    {
        var clone = (PositionalIndexInput)base.Clone();
        clone._isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_isClone)
            _handle.Dispose();
    }
}
