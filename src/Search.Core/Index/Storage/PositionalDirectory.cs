using Lucene.Net.Store;

namespace Search.Core.Index.Storage;

/// <summary>
/// <see cref="NIOFSDirectory"/> whose files are read with .NET's positional reads
/// (<see cref="RandomAccess.Read(Microsoft.Win32.SafeHandles.SafeFileHandle, Span{byte}, long)"/>) into
/// 4 KB buffers. Lucene.NET's own input seeks a shared <see cref="FileStream"/> under a lock and
/// asks the file system for its status on every 1 KB refill: a sixth of a search's time went to
/// those calls. The term dictionary and the postings' documents and positions are copied whole into memory in the
/// background instead, and read there once loaded (<see cref="LoadingIndexInput"/>).
/// New files are written by position too, and summed with a vectorised checksum (<see cref="PositionalIndexOutput"/>).
/// Syncing, locking and compound files are <see cref="NIOFSDirectory"/>'s.
/// </summary>
internal sealed class PositionalDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    /// <summary>A page: what the operating system reads anyway, and a posting list's block or more.</summary>
    internal const int ReadBufferSize = 4096;

    /// <summary>
    /// The files searches read most are held in memory, up to this size each, once copied there
    /// (<see cref="LoadingIndexInput"/>): the term dictionary, whose
    /// blocks each lookup read through a new enumerator with its own buffer and read call (the corpus's is
    /// 9.4 MB, 4% of its index; matching 300 saved searches against new documents spent a third of its time
    /// there), and the postings' documents and frequencies (<c>.doc</c>), whose blocks and skip data were read
    /// 4 KB at a time, a read call at each refill: 5% of a search's processor time under load (a perf profile
    /// of <c>perf.py</c>'s searches; the corpus's is 28 MB). And the positions (<c>.pos</c>, 32 MB for the corpus), read by
    /// every pair of a question's words (proximity): each of a question's positions enumerators cloned a buffered input
    /// and filled its 4 KB buffer through a read call; held in memory, a dev-eval question allocates 355 KB instead of
    /// 400 and its p50 is about 5% lower (docs/performance.md, fifteenth session). Offsets (<c>.pay</c>), read for
    /// snippets only, and stored fields stay on disk.
    /// </summary>
    internal const long InMemoryLimit = 64L << 20;

    /// <summary>A new file, written through <see cref="PositionalIndexOutput"/>; synced by <see cref="FSDirectory.Sync"/> once closed, as Lucene.NET's own are.</summary>
    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return new PositionalIndexOutput($"{nameof(PositionalIndexOutput)}(path=\"{file}\")", handle, () =>
        {
            lock (m_syncLock)
                m_staleFiles.Add(name);
        });
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            var disk = new PositionalIndexInput($"{nameof(PositionalIndexInput)}(path=\"{file}\")", handle,
                Math.Max(ReadBufferSize, BufferedIndexInput.GetBufferSize(context)));
            // A merge reads a file once, in order: buffered reads serve it, without the memory.
            if (!IsCopiedToMemory(name) || context.Context == IOContext.UsageContext.MERGE || disk.Length > InMemoryLimit)
                return disk;
            return new LoadingIndexInput($"{nameof(LoadingIndexInput)}(path=\"{file}\")", disk, disk.ReadAll);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The block tree's terms (<c>.tim</c>), and the postings' documents (<c>.doc</c>) and positions (<c>.pos</c>). Its
    /// index (<c>.tip</c>) is read whole when the segment opens, checksummed and loaded, then closed.
    /// </summary>
    private static bool IsCopiedToMemory(string name) =>
        name.EndsWith(".tim", StringComparison.Ordinal) || name.EndsWith(".doc", StringComparison.Ordinal) || name.EndsWith(".pos", StringComparison.Ordinal);
}
