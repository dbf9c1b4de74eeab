using System.Globalization;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>
/// The judged pairs of docs/stories.md: candidate pairs of the corpus drawn evenly across levels of
/// overlap (<c>pairs</c>), printed for reading (<c>show</c>, to the console only: no corpus text is
/// written), and the rule and its alternatives scored against the verdicts (<c>score</c>).
/// The verdicts file holds ids and verdicts only: <c>first&lt;TAB&gt;second&lt;TAB&gt;same|different</c>.
/// </summary>
internal static class StoryPairs
{
    /// <summary>Bins by the exact share of the smaller body found in the larger (lower bounds).</summary>
    private static readonly double[] Bins = [0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static int Sample(string[] args)
    {
        var options = Options.Parse(args);
        var corpus = StoryCorpus.Load(options.Required("corpus"));
        var perBin = int.Parse(options.Single("per-bin") ?? "8", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(options.Single("seed") ?? "17", CultureInfo.InvariantCulture));
        var binned = BinnedPairs(corpus);
        using var output = new StreamWriter(options.Required("out"));
        output.WriteLine("# first\tsecond\tbin\tshare of smaller\tshare of larger\tpairs in bin");
        for (var bin = 0; bin < Bins.Length; bin++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bin >= {Bins[bin]:F1}: {binned[bin].Count} pairs"));
            foreach (var (first, second, ofSmaller, ofLarger) in binned[bin].OrderBy(_ => random.Next()).Take(perBin))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first}\t{second}\t{Bins[bin]:F1}\t{ofSmaller:F2}\t{ofLarger:F2}\t{binned[bin].Count}"));
        }
        return 0;
    }

    /// <summary>Prints pairs of a pairs file for judging: ids, outlets, dates, titles, overlap, and the start and end of each body.</summary>
    public static int Show(string[] args)
    {
        var options = Options.Parse(args);
        var corpus = StoryCorpus.Load(options.Required("corpus"));
        var skip = int.Parse(options.Single("skip") ?? "0", CultureInfo.InvariantCulture);
        var count = int.Parse(options.Single("count") ?? "10", CultureInfo.InvariantCulture);
        var chars = int.Parse(options.Single("chars") ?? "400", CultureInfo.InvariantCulture);
        foreach (var (first, second) in ReadPairs(options.Required("pairs")).Skip(skip).Take(count).Select(p => (p.First, p.Second)))
        {
            var (ofSmaller, ofLarger) = corpus.Overlap(first, second);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"=== {first} {second}  smaller {ofSmaller:F2} larger {ofLarger:F2}  passage: {SharedPassage.Between(corpus.ById[first].Body, corpus.ById[second].Body).Words} words"));
            foreach (var id in (string[])[first, second])
            {
                var d = corpus.ById[id];
                var body = d.Body.Replace('\n', ' ');
                Console.WriteLine($"-- {d.Id} | {d.Source} | {d.IsoDate} | {d.Title} | {body.Length} chars");
                Console.WriteLine("   " + body[..Math.Min(chars, body.Length)]);
                if (body.Length > chars)
                    Console.WriteLine("   … " + body[Math.Max(chars, body.Length - chars / 2)..]);
            }
        }
        return 0;
    }

    /// <summary>Precision and recall of each variant on the judged pairs, pair by pair (related) and as stories (same story in the whole corpus).</summary>
    public static int Score(string[] args)
    {
        var options = Options.Parse(args);
        var folder = options.Required("corpus");
        var judged = ReadPairs(options.Required("judged")).ToList();
        var weights = Weights(StoryCorpus.Load(folder), judged);
        Console.WriteLine($"{judged.Count} judged pairs, {judged.Count(p => p.Same)} the same story; P and R as judged, then (w) weighted by how many corpus pairs each judged pair stands for in its bin");
        Console.WriteLine($"{"variant",-56} {"related P",9} {"R",6} {"story P",8} {"R",6} {"P (w)",6} {"R (w)",6} {"stories",8} {"in >1",7} {"largest",7}");
        foreach (var spec in options.All("variant").DefaultIfEmpty(""))
        {
            var (fingerprinter, rule) = StoryVariant.Parse(spec);
            var corpus = StoryCorpus.Load(folder, fingerprinter);
            var (lookup, _, _) = corpus.Build(rule);
            var related = judged.Select(p => rule.Relate(lookup.Find(p.First)!.Fingerprint, lookup.Find(p.Second)!.Fingerprint) != StoryRelation.None).ToList();
            var sameStory = judged.Select(p => lookup.Find(p.First)!.Key == lookup.Find(p.Second)!.Key).ToList();
            var sizes = lookup.Entries.GroupBy(e => e.Key).Select(g => g.Count()).ToList();
            var (rp, rr) = PrecisionRecall(judged, related, null);
            var (sp, sr) = PrecisionRecall(judged, sameStory, null);
            var (wp, wr) = PrecisionRecall(judged, sameStory, weights);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{StoryVariant.Describe(fingerprinter, rule),-56} {rp,9:F3} {rr,6:F3} {sp,8:F3} {sr,6:F3} {wp,6:F3} {wr,6:F3} {sizes.Count,8} {sizes.Where(s => s > 1).Sum(),7} {sizes.Max(),7}"));
            if (options.Single("misses") is "true")
                foreach (var (pair, decided) in judged.Zip(sameStory).Where(x => x.First.Same != x.Second))
                    Console.WriteLine($"   {(pair.Same ? "missed" : "glued ")} {pair.First} {pair.Second}");
        }
        return 0;
    }

    /// <summary>Precision and recall, each judged pair counting <paramref name="weights"/>' weight (1 without).</summary>
    private static (double Precision, double Recall) PrecisionRecall(List<(string First, string Second, bool Same)> judged, List<bool> decided, double[]? weights)
    {
        double truePositives = 0, positives = 0, same = 0;
        for (var i = 0; i < judged.Count; i++)
        {
            var weight = weights?[i] ?? 1;
            truePositives += judged[i].Same && decided[i] ? weight : 0;
            positives += decided[i] ? weight : 0;
            same += judged[i].Same ? weight : 0;
        }
        return (positives == 0 ? 1 : truePositives / positives, same == 0 ? 1 : truePositives / same);
    }

    /// <summary>How many corpus pairs of its bin each judged pair stands for: the judged pairs were drawn evenly across bins, the corpus's pairs are not.</summary>
    private static double[] Weights(StoryCorpus corpus, List<(string First, string Second, bool Same)> judged)
    {
        var population = BinnedPairs(corpus).Select(b => b.Count).ToArray();
        var bins = judged.Select(p => Bin(corpus.Overlap(p.First, p.Second).OfSmaller)).ToArray();
        return bins.Select(b => b < 0 ? 0 : (double)population[b] / bins.Count(x => x == b)).ToArray();
    }

    /// <summary>Every candidate pair of the corpus in the bin of its exact overlap (pairs below the lowest bin left out).</summary>
    private static List<(string First, string Second, double OfSmaller, double OfLarger)>[] BinnedPairs(StoryCorpus corpus)
    {
        var binned = Bins.Select(_ => new List<(string, string, double, double)>()).ToArray();
        foreach (var (first, second) in CandidatePairs(corpus))
        {
            var (ofSmaller, ofLarger) = corpus.Overlap(first, second);
            var bin = Bin(ofSmaller);
            if (bin >= 0)
                binned[bin].Add((first, second, ofSmaller, ofLarger));
        }
        return binned;
    }

    private static int Bin(double ofSmaller) => Array.FindLastIndex(Bins, b => ofSmaller >= b);

    /// <summary>Pairs of articles sharing two samples or more: every pair with real overlap, and many without.</summary>
    private static IEnumerable<(string, string)> CandidatePairs(StoryCorpus corpus)
    {
        var lookup = new MemoryStoryLookup();
        for (var i = 0; i < corpus.Documents.Count; i++)
            lookup.Put(new StoryEntry(corpus.Documents[i].Id, null, corpus.Fingerprints[i]));
        for (var i = 0; i < corpus.Documents.Count; i++)
            foreach (var other in lookup.Sharing(corpus.Fingerprints[i], 2))
                if (string.CompareOrdinal(corpus.Documents[i].Id, other.Id) < 0)
                    yield return (corpus.Documents[i].Id, other.Id);
    }

    /// <summary>Pairs files and verdict files alike: the first two columns are ids; a third column <c>same</c> marks the same story.</summary>
    private static IEnumerable<(string First, string Second, bool Same)> ReadPairs(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], f[1], f.Length > 2 && f[2] == "same"));
}
