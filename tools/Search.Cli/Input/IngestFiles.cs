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

    /// <summary>The file itself, or every archive and page under the folder (recursively), sorted by path.</summary>
    public static IReadOnlyList<string> Find(string fileOrFolder) =>
        Directory.Exists(fileOrFolder)
            ? Directory.EnumerateFiles(fileOrFolder, "*", SearchOption.AllDirectories)
                .Where(IsIngestible)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [fileOrFolder];

    /// <summary>How a page is named to the service: its path under the folder given, or its file name.</summary>
    public static string NameOf(string file, string fileOrFolder) =>
        Directory.Exists(fileOrFolder)
            ? Path.GetRelativePath(fileOrFolder, file).Replace(Path.DirectorySeparatorChar, '/')
            : Path.GetFileName(file);
}
