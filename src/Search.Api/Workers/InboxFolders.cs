namespace Search.Api.Workers;

/// <summary>
/// The inbox under the data folder: files dropped in <c>inbox/</c> are ingested and moved to
/// <c>inbox/done/</c>, or to <c>inbox/failed/</c> beside a <c>.reason.txt</c> that says why.
/// </summary>
public sealed class InboxFolders(string dataPath)
{
    /// <summary>Only complete files are taken: writers write under another name and rename into place.</summary>
    public static readonly string[] Extensions = [".jsonl", ".jsonl.gz"];

    public string Inbox { get; } = Path.Combine(dataPath, "inbox");

    public string Done => Path.Combine(Inbox, "done");

    public string Failed => Path.Combine(Inbox, "failed");

    public void Create()
    {
        Directory.CreateDirectory(Done);
        Directory.CreateDirectory(Failed);
    }

    public IEnumerable<string> WaitingFiles() =>
        Directory.EnumerateFiles(Inbox)
            .Where(path => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal);

    public void MoveToDone(string path) => File.Move(path, FreeName(Done, Path.GetFileName(path)));

    public void MoveToFailed(string path, string reason)
    {
        var target = FreeName(Failed, Path.GetFileName(path));
        File.Move(path, target);
        File.WriteAllText(target + ".reason.txt", reason);
    }

    /// <summary>The name in the folder, suffixed with the time when a file of that name is already there.</summary>
    private static string FreeName(string folder, string name)
    {
        var target = Path.Combine(folder, name);
        return File.Exists(target)
            ? Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{name}")
            : target;
    }
}
