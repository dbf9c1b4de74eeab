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
/// With <c>--assign no</c>, stories are fingerprinted and written with key 0 but not assigned: what
/// writing the fields costs alone.
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
        var fieldsOnly = options.Single("assign") == "no";
        var documents = Commands.ReadDocuments(System.IO.Directory.GetFiles(options.Required("corpus"), "*.jsonl.gz").Order(StringComparer.Ordinal));
        var times = new Dictionary<bool, List<BuildTimes>> { [false] = [], [true] = [] };
        for (var round = 0; round < rounds; round++)
            foreach (var withStories in (bool[])[false, true])
            {
                var seconds = Build(documents, Path.Combine(work, "build-cost"), withStories ? (fingerprinter, fieldsOnly ? null : new StoryAssigner(rule)) : null);
                times[withStories].Add(seconds);
                var parts = withStories ? string.Create(CultureInfo.InvariantCulture, $" (fingerprinting {seconds.FingerprintCpu:F2} s cpu, assigning {seconds.AssignWall:F2} s, {seconds.AssignCpu:F2} s cpu)") : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} {(withStories ? "with stories   " : "without stories")} {seconds.Wall,6:F2} s, cpu {seconds.Cpu,6:F2} s{parts}"));
            }
        var (without, with) = (times[false], times[true]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median without {Median(without, t => t.Wall):F2} s (cpu {Median(without, t => t.Cpu):F2} s), with {Median(with, t => t.Wall):F2} s (cpu {Median(with, t => t.Cpu):F2} s): " +
            $"{Median(with, t => t.Wall) / Median(without, t => t.Wall):F3}x wall, {Median(with, t => t.Cpu) / Median(without, t => t.Cpu):F3}x cpu"));
        return 0;
    }

    /// <summary>
    /// A build's wall time and the process's processor time (this machine is shared: the ratio of the latter
    /// holds better under load), and of that the fingerprinting's and the assigning's, which run alone
    /// between the batches' indexing (the rest of what stories add is writing their fields).
    /// </summary>
    private readonly record struct BuildTimes(double Wall, double Cpu, double FingerprintCpu, double AssignWall, double AssignCpu);

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static BuildTimes Build(IReadOnlyList<Search.Core.DocumentRecord> documents, string path, (StoryFingerprinter Fingerprinter, StoryAssigner? Assigner)? stories)
    {
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(path, recursive: true);
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuSeconds();
        double fingerprintCpu = 0, assignWall = 0, assignCpu = 0;
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
                var fingerprinting = CpuSeconds();
                Parallel.For(0, batch.Length, parallel, i => fingerprints[i] = fingerprinter.Fingerprint(batch[i].Body));
                var (assigning, assigningWall) = (CpuSeconds(), Stopwatch.GetTimestamp());
                fingerprintCpu += assigning - fingerprinting;
                var upserts = batch.Select((d, i) => new StoryDocument(d.Id, d.Date?.DayNumber, fingerprints[i])).ToList();
                assignment = assigner is null
                    ? new StoryAssignment(upserts.ToDictionary(u => u.Id, _ => 0L), new Dictionary<string, long>())
                    : assigner.Assign(lookup, upserts, []);
                lookup.Apply(upserts, [], assignment);
                (assignCpu, assignWall) = (assignCpu + CpuSeconds() - assigning, assignWall + Stopwatch.GetElapsedTime(assigningWall).TotalSeconds);
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
        return new(Stopwatch.GetElapsedTime(started).TotalSeconds, CpuSeconds() - cpu, fingerprintCpu, assignWall, assignCpu);
    }

    private static double Median<T>(List<T> values, Func<T, double> figure) => values.Select(figure).Order().ElementAt(values.Count / 2);
}
