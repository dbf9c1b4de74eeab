namespace Search.Cli.Input;

/// <summary>Finds what to ingest: JSON Lines archives (<c>.jsonl</c>, <c>.jsonl.gz</c>) and pages (<c>.txt</c>, <c>.html</c>, <c>.htm</c>).</summary>
public static class IngestFiles
{
    public const string Kinds = ".jsonl, .jsonl.gz, .txt, .html or .htm";

    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    public static bool IsPage(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    public static bool IsIngestible(string path) => IsJsonLines(path) || IsPage(path);

    /// <summary>Every file given, and every archive and page under each folder given (recursively, sorted by path); each file once.</summary>
    public static IReadOnlyList<IngestFile> Find(IEnumerable<string> filesOrFolders) =>
        filesOrFolders.SelectMany(Find).DistinctBy(file => Path.GetFullPath(file.Path)).ToList();

    /// <summary>Why a path given cannot be ingested, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (File.Exists(path))
            return IsIngestible(path) ? null : $"'{path}' is not a {Kinds} file.";
        if (Directory.Exists(path))
            return null;
        return $"'{path}' is neither a file nor a folder (looked for {Path.GetFullPath(path)})." + SharedDataHint(path);
    }

    private static IEnumerable<IngestFile> Find(string fileOrFolder) =>
        Directory.Exists(fileOrFolder)
            ? Directory.EnumerateFiles(fileOrFolder, "*", SearchOption.AllDirectories)
                .Where(IsIngestible)
                .Order(StringComparer.Ordinal)
                .Select(file => new IngestFile(file, Path.GetRelativePath(fileOrFolder, file).Replace(Path.DirectorySeparatorChar, '/')))
            : [new IngestFile(fileOrFolder, Path.GetFileName(fileOrFolder))];

    /// <summary>
    /// The README's examples read the project's shared data from <c>../shared</c> beside the
    /// checkout; a fresh clone has none, which the bare "not found" did not explain.
    /// </summary>
    private static string SharedDataHint(string path) =>
        path.Replace('\\', '/').StartsWith("../shared/", StringComparison.Ordinal) || path.Replace('\\', '/') == "../shared"
            ? " ../shared is the project's shared data (the news corpus, the dev-eval set), kept beside the repository's folder and not part of a clone; ingest files of your own instead, e.g. ingest statements.jsonl saved-pages/."
            : "";
}
