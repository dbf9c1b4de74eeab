using System.Globalization;

namespace Search.Core;

/// <summary>
/// The data folder, held by one engine at a time: <c>.lock</c> in it stays locked (an OS file lock,
/// <c>flock</c> on Linux, released by the kernel however the process ends) for as long as the engine is
/// open, so a second service, or a tool, opened on the same folder is refused instead of failing every
/// write and deleting the generation the first one serves. The folder is made private to its owner
/// (it holds the archive and the admin key), and written to once on opening, so that a read-only
/// folder is named at start rather than at the first write.
/// </summary>
internal sealed class DataFolder : IDisposable
{
    public const string LockName = ".lock";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupAndOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly FileStream _lock;

    private DataFolder(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <exception cref="DataFolderException">The folder is held by another process, or cannot be created or written.</exception>
    public static DataFolder Open(string path)
    {
        var root = System.IO.Path.GetFullPath(path);
        try
        {
            CreatePrivate(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"The data folder {root} cannot be created: {e.Message}", e);
        }
        var lockFile = Lock(root);
        try
        {
            WriteOnce(root);
            return new DataFolder(root, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    public void Dispose() => _lock.Dispose();

    private static void CreatePrivate(string root)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
            return;
        }
        if (!Directory.Exists(root))
            Directory.CreateDirectory(root, OwnerOnly);
        var mode = File.GetUnixFileMode(root);
        if ((mode & GroupAndOthers) != 0)
        {
            try
            {
                File.SetUnixFileMode(root, mode & ~GroupAndOthers);
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's folder, given to this process to use: its owner decides who reads it.
            }
        }
    }

    /// <summary>
    /// How long opening waits for a holder that is closing: a supervisor restarts a service, or a host is
    /// started again, while the one before is still letting go of the folder (a full test run on a busy
    /// machine saw an engine opened a moment after the service before it had stopped, and refused).
    /// </summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(3);

    private static FileStream Lock(string root)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return TryLock(root);
            }
            catch (DataFolderException e) when (e.InnerException is IOException inner && IsLockedByAnother(inner) && waited.Elapsed < LockWait)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static FileStream TryLock(string root)
    {
        var path = System.IO.Path.Combine(root, LockName);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            var lockFile = new FileStream(path, options);
            // Who holds the folder, for people to read (cat does not take the lock; .NET would, and fail).
            lockFile.SetLength(0);
            lockFile.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            lockFile.Flush();
            return lockFile;
        }
        catch (IOException e) when (IsLockedByAnother(e))
        {
            throw new DataFolderException(
                $"The data folder {root} is in use by another process (its id is in {path}): one process per data folder; stop that one or use another folder.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"The data folder {root} cannot be written: {e.Message}", e);
        }
    }

    /// <summary>
    /// The lock is held: .NET reports <c>flock</c>'s EWOULDBLOCK as an <see cref="IOException"/> carrying
    /// the error number (11 on Linux, 35 on macOS), and Windows its sharing violation (32).
    /// </summary>
    private static bool IsLockedByAnother(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) == 32 : e.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);

    /// <summary>Creates and removes a file: a folder whose lock file could be opened may still refuse new files (a read-only mount, an immutable folder).</summary>
    private static void WriteOnce(string root)
    {
        var probe = System.IO.Path.Combine(root, $".write-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"The data folder {root} cannot be written: {e.Message}", e);
        }
    }
}
