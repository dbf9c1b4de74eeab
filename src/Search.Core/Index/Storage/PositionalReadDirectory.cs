using Lucene.Net.Store;

namespace Search.Core.Index.Storage;

/// <summary>
/// <see cref="NIOFSDirectory"/> whose files are read with .NET's positional reads
/// (<see cref="RandomAccess.Read(Microsoft.Win32.SafeHandles.SafeFileHandle, Span{byte}, long)"/>) into
/// 4 KB buffers. Lucene.NET's own input seeks a shared <see cref="FileStream"/> under a lock and
/// asks the file system for its status on every 1 KB refill: a sixth of a search's time went to
/// those calls. Writing, locking and compound files are <see cref="NIOFSDirectory"/>'s.
/// </summary>
internal sealed class PositionalReadDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    /// <summary>A page: what the operating system reads anyway, and a posting list's block or more.</summary>
    internal const int ReadBufferSize = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new PositionalIndexInput($"{nameof(PositionalIndexInput)}(path=\"{file}\")", handle,
                Math.Max(ReadBufferSize, BufferedIndexInput.GetBufferSize(context)));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
