using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Retrieval.Scoring;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>
/// <c>stories build-cost</c>: a full build of the corpus as the product indexes it, batch by batch on
/// both cores, without stories and with them (each batch fingerprinted, assigned from memory, and
/// written with its story fields), alternating, since this machine's speed drifts within minutes.
/// </summary>
internal static class StoryBuildCost
{
    private const int BatchSize = 2000;

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var work = Path.GetFullPath(options.Required("work"));
        var rounds = int.Parse(options.Single("rounds") ?? "2", CultureInfo.InvariantCulture);
        var (fingerprinter, rule) = StoryVariant.Parse(options.Single("variant") ?? "");
        var documents = Commands.ReadDocuments(System.IO.Directory.GetFiles(options.Required("corpus"), "*.jsonl.gz").Order(StringComparer.Ordinal));
        var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var round = 0; round < rounds; round++)
            foreach (var withStories in (bool[])[false, true])
            {
                var seconds = Build(documents, Path.Combine(work, "build-cost"), withStories ? (fingerprinter, new StoryAssigner(rule)) : null);
                times[withStories].Add(seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {(withStories ? "with stories   " : "without stories")} {seconds,6:F2} s"));
            }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median without {Median(times[false]):F2} s, with {Median(times[true]):F2} s: {Median(times[true]) / Median(times[false]):F3}x"));
        return 0;
    }

    private static double Build(IReadOnlyList<Search.Core.DocumentRecord> documents, string path, (StoryFingerprinter Fingerprinter, StoryAssigner Assigner)? stories)
    {
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(path, recursive: true);
        var started = Stopwatch.GetTimestamp();
        using var analyzer = ArabicSearchAnalyzer.Create();
        using var directory = FSDirectory.Open(new DirectoryInfo(path));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, analyzer)
        {
            RAMBufferSizeMB = 256,
            UseCompoundFile = false,
            Similarity = SearchSimilarity.Create(),
        });
        var lookup = new MemoryStoryLookup();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        foreach (var batch in documents.Chunk(BatchSize))
        {
            var fingerprints = new StoryFingerprint[batch.Length];
            StoryAssignment? assignment = null;
            if (stories is var (fingerprinter, assigner))
            {
                Parallel.For(0, batch.Length, parallel, i => fingerprints[i] = fingerprinter.Fingerprint(batch[i].Body));
                var upserts = batch.Select((d, i) => new StoryDocument(d.Id, d.Date?.DayNumber, fingerprints[i])).ToList();
                assignment = assigner.Assign(lookup, upserts, []);
                lookup.Apply(upserts, [], assignment);
                foreach (var (id, key) in assignment.Updates)
                    writer.UpdateNumericDocValue(new Term(IndexFields.Id, id), StoryFields.Key, key);
            }
            Parallel.For(0, batch.Length, parallel, i =>
            {
                var document = LuceneDocumentMapper.ToLucene(batch[i]);
                if (assignment is not null)
                    StoryFields.AddTo(document, fingerprints[i], assignment.Keys[batch[i].Id]);
                writer.AddDocument(document);
            });
        }
        writer.Commit();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
