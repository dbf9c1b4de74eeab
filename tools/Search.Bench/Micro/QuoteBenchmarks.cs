using BenchmarkDotNet.Attributes;
using Search.Bench.Support;
using Search.Core.Quotes;

namespace Search.Bench.Micro;

/// <summary>
/// Quotation extraction, as an index rebuild runs it on every Arabic body: 1 MB (2^20 characters) of
/// corpus bodies, the first of each corpus file (a fifth of the megabyte from each), extracted one after
/// another (MB/s = 1 / mean seconds). Real news text, not <see cref="BenchText"/>: what extraction costs
/// depends on how many sayings, names and marks a text has. Needs the corpus in <c>shared/corpus</c>
/// beside the repository; without it the benchmark fails in its setup with that message, the others run.
/// </summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private const int Characters = 1 << 20;

    private string[] _bodies = [];

    [GlobalSetup]
    public void Setup()
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
        _bodies = [.. bodies];
    }

    [Benchmark]
    public int ExtractOneMegabyte()
    {
        var quotes = 0;
        foreach (var body in _bodies)
            quotes += QuoteExtractor.Default.Extract(body).Count;
        return quotes;
    }

    private static string? CorpusFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (Path.Combine(folder.FullName, "shared", "corpus") is var corpus && Directory.Exists(corpus))
                return corpus;
        return null;
    }
}
