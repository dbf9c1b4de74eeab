using Lucene.Net.Store;

namespace Search.Core.Index.Storage;

/// <summary>
/// An index file read from disk (<see cref="PositionalIndexInput"/>) until a whole copy of it, read in the background,
/// is in memory; from then on every clone reads the copy (<see cref="InMemoryIndexInput"/>). Lucene reads a postings or
/// term file through clones of the input it opened with the segment, one per enumerator, so a search started after the
/// copy is loaded reads memory alone, and opening a segment does not wait for its largest files to be read: read
/// before the engine opened, the corpus's term dictionary, documents and positions (62 MB) kept the service's start
/// 70–110 ms longer from ready (docs/performance.md, fifteenth session).
/// </summary>
internal sealed class LoadingIndexInput : IndexInput
{
    private readonly PositionalIndexInput _disk;

    public LoadingIndexInput(string description, PositionalIndexInput disk, Task<byte[]> copy) : base(description)
    {
        _disk = disk;
        Copy = copy;
        // A copy that could not be read leaves the file read from disk, as it was opened.
        copy.ContinueWith(static failed => _ = failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The whole file, once read.</summary>
    public Task<byte[]> Copy { get; }

    public override long Length => _disk.Length;

    public override long Position => _disk.Position;

    public override void Seek(long pos) => _disk.Seek(pos);

    public override byte ReadByte() => _disk.ReadByte();

    public override void ReadBytes(byte[] b, int offset, int len) => _disk.ReadBytes(b, offset, len);

    /// <summary>A reader of the copy in memory once it is loaded, else of the file; at this input's position either way.</summary>
    public override object Clone()
    {
        if (!Copy.IsCompletedSuccessfully)
            return _disk.Clone();
        var memory = new InMemoryIndexInput(ToString(), Copy.Result);
        memory.Seek(_disk.Position);
        return memory;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _disk.Dispose();
    }
}
