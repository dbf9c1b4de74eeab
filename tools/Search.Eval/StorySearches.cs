using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Client;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Index.Storage;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>
/// <c>stories searches</c>: near copies in the first ten results of ordinary searches, as served and
/// with stories collapsed; <c>stories related</c>: how "more like this" ranks the copies of a document
/// when it is not told them, and what <see cref="RelatedDocuments"/> answers. Both on the corpus as the
/// engine indexes it, with its story fields, in the work folder (built once, then reused).
/// </summary>
internal static class StorySearches
{
    /// <summary>Two results are near copies when most of the smaller body is in the larger (exact four-word runs), the level judged pairs turn mostly into the same story at (docs/stories.md).</summary>
    private const double NearCopy = 0.5;

    public static int Searches(string[] args)
    {
        var options = Options.Parse(args);
        var corpus = StoryCorpus.Load(options.Required("corpus"));
        var (lookup, _, _) = corpus.Build(StoryRule.Default);
        using var reader = EngineIndex.OpenReader(EngineIndex.Product(options.Required("work"), corpus.Documents));
        using var analyzer = ArabicSearchAnalyzer.Create();
        var searcher = new IndexSearcher(reader) { Similarity = SearchSimilarity.Create() };
        var builder = new LuceneQueryBuilder(analyzer);
        int totalServed = 0, totalCollapsed = 0;
        Console.WriteLine($"{"query",-24} {"matches",8} {"stories",8} {"near-copy pairs in top 10: served",34} {"collapsed",10}");
        foreach (var text in options.All("query"))
        {
            var query = builder.Build(UserQueryParser.Parse(PlainTextQuery.Escape(text))).Query;
            if (query is null)
                continue;
            var hits = searcher.Search(query, 1000).ScoreDocs.Select(h => Id(searcher, h.Doc)).ToList();
            var served = hits.Take(10).ToList();
            var collapsed = hits.DistinctBy(id => lookup.Find(id)!.Key).Take(10).ToList();
            var matches = searcher.Search(query, 1).TotalHits;
            var stories = hits.Select(id => lookup.Find(id)!.Key).Distinct().Count();
            var (s, c) = (NearCopyPairs(corpus, served), NearCopyPairs(corpus, collapsed));
            (totalServed, totalCollapsed) = (totalServed + s, totalCollapsed + c);
            Console.WriteLine($"{text,-24} {matches,8} {stories + (hits.Count < matches ? "+" : ""),8} {s,34} {c,10}");
        }
        Console.WriteLine($"{"all",-24} {"",8} {"",8} {totalServed,34} {totalCollapsed,10}");
        return 0;
    }

    public static int Related(string[] args)
    {
        var options = Options.Parse(args);
        var corpus = StoryCorpus.Load(options.Required("corpus"));
        var count = int.Parse(options.Single("count") ?? "300", CultureInfo.InvariantCulture);
        var examples = int.Parse(options.Single("examples") ?? "3", CultureInfo.InvariantCulture);
        var (lookup, _, _) = corpus.Build(StoryRule.Default);
        using var reader = EngineIndex.OpenReader(EngineIndex.Product(options.Required("work"), corpus.Documents));
        using var analyzer = ArabicSearchAnalyzer.Create();
        var searcher = new IndexSearcher(reader) { Similarity = SearchSimilarity.Create() };
        var related = new RelatedDocuments(analyzer, StoryRule.Default);
        var stories = lookup.Entries.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Select(e => e.Id).ToList()).ToList();
        var random = new Random(17);
        var sample = stories.OrderBy(_ => random.Next()).Take(count).Select(s => (Id: s[random.Next(s.Count)], Story: s)).ToList();
        int copies = 0, foundByMlt = 0, foundFirst = 0;
        var latencies = new List<double>();
        foreach (var (id, story) in sample)
        {
            var others = story.Where(o => o != id).ToHashSet(StringComparer.Ordinal);
            var doc = RelatedDocuments.DocNumber(reader, id)!.Value;
            var alone = related.SameSubject(searcher, doc, [id], 10, LanguageAnalyses.Arabic).Select(r => r.Id).ToList();
            var started = Stopwatch.GetTimestamp();
            var answer = related.Find(searcher, id, 10);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            copies += Math.Min(10, others.Count);
            foundByMlt += alone.Count(others.Contains);
            foundFirst += answer.TakeWhile(r => r.SameStory).Count(r => others.Contains(r.Id));
            if (examples-- > 0)
                PrintExample(corpus, id, answer);
        }
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sample.Count} articles of stories with copies, {copies} copies (at most 10 each): more-like-this alone ranks {foundByMlt} of them in its first 10 ({(double)foundByMlt / copies:F3}); related lists {foundFirst} first ({(double)foundFirst / copies:F3}); related p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[latencies.Count * 99 / 100]:F1} ms"));
        return 0;
    }

    private static void PrintExample(StoryCorpus corpus, string id, IReadOnlyList<RelatedDocument> answer)
    {
        var d = corpus.ById[id];
        Console.WriteLine($"== {id} | {d.Source} | {d.IsoDate} | {d.Title}");
        foreach (var r in answer)
        {
            var o = corpus.ById[r.Id];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {(r.SameStory ? "copy" : "    ")} {r.Score,6:F2} {o.Id} | {o.Source} | {o.IsoDate} | {o.Title}"));
        }
    }

    private static int NearCopyPairs(StoryCorpus corpus, List<string> ids)
    {
        var pairs = 0;
        for (var i = 0; i < ids.Count; i++)
            for (var j = i + 1; j < ids.Count; j++)
                if (corpus.Overlap(ids[i], ids[j]).OfSmaller >= NearCopy)
                    pairs++;
        return pairs;
    }

    private static string Id(IndexSearcher searcher, int doc) => searcher.Doc(doc, new HashSet<string> { IndexFields.Id }).Get(IndexFields.Id);
}
