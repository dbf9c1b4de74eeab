using Search.Bench.Support;

namespace Search.Bench.Micro;

/// <summary>
/// Real news text for the benchmarks whose cost depends on it: 2^20 characters of corpus bodies, the first of each
/// corpus file (an equal share from each). Needs the corpus in <c>shared/corpus</c> beside the repository; without
/// it the benchmark fails in its setup with that message, the others run.
/// </summary>
internal static class CorpusBodies
{
    public const int Characters = 1 << 20;

    public static string[] Read()
    {
        var corpus = CorpusFolder()
            ?? throw new InvalidOperationException(
                $"Skipped: the corpus (shared/corpus/*.jsonl.gz) is in no folder above {AppContext.BaseDirectory}; it lives in ../shared beside the repository.");
        var files = Directory.GetFiles(corpus, "*.jsonl.gz").Order(StringComparer.Ordinal).ToArray();
        var bodies = new List<string>();
        var quota = Characters / files.Length;
        foreach (var file in files)
        {
            var length = 0;
            foreach (var document in CorpusFiles.Read([file]))
            {
                if (length >= quota)
                    break;
                bodies.Add(document.Body[..Math.Min(document.Body.Length, quota - length)]);
                length += bodies[^1].Length;
            }
        }
        return [.. bodies];
    }

    private static string? CorpusFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (Path.Combine(folder.FullName, "shared", "corpus") is var corpus && Directory.Exists(corpus))
                return corpus;
        return null;
    }
}
