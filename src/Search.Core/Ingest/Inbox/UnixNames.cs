using System.Runtime.InteropServices;
using System.Text;

namespace Search.Core.Ingest.Inbox;

/// <summary>
/// File names that are not UTF-8, which .NET cannot name (it reads them with U+FFFD and then finds
/// no such file): found and renamed through libc, by their bytes. Linux only (the dirent layout).
/// </summary>
internal static class UnixNames
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>Renames every entry of <paramref name="folder"/> whose name is not UTF-8 into <paramref name="target"/>(readable name); returns the new paths.</summary>
    public static List<string> MoveUnnamable(string folder, Func<string, string> target)
    {
        var moved = new List<string>();
        if (!OperatingSystem.IsLinux())
            return moved;
        var names = new List<byte[]>();
        var dir = opendir(folder);
        if (dir == IntPtr.Zero)
            return moved;
        try
        {
            IntPtr entry;
            while ((entry = readdir(dir)) != IntPtr.Zero)
            {
                const int nameOffset = 19; // d_ino (8), d_off (8), d_reclen (2), d_type (1)
                var type = Marshal.ReadByte(entry, 18);
                if (type != 8) // DT_REG
                    continue;
                var length = 0;
                while (length < 256 && Marshal.ReadByte(entry, nameOffset + length) != 0)
                    length++;
                var name = new byte[length];
                Marshal.Copy(entry + nameOffset, name, 0, length);
                try
                {
                    Strict.GetString(name);
                }
                catch (DecoderFallbackException)
                {
                    names.Add(name);
                }
            }
        }
        finally
        {
            closedir(dir);
        }
        foreach (var name in names)
        {
            var readable = Encoding.UTF8.GetString(name).Replace('\uFFFD', '_');
            var to = target(readable);
            var from = Encoding.UTF8.GetBytes(folder + "/").Concat(name).Append((byte)0).ToArray();
            if (rename(from, [.. Encoding.UTF8.GetBytes(to), 0]) == 0)
                moved.Add(to);
        }
        return moved;
    }

    [DllImport("libc")]
    private static extern IntPtr opendir([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc")]
    private static extern IntPtr readdir(IntPtr dir);

    [DllImport("libc")]
    private static extern int closedir(IntPtr dir);

    [DllImport("libc")]
    private static extern int rename(byte[] from, byte[] to);
}
