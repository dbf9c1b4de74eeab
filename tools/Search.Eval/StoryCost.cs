using System.Diagnostics;
using System.Globalization;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>
/// <c>stories stats</c>: the stories of the corpus (how many, of what sizes, how many outlets) and the
/// cost of computing them: fingerprinting every body, assigning in rebuild-sized batches from memory,
/// and the near-real-time path (a copy posted alone, looked up in a Lucene index of the corpus).
/// </summary>
internal static class StoryCost
{
    public static int Stats(string[] args)
    {
        var options = Options.Parse(args);
        var work = Path.GetFullPath(options.Required("work"));
        var (fingerprinter, rule) = StoryVariant.Parse(options.Single("variant") ?? "");
        var corpus = StoryCorpus.Load(options.Required("corpus"), fingerprinter);
        var count = corpus.Documents.Count;
        Console.WriteLine(Line($"{count} articles, variant {StoryVariant.Describe(fingerprinter, rule)}"));
        Console.WriteLine(Line($"fingerprinting: {corpus.FingerprintSeconds:F2} s on one thread, {corpus.FingerprintSeconds * 1e6 / count:F1} µs an article, {corpus.Fingerprints.Average(f => f.Count):F1} samples an article"));

        // Twice: the first includes compiling the code; processor time as well, since this machine is shared and its wall times swing.
        MemoryStoryLookup lookup = null!;
        for (var round = 0; round < 2; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            (lookup, var seconds, var updates) = corpus.Build(rule);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(Line($"assigning in batches of 2000 from memory ({(round == 0 ? "first" : "again")}): {seconds:F2} s, {seconds * 1e6 / count:F1} µs an article, cpu {cpuSeconds:F2} s; {updates} keys of indexed articles changed on the way"));
        }
        PrintSizes(corpus, lookup);
        var graph = new StoryGraph(lookup, rule);
        var differing = lookup.Entries.Where(e => StoryKey.Of(graph.Component(e)) != e.Key).ToList();
        Console.WriteLine(Line($"keys built batch by batch that differ from the stories of the whole corpus worked out at once: {differing.Count}"));
        foreach (var e in differing.Take(5))
            Console.WriteLine(Line($"  {e.Id}: batch {string.Join(" ", lookup.Entries.Where(o => o.Key == e.Key).Select(o => o.Id))} / whole {string.Join(" ", graph.Component(e).Select(o => o.Id))}"));
        var related = lookup.Entries.Select(e => graph.Related(e).Count).Order().ToList();
        Console.WriteLine(Line($"related documents of an article: mean {related.Average():F2}, p50 {related[related.Count / 2]}, p99 {related[related.Count * 99 / 100]}, max {related[^1]}"));
        foreach (var hub in lookup.Entries.OrderByDescending(e => graph.Related(e).Count).Take(5))
            Console.WriteLine(Line($"  {hub.Id} {corpus.ById[hub.Id].Source} {corpus.ById[hub.Id].Body.Length} chars {hub.Fingerprint.Count} samples: {string.Join(", ", graph.Related(hub).GroupBy(r => r.Relation).Select(g => $"{g.Key} {g.Count()}"))}"));
        // The engine indexes the product's stories only: a copy fingerprinted otherwise would not be looked up as it is served.
        if (StoryVariant.Describe(fingerprinter, rule) == StoryVariant.Describe(StoryFingerprinter.Default, StoryRule.Default))
            NearRealTime(corpus, lookup, rule, work, int.Parse(options.Single("posts") ?? "2000", CultureInfo.InvariantCulture));
        else
            Console.WriteLine("near real time: measured with the product's variant only");
        return 0;
    }

    private static void PrintSizes(StoryCorpus corpus, MemoryStoryLookup lookup)
    {
        var stories = lookup.Entries.GroupBy(e => e.Key).Select(g => g.ToList()).ToList();
        Console.WriteLine(Line($"{stories.Count} stories; {stories.Count(s => s.Count > 1)} with two articles or more, holding {stories.Where(s => s.Count > 1).Sum(s => s.Count)} articles"));
        foreach (var (low, high) in new[] { (1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, int.MaxValue) })
        {
            var matching = stories.Where(s => s.Count >= low && s.Count <= high).ToList();
            Console.WriteLine(Line($"  size {low}{(high == low ? "" : high == int.MaxValue ? "+" : $"-{high}")}: {matching.Count} stories, {matching.Sum(s => s.Count)} articles"));
        }
        var outlets = stories.Where(s => s.Count > 1).Select(s => s.Select(e => corpus.ById[e.Id].Source).Distinct().Count()).ToList();
        Console.WriteLine(Line($"  stories of two articles or more: {outlets.Count(o => o > 1)} carried by two outlets or more, {outlets.Count(o => o == 1)} by one outlet only; largest {stories.Max(s => s.Count)} articles"));
    }

    /// <summary>
    /// Posts copies of <paramref name="posts"/> articles one at a time under new ids against the corpus as the
    /// engine indexes it (the product's stories, as its rebuild leaves them): the assigner's whole
    /// work for a document arriving alone, through <see cref="LuceneStoryLookup"/>.
    /// </summary>
    private static void NearRealTime(StoryCorpus corpus, MemoryStoryLookup stories, StoryRule rule, string work, int posts)
    {
        using var reader = EngineIndex.OpenReader(EngineIndex.Product(work, corpus.Documents));
        var assigner = new StoryAssigner(rule);
        var lookup = new LuceneStoryLookup(reader);
        var random = new Random(17);
        var latencies = new List<double>(posts);
        var joined = 0;
        for (var n = 0; n < posts; n++)
        {
            var i = random.Next(corpus.Documents.Count);
            var copy = corpus.Document(i) with { Id = corpus.Documents[i].Id + "-copy" };
            var started = Stopwatch.GetTimestamp();
            var assignment = assigner.Assign(lookup, [copy], []);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (assignment.Keys[copy.Id] == stories.Find(corpus.Documents[i].Id)!.Key)
                joined++;
        }
        latencies.Sort();
        Console.WriteLine(Line($"near real time, one copy posted at a time against the corpus in {reader.Leaves.Count} segment(s) ({posts} posts): p50 {latencies[posts / 2]:F3} ms, p99 {latencies[posts * 99 / 100]:F3} ms, max {latencies[^1]:F1} ms; {joined} joined the story of the article copied"));
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
