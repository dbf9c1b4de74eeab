using System.Diagnostics;
using Search.Bench.Micro;
using Search.Bench.Support;
using Search.Core;
using Search.Core.Following;

namespace Search.Bench.Modes;

/// <summary>
/// What matching saved searches adds to ingest: the same documents stored and indexed in batches, as
/// the API takes them, into a fresh data folder with no saved search and with <c>--searches</c> of them
/// (words drawn from the corpus's titles, some kept to a source or a period); after each batch the
/// index catches up and, with saved searches, they are matched as the alert worker does. Runs alternate
/// (none, with, none, with…) so that the machine's drift falls on both alike.
/// </summary>
public static class AlertsMode
{
    public static int Run(Arguments options)
    {
        var data = options.Required("data");
        var files = options.All("corpus");
        var count = options.Int("documents", 5_000);
        var batch = options.Int("batch", 100);
        var searches = options.Int("searches", 300);
        var runs = options.Int("runs", 3);
        var documents = CorpusFiles.Read(files).Take(count).ToList();
        var queries = SavedQueries(documents, searches, new Random(11));

        for (var run = 0; run < runs; run++)
        {
            foreach (var withSearches in new[] { false, true })
            {
                if (Directory.Exists(data))
                    Directory.Delete(data, recursive: true);
                using var engine = SearchEngine.Open(data);
                if (withSearches)
                    foreach (var (query, i) in queries.Select((q, i) => (q, i)))
                        engine.SaveSearch($"bench {i}", query, new Uri($"http://127.0.0.1:9/{i}"));
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var matchTime = TimeSpan.Zero;
                foreach (var part in documents.Chunk(batch))
                {
                    engine.IngestDocuments(BenchText.AsJsonLines(part));
                    engine.CatchUp();
                    if (withSearches)
                    {
                        var matching = Stopwatch.StartNew();
                        while (engine.MatchSavedSearches() > 0)
                        {
                        }
                        matchTime += matching.Elapsed;
                    }
                }
                clock.Stop();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var alerts = withSearches ? engine.SavedSearches().Sum(s => s.Pending) : 0;

                // What the alert worker does next, apart: writing each alert's documents (titles, snippets) as
                // it sends them, which matching no longer does.
                var writing = Stopwatch.StartNew();
                var written = withSearches ? engine.DueAlerts(DateTimeOffset.UtcNow.AddMinutes(1), int.MaxValue).Count : 0;
                var writeCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore - cpu;
                Console.WriteLine(
                    $"alerts run={run} searches={(withSearches ? searches : 0)} documents={documents.Count} batch={batch} " +
                    $"wall_s={clock.Elapsed.TotalSeconds:F2} cpu_s={cpu.TotalSeconds:F2} match_s={matchTime.TotalSeconds:F2} " +
                    $"docs_per_s={documents.Count / clock.Elapsed.TotalSeconds:F0} alerts={alerts} " +
                    $"written={written} write_s={writing.Elapsed.TotalSeconds:F2} write_cpu_s={writeCpu.TotalSeconds:F2}");
            }
        }
        return 0;
    }

    /// <summary>Saved searches an analyst might keep: one or two title words, a few with a source or a year.</summary>
    private static List<SavedQuery> SavedQueries(IReadOnlyList<DocumentRecord> documents, int count, Random random)
    {
        var words = documents.SelectMany(d => d.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4 && w.All(char.IsLetter)).Distinct().ToList();
        var sources = documents.Select(d => d.Source).Where(s => s.Length > 0).Distinct().ToList();
        return Enumerable.Range(0, count).Select(i =>
        {
            var text = random.Next(3) == 0 ? $"{words[random.Next(words.Count)]} {words[random.Next(words.Count)]}" : words[random.Next(words.Count)];
            return (i % 10) switch
            {
                0 when sources.Count > 0 => new SavedQuery(text, Source: sources[random.Next(sources.Count)]),
                1 => new SavedQuery(text, From: new DateOnly(2015 + random.Next(8), 1, 1)),
                2 => new SavedQuery($"\"{text}\""),
                _ => new SavedQuery(text),
            };
        }).ToList();
    }
}
