using System.Diagnostics;

namespace Search.Core.Tests.TestSupport;

/// <summary>
/// Makes a folder refuse new files, for whoever runs the tests, until disposed: taking its write
/// permission is enough for a user, but root writes anyway, so for root the folder is made immutable
/// (<c>chattr +i</c>, which ext4, xfs and btrfs know). Null from <see cref="TryMake"/> when neither
/// works here, for the test to skip saying so.
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;

    private ReadOnlyFolder(string path, UnixFileMode mode, bool immutable)
    {
        _path = path;
        _mode = mode;
        _immutable = immutable;
    }

    public const string Unavailable = "this machine lets the test process write into a folder whatever its permissions (root without chattr)";

    public static ReadOnlyFolder? TryMake(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        if (!CanWrite(path))
            return new ReadOnlyFolder(path, mode, immutable: false);
        File.SetUnixFileMode(path, mode);
        if (Run("chattr", "+i", path) && !CanWrite(path))
            return new ReadOnlyFolder(path, mode, immutable: true);
        Run("chattr", "-i", path);
        return null;
    }

    public void Dispose()
    {
        if (_immutable)
            Run("chattr", "-i", _path);
        else
            File.SetUnixFileMode(_path, _mode);
    }

    private static bool CanWrite(string folder)
    {
        var probe = Path.Combine(folder, $".probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
