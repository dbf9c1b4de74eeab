namespace Search.Cli.Input;

/// <summary>Finds the JSON Lines archives to ingest: <c>.jsonl</c> and <c>.jsonl.gz</c> files.</summary>
public static class JsonLinesFiles
{
    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file itself, or every archive under the folder (recursively), sorted by path.</summary>
    public static IReadOnlyList<string> Find(string fileOrFolder) =>
        Directory.Exists(fileOrFolder)
            ? Directory.EnumerateFiles(fileOrFolder, "*", SearchOption.AllDirectories)
                .Where(IsJsonLines)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [fileOrFolder];
}
