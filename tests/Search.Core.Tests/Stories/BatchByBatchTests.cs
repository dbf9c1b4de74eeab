using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

/// <summary>
/// Stories kept batch by batch through additions, replacements and deletions equal the stories worked
/// out over the whole archive at once, after every batch: keys are a function of the documents alone.
/// </summary>
public sealed class BatchByBatchTests
{
    /// <summary>The key of every document, each story worked out from scratch over all of them.</summary>
    internal static Dictionary<string, long> AllAtOnce(IReadOnlyDictionary<string, (int? Day, string Body)> documents)
    {
        var lookup = new MemoryStoryLookup();
        foreach (var (id, (day, body)) in documents)
            lookup.Put(new StoryEntry(id, day, StoryFingerprinter.Default.Fingerprint(body)));
        var graph = new StoryGraph(lookup, StoryRule.Default);
        return lookup.Entries.ToDictionary(e => e.Id, e => StoryKey.Of(graph.Component(e)), StringComparer.Ordinal);
    }

    /// <summary>The key of every document as a generation of the index holds it, read through its searcher.</summary>
    internal static Dictionary<string, long> KeysOf(Search.Core.Index.SearchIndex index)
    {
        using var lease = index.AcquireSearcher();
        return LuceneStoryLookup.All(lease.Searcher.IndexReader).ToDictionary(e => e.Id, e => e.Key, StringComparer.Ordinal);
    }

    /// <param name="expected">The documents the lookup is sized for: none, as many as it will hold, or too few (it grows).</param>
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(2, 3, 300)]
    [InlineData(3, 7, 0)]
    [InlineData(4, 20, 5)]
    public void In_memory_after_every_batch(int seed, int batchSize, int expected)
    {
        var archive = new RandomStoryArchive(seed);
        var memory = new MemoryStoryLookup(expected);
        var joined = 0;
        for (var n = 0; n < 300 / batchSize; n++)
        {
            var (upserts, deletions) = archive.NextBatch(batchSize);
            var documents = upserts.Select(u => new StoryDocument(u.Id, u.Day, StoryFingerprinter.Default.Fingerprint(u.Body))).ToList();
            memory.Apply(documents, deletions, StoryAssigner.Default.Assign(memory, documents, deletions));

            var wholeKeys = AllAtOnce(archive.Documents);
            Assert.Equal(wholeKeys, memory.Entries.ToDictionary(e => e.Id, e => e.Key));
            joined = wholeKeys.Count - wholeKeys.Values.Distinct().Count();
        }
        Assert.True(joined > 10, $"only {joined} documents share a story: the archive should make many");
    }

    [Theory]
    [InlineData(5, 4)]
    [InlineData(6, 25)]
    public void In_a_lucene_index(int seed, int batchSize)
    {
        var archive = new RandomStoryArchive(seed);
        using var index = new StoryTestIndex();
        for (var n = 0; n < 200 / batchSize; n++)
        {
            var (upserts, deletions) = archive.NextBatch(batchSize);
            index.Apply(upserts, deletions);
        }

        Assert.Equal(AllAtOnce(archive.Documents), index.Keys());
    }
}
