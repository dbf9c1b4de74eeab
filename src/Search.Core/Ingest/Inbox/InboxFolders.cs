using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Core.Ingest.Pages;

namespace Search.Core.Ingest.Inbox;

/// <summary>
/// The inbox under the data folder: files dropped in <c>inbox/</c> or any folder under it are
/// ingested and moved to the same place under <c>inbox/done/</c> beside a <c>.report.json</c>, or
/// under <c>inbox/failed/</c> beside a <c>.reason.txt</c> that says why.
/// </summary>
internal sealed class InboxFolders(string dataPath)
{
    /// <summary>Only complete files are taken: writers write under another name and rename into place.</summary>
    public static readonly string[] JsonLinesExtensions = [".jsonl", ".jsonl.gz"];

    /// <summary>
    /// A file is taken once it has not been written to for this long, so a page copied in place
    /// (rather than renamed into place) is not read half-written.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The report is read by people: Arabic titles stay Arabic rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Inbox { get; } = Path.Combine(dataPath, "inbox");

    public string Done => Path.Combine(Inbox, "done");

    public string Failed => Path.Combine(Inbox, "failed");

    public static bool IsJsonLines(string path) => JsonLinesExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public void Create()
    {
        Directory.CreateDirectory(Done);
        Directory.CreateDirectory(Failed);
    }

    /// <summary>JSON Lines files and pages in the inbox and its folders (not done/, failed/ or hidden ones) that are settled, in path order.</summary>
    public IReadOnlyList<string> WaitingFiles()
    {
        var settled = DateTime.UtcNow - SettleTime;
        return Walk(Inbox)
            .Where(path => IsJsonLines(path) || PageReader.IsPage(path))
            .Where(path => File.GetLastWriteTimeUtc(path) <= settled)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The file's path under the inbox, with '/' separators, as reports name it.</summary>
    public string NameOf(string path) => Path.GetRelativePath(Inbox, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Moves the file under done/ and writes its report beside it.</summary>
    public void MoveToDone(string path, IngestReport report)
    {
        var target = MoveUnder(Done, path);
        File.WriteAllText(target + ".report.json", JsonSerializer.Serialize(ReportFile.Of(report), ReportJson));
    }

    public void MoveToFailed(string path, string reason)
    {
        var target = MoveUnder(Failed, path);
        File.WriteAllText(target + ".reason.txt", reason);
    }

    private IEnumerable<string> Walk(string folder)
    {
        IEnumerable<string> files, folders;
        try
        {
            // Links are not followed: a link could lead out of the data folder, or back into the inbox for ever.
            files = Directory.EnumerateFiles(folder).Where(path => !Path.GetFileName(path).StartsWith('.') && !IsLink(path)).ToList();
            folders = Directory.EnumerateDirectories(folder)
                .Where(sub => sub != Done && sub != Failed && !Path.GetFileName(sub).StartsWith('.') && !IsLink(sub))
                .ToList();
        }
        catch (DirectoryNotFoundException)
        {
            // A folder removed while the inbox is looked at holds nothing to take.
            return [];
        }
        return files.Concat(folders.SelectMany(Walk));
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>Moves the file to the same relative place under <paramref name="folder"/>, never over another file.</summary>
    private string MoveUnder(string folder, string path)
    {
        var target = Path.Combine(folder, Path.GetRelativePath(Inbox, path));
        var targetFolder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(targetFolder);
        target = Path.Combine(targetFolder, Fit(Path.GetFileName(target)));
        if (File.Exists(target))
            target = Path.Combine(targetFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Path.GetFileName(target)}");
        File.Move(path, target);
        return target;
    }

    /// <summary>Sets aside, into failed/ with a reason, the files whose names are not UTF-8: nothing else could take them out.</summary>
    public IReadOnlyList<string> SetAsideUnnamable()
    {
        Directory.CreateDirectory(Failed);
        var moved = UnixNames.MoveUnnamable(Inbox, readable =>
        {
            var target = Path.Combine(Failed, Fit(readable));
            return File.Exists(target) ? Path.Combine(Failed, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Path.GetFileName(target)}") : target;
        });
        foreach (var path in moved)
            File.WriteAllText(path + ".reason.txt", $"{Path.GetFileName(path)}: refused, its name is not UTF-8 (shown here with _ for the bad bytes); rename it and drop it again.");
        return moved;
    }

    /// <summary>
    /// File names are at most 255 bytes (UTF-8 on Linux); the name must leave room for the time
    /// prefix a second file of that name gets (20) and the longest suffix written beside it
    /// (<c>.report.json</c>, <c>.reason.txt</c>). A longer one is shortened, keeping its extension
    /// and a hash of the whole.
    /// </summary>
    private static string Fit(string name)
    {
        const int maxBytes = 255 - 20 - 12;
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= maxBytes)
            return name;
        var extension = Path.GetExtension(name);
        if (name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
            extension = name[^9..];
        if (System.Text.Encoding.UTF8.GetByteCount(extension) > 16)
            extension = "";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8];
        var stem = name[..^extension.Length];
        var budget = maxBytes - System.Text.Encoding.UTF8.GetByteCount(extension) - hash.Length - 1;
        while (stem.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(stem) > budget)
            stem = stem[..^(stem.Length > 1 && char.IsLowSurrogate(stem[^1]) ? 2 : 1)];
        return $"{stem}~{hash}{extension}";
    }
}
