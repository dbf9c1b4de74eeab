using Search.Core;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>
/// <c>stories stable</c>: the story key of every article as the engine gives it when the corpus is posted batch by
/// batch (the live path, each batch searchable before the next), again after a rebuild from the archive (the reindex
/// path: batches read ahead, documents streamed on every core), and as the rule makes them over the whole corpus at
/// once: the three must agree on every article.
/// </summary>
internal static class StoryStability
{
    private const int PostedBatch = 1_000;

    public static int Stable(string[] args)
    {
        var options = Options.Parse(args);
        var folder = Path.Combine(Path.GetFullPath(options.Required("work")), "stable");
        var corpus = StoryCorpus.Load(options.Required("corpus"));
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        using var engine = SearchEngine.Open(folder);
        foreach (var batch in corpus.Documents.Chunk(PostedBatch))
        {
            engine.IngestDocuments(EngineIndex.JsonLines(batch));
            engine.CatchUp();
        }
        var live = engine.StoryIds();

        EngineIndex.Rebuild(engine, "stories stable");
        var rebuilt = engine.StoryIds();

        // A story is a component of the graph of the whole corpus, whatever order its documents were put in.
        var (whole, _, _) = corpus.Build(StoryRule.Default);
        var graph = new StoryGraph(whole, StoryRule.Default);
        IReadOnlyDictionary<string, string> atOnce = whole.Entries.ToDictionary(e => e.Id, e => StoryKey.Format(StoryKey.Of(graph.Component(e))), StringComparer.Ordinal);

        var differ = (IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count(p => !b.TryGetValue(p.Key, out var key) || key != p.Value) + b.Keys.Count(id => !a.ContainsKey(id));
        Console.WriteLine($"{live.Count} articles, {live.Values.Distinct().Count()} stories posted batch by batch, {rebuilt.Values.Distinct().Count()} rebuilt, {atOnce.Values.Distinct().Count()} at once");
        var (liveRebuilt, liveAtOnce, rebuiltAtOnce) = (differ(live, rebuilt), differ(live, atOnce), differ(rebuilt, atOnce));
        Console.WriteLine($"articles whose key differs: posted/rebuilt {liveRebuilt}, posted/at once {liveAtOnce}, rebuilt/at once {rebuiltAtOnce}");
        return liveRebuilt + liveAtOnce + rebuiltAtOnce == 0 ? 0 : 1;
    }
}
