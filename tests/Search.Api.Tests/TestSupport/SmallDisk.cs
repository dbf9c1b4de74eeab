using System.Diagnostics;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// A real disk that fills up: a small tmpfs mounted on a temporary folder (root on Linux only; null
/// from <see cref="TryMount"/> elsewhere, for the test to skip saying so). <see cref="Fill"/> takes its
/// free space with a filler file, <see cref="Free"/> gives it back.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    public const string Unavailable = "mounting a small tmpfs needs root on Linux";

    private readonly TempFolder _mountPoint;

    private SmallDisk(TempFolder mountPoint) => _mountPoint = mountPoint;

    public string Path => _mountPoint.Path;

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static SmallDisk? TryMount(int megabytes)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var mountPoint = new TempFolder();
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", mountPoint.Path))
            return new SmallDisk(mountPoint);
        mountPoint.Dispose();
        return null;
    }

    /// <summary>Writes a file until the disk has no space left.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Filler, FileMode.Append, FileAccess.Write);
        var block = new byte[64 << 10];
        try
        {
            while (true)
                filler.Write(block);
        }
        catch (IOException)
        {
            // Full.
        }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _mountPoint.Dispose();
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
