using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Retrieval.Scoring;

namespace Search.Eval.Quotes;

/// <summary>
/// <c>quotes build-cost</c>: a full build of the documents as the product's rebuild writes them (batches of
/// 2,000 on every core, the languages' analyzer, one commit), without quotations and with them (found in
/// each body and written as <c>QuoteFields</c>), alternating, since this machine's speed drifts within
/// minutes; with the processor time each build took (the process's, all cores: less sensitive than wall
/// time to the other work on a shared machine) and the size of each index on disk.
/// </summary>
internal static class QuotesBuildCost
{
    private const int BatchSize = 2000;

    public static int Run(Options options)
    {
        var work = Path.GetFullPath(options.Required("work"));
        var rounds = int.Parse(options.Single("rounds") ?? "2", CultureInfo.InvariantCulture);
        var documents = Commands.ReadDocuments(options.Positional);
        var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var cpu = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var round = 0; round < rounds; round++)
            foreach (var withQuotes in (bool[])[false, true])
            {
                var path = Path.Combine(work, "quotes-build-cost");
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var seconds = Build(documents, path, withQuotes);
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                times[withQuotes].Add(seconds);
                cpu[withQuotes].Add(cpuSeconds);
                var megabytes = new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length) / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} {(withQuotes ? "with quotes   " : "without quotes")} {seconds,6:F2} s {cpuSeconds,7:F2} s of CPU {megabytes,7:F1} MB"));
            }
        var (without, with) = (Median(times[false]), Median(times[true]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count:N0} documents; median without {without:F2} s, with {with:F2} s: {with / without:F3}x; CPU {Median(cpu[false]):F2} s, {Median(cpu[true]):F2} s: {Median(cpu[true]) / Median(cpu[false]):F3}x"));
        return 0;
    }

    private static double Build(IReadOnlyList<DocumentRecord> documents, string path, bool withQuotes)
    {
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(path, recursive: true);
        var started = Stopwatch.GetTimestamp();
        using var analyzer = LanguageAnalyses.CreateFieldAnalyzer();
        using var directory = FSDirectory.Open(new DirectoryInfo(path));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Search.Core.Analysis.ArabicSearchAnalyzer.Lucene, analyzer)
        {
            RAMBufferSizeMB = 256,
            UseCompoundFile = false,
            Similarity = SearchSimilarity.Create(),
        });
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        foreach (var batch in documents.Chunk(BatchSize))
            Parallel.For(0, batch.Length, parallel, i => writer.AddDocument(LuceneDocumentMapper.ToLucene(batch[i], withQuotes)));
        writer.Commit();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
