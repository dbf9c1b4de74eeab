using System.Runtime.InteropServices;

namespace Search.Core.Ingest.Inbox;

internal enum FileKind { Regular, Directory, Link, Fifo, Socket, Device, Missing }

/// <summary>
/// What an entry of the inbox is, the link itself rather than what it leads to. .NET tells files only
/// from folders and links: a FIFO passes for a file, and opening it to read waits for a writer for ever
/// (one <c>mkfifo inbox/x.html</c> stopped the inbox and made shutdown wait its whole timeout). On Linux
/// the kind comes from <c>statx</c>, whose layout is the same on every architecture; elsewhere only
/// links are told apart.
/// </summary>
internal static class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 0x1C;
    private const int StatxSize = 0x100;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            var info = new FileInfo(path);
            return !info.Exists && !Directory.Exists(path) ? FileKind.Missing
                : info.LinkTarget is not null ? FileKind.Link
                : Directory.Exists(path) ? FileKind.Directory
                : FileKind.Regular;
        }
        var buffer = new byte[StatxSize];
        if (statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
            return FileKind.Missing;
        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Link,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Device,
        };
    }

    [DllImport("libc")]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
