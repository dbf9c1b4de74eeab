using Lucene.Net.Store;

namespace Search.Core.Index.Storage;

/// <summary>
/// An index file read from disk (<see cref="PositionalIndexInput"/>) until a whole copy of it, read in the background,
/// is in memory; from then on every clone reads the copy (<see cref="InMemoryIndexInput"/>). Lucene reads a postings or
/// term file through clones of the input it opened with the segment, one per enumerator, so a search started after the
/// copy is loaded reads memory alone. The copy is begun by the first clone, the first search's: read before the engine
/// opened, the corpus's term dictionary, documents and positions (62 MB) kept the service's start 70–110 ms longer
/// from ready, and read from the opening on, they competed with the start for the second core (docs/performance.md,
/// fifteenth session).
/// </summary>
internal sealed class LoadingIndexInput : IndexInput
{
    private readonly PositionalIndexInput _disk;
    private readonly Func<byte[]>? _read;
    private Task<byte[]>? _copy;

    /// <param name="read">Reads the whole file, on the pool, once the input is first cloned.</param>
    public LoadingIndexInput(string description, PositionalIndexInput disk, Func<byte[]> read) : base(description) =>
        (_disk, _read) = (disk, read);

    /// <summary>With a copy already begun, or one a test finishes.</summary>
    internal LoadingIndexInput(string description, PositionalIndexInput disk, Task<byte[]> copy) : base(description)
    {
        _disk = disk;
        _copy = copy;
        Observe(copy);
    }

    /// <summary>Whether a clone (or <see cref="Copy"/>) has begun the copy.</summary>
    internal bool CopyBegun => Volatile.Read(ref _copy) is not null;

    /// <summary>The whole file, once read; begun here if no clone has begun it.</summary>
    public Task<byte[]> Copy
    {
        get
        {
            if (Volatile.Read(ref _copy) is { } begun)
                return begun;
            var copy = new Task<byte[]>(_read!);
            if (Interlocked.CompareExchange(ref _copy, copy, null) is { } other)
                return other;
            Observe(copy);
            copy.Start(TaskScheduler.Default);
            return copy;
        }
    }

    /// <summary>A copy that could not be read leaves the file read from disk, as it was opened.</summary>
    private static void Observe(Task<byte[]> copy) =>
        copy.ContinueWith(static failed => _ = failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public override long Length => _disk.Length;

    public override long Position => _disk.Position;

    public override void Seek(long pos) => _disk.Seek(pos);

    public override byte ReadByte() => _disk.ReadByte();

    public override void ReadBytes(byte[] b, int offset, int len) => _disk.ReadBytes(b, offset, len);

    /// <summary>A reader of the copy in memory once it is loaded, else of the file; at this input's position either way.</summary>
    public override object Clone()
    {
        var copy = Copy;
        if (!copy.IsCompletedSuccessfully)
            return _disk.Clone();
        var memory = new InMemoryIndexInput(ToString(), copy.Result);
        memory.Seek(_disk.Position);
        return memory;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _disk.Dispose();
    }
}
