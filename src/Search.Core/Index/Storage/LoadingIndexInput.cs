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

    /// <summary>The copy, begun once, by whichever clone asks first (the default mode of <see cref="Lazy{T}"/>: one thread runs the factory).</summary>
    private readonly Lazy<Task<byte[]?>> _copy;

    /// <param name="read">Reads the whole file (<see cref="PositionalIndexInput.ReadAll"/>), on the pool, once the input is first cloned.</param>
    public LoadingIndexInput(string description, PositionalIndexInput disk, Func<byte[]> read) : base(description)
    {
        _disk = disk;
        _copy = new(() => Task.Run(() => ReadOrNone(read)));
    }

    private static long s_clonesFromDisk;

    /// <summary>
    /// How many clones, of any file, were readers of the file because its copy was not loaded yet. A reader that keeps its
    /// clone for its life (a terms or postings enumerator held for a thread's next searches) is kept only if this did not
    /// change while it was made: one made while the copy loaded read from disk for good, a read call at each 4 KB where
    /// a fresh reader reads memory (dev-eval questions 8% slower in process, docs/performance.md, eighteenth session).
    /// </summary>
    internal static long ClonesFromDisk => Volatile.Read(ref s_clonesFromDisk);

    /// <summary>Whether a clone (or <see cref="BeginCopy"/>) has begun the copy.</summary>
    internal bool CopyBegun => _copy.IsValueCreated;

    /// <summary>Begins the copy unless it is begun; the whole file once read, or null when it could not be, the file then read from disk as it was opened.</summary>
    public Task<byte[]?> BeginCopy() => _copy.Value;

    /// <remarks>The segment may be closed meanwhile, its handle with it: nothing reads the copy then.</remarks>
    private static byte[]? ReadOrNone(Func<byte[]> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override long Length => _disk.Length;

    public override long Position => _disk.Position;

    public override void Seek(long pos) => _disk.Seek(pos);

    public override byte ReadByte() => _disk.ReadByte();

    public override void ReadBytes(byte[] b, int offset, int len) => _disk.ReadBytes(b, offset, len);

    /// <summary>A reader of the copy in memory once it is loaded, else of the file; at this input's position either way.</summary>
    public override object Clone()
    {
        if (BeginCopy() is not { IsCompletedSuccessfully: true, Result: { } data })
        {
            Interlocked.Increment(ref s_clonesFromDisk);
            return _disk.Clone();
        }
        var memory = new InMemoryIndexInput(ToString(), data);
        memory.Seek(_disk.Position);
        return memory;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _disk.Dispose();
    }
}
