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

    public string Inbox { get; } = Path.Combine(dataPath, "inbox");

    public string Done => Path.Combine(Inbox, "done");

    public string Failed => Path.Combine(Inbox, "failed");

    public static bool IsJsonLines(string path) => JsonLinesExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public void Create()
    {
        Directory.CreateDirectory(Done);
        Directory.CreateDirectory(Failed);
    }

    /// <summary>
    /// What waits in the inbox and its folders (not done/, failed/ or hidden ones): the settled regular
    /// files of the kinds taken, in path order; and, to be named in the log, the entries skipped for
    /// being something else (a FIFO, socket or device under such a name, or any link).
    /// </summary>
    public InboxListing Waiting()
    {
        var settled = DateTime.UtcNow - SettleTime;
        var taken = new List<string>();
        var skipped = new List<(string, FileKind)>();
        foreach (var (path, kind) in Walk(Inbox))
        {
            if (kind == FileKind.Regular)
            {
                if ((IsJsonLines(path) || PageReader.IsPage(path)) && File.GetLastWriteTimeUtc(path) <= settled)
                    taken.Add(path);
            }
            else if (kind == FileKind.Link || IsJsonLines(path) || PageReader.IsPage(path))
                skipped.Add((path, kind));
        }
        taken.Sort(StringComparer.Ordinal);
        return new InboxListing(taken, skipped);
    }

    /// <summary>The file's path under the inbox, with '/' separators, as reports name it.</summary>
    public string NameOf(string path) => Path.GetRelativePath(Inbox, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>
    /// Moves the file to the same place under done/ or failed/ and writes its report or reason beside
    /// it; false when the file moved but its note could not be written.
    /// </summary>
    /// <exception cref="IOException">It cannot be moved (also <see cref="UnauthorizedAccessException"/>); it is still in the inbox.</exception>
    public bool Move(string path, InboxOutcome outcome)
    {
        var target = MoveUnder(outcome.Done ? Done : Failed, path);
        try
        {
            // Written beside, then renamed: whoever watches for the note never reads it half written.
            var note = target + outcome.NoteSuffix;
            var writing = Path.Combine(Path.GetDirectoryName(note)!, "." + Path.GetFileName(note) + ".writing");
            File.WriteAllText(writing, outcome.Note);
            File.Move(writing, note, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Every entry that is not a folder, with its kind, in the folder and those under it; links are not followed.</summary>
    private IEnumerable<(string Path, FileKind Kind)> Walk(string folder)
    {
        List<(string, FileKind)> entries;
        List<string> folders;
        try
        {
            // A link could lead out of the data folder, or back into the inbox for ever: it is listed, never followed.
            entries = Directory.EnumerateFileSystemEntries(folder)
                .Where(path => !Path.GetFileName(path).StartsWith('.') && path != Done && path != Failed)
                .Select(path => (path, FileKinds.Of(path)))
                .Where(entry => entry.Item2 != FileKind.Missing)
                .ToList();
            folders = entries.Where(e => e.Item2 == FileKind.Directory).Select(e => e.Item1).ToList();
        }
        catch (Exception e) when (folder != Inbox && e is IOException or UnauthorizedAccessException)
        {
            // A folder removed while the inbox is looked at, or one this process may not read, holds
            // nothing to take; the rest of the inbox is still taken.
            return [];
        }
        return entries.Where(e => e.Item2 != FileKind.Directory).Concat(folders.SelectMany(Walk));
    }

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
