using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

/// <summary>Stories kept batch by batch in a real Lucene index, as the indexing loop will keep them.</summary>
public sealed class StoryAssignerTests
{
    private static readonly string Original = StoryTexts.Sentences(0, 19);

    /// <summary>
    /// A story (original, an edited copy, a shortened reprint), another story, a roundup of both, a chain
    /// of reprints each overlapping the next (x1 and x2 share too little to be linked directly), one short
    /// text carried by two unrelated longer ones, and a loner.
    /// </summary>
    private static readonly (string Id, int? Day, string Body)[] Documents =
    [
        ("a-original", 100, Original),
        ("a-copy", 101, "«" + Original.Replace("أ", "ا") + "» " + StoryTexts.Sentence(60)),
        ("a-short", 102, StoryTexts.Sentences(0, 11)),
        ("b", 100, StoryTexts.Sentences(30, 49)),
        ("roundup", 103, Original + "\n" + StoryTexts.Sentences(30, 49)),
        ("x1", 110, StoryTexts.Sentences(100, 129)),
        ("y", 111, StoryTexts.Sentences(106, 135)),
        ("x2", null, StoryTexts.Sentences(115, 144)),
        ("fragment", 130, StoryTexts.Sentences(200, 211)),
        ("f1", 131, StoryTexts.Sentences(200, 211) + " " + StoryTexts.Sentences(220, 231)),
        ("f2", 132, StoryTexts.Sentences(200, 211) + " " + StoryTexts.Sentences(240, 251)),
        ("loner", 120, StoryTexts.Sentences(70, 79)),
    ];

    private static Dictionary<string, long> Build(IEnumerable<(string, int?, string)> order, int batchSize)
    {
        using var index = new StoryTestIndex();
        foreach (var batch in order.Chunk(batchSize))
            index.Apply(batch);
        return index.Keys();
    }

    [Fact]
    public void Copies_share_a_story_and_no_document_bridges_two()
    {
        var keys = Build(Documents, Documents.Length);

        Assert.Equal(keys["a-original"], keys["a-copy"]);
        Assert.Equal(keys["a-original"], keys["a-short"]);
        Assert.NotEqual(keys["a-original"], keys["b"]);
        Assert.Contains(keys["roundup"], (long[])[keys["a-original"], keys["b"], StoryKey.ForFirstCarrier("roundup")]);
        Assert.Equal(keys["x1"], keys["y"]);
        Assert.Equal(keys["x1"], keys["x2"]);
        Assert.NotEqual(keys["f1"], keys["f2"]);
        Assert.Contains(keys["fragment"], (long[])[keys["f1"], keys["f2"]]);
        Assert.NotEqual(keys["loner"], keys["a-original"]);
    }

    [Fact]
    public void The_key_names_the_first_carrier_whatever_the_order_and_batches()
    {
        var expected = Build(Documents, Documents.Length);

        Assert.Equal(StoryKey.ForFirstCarrier("a-original"), expected["a-short"]);
        Assert.Equal(StoryKey.ForFirstCarrier("x1"), expected["x2"]); // undated comes last
        for (var seed = 0; seed < 6; seed++)
        {
            var random = new Random(seed);
            var order = Documents.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Build(order, batchSize: 1 + seed % 3));
        }
    }

    [Fact]
    public void A_copy_posted_later_joins_without_touching_the_story()
    {
        using var index = new StoryTestIndex();
        index.Apply(Documents);

        var later = index.Apply([("a-later", 130, Original)]);

        Assert.Equal(StoryKey.ForFirstCarrier("a-original"), later.Keys["a-later"]);
        Assert.Empty(later.Updates);
    }

    [Fact]
    public void An_earlier_copy_renames_the_story_in_place()
    {
        using var index = new StoryTestIndex();
        index.Apply(Documents);

        var earlier = index.Apply([("a-earliest", 50, Original)]);

        var key = StoryKey.ForFirstCarrier("a-earliest");
        Assert.All(["a-copy", "a-original", "a-short"], id => Assert.Equal(key, earlier.Updates[id]));
        Assert.DoesNotContain("b", earlier.Updates.Keys);
        var keys = index.Keys();
        Assert.All(["a-earliest", "a-original", "a-copy", "a-short"], id => Assert.Equal(key, keys[id]));
    }

    [Fact]
    public void Deleting_the_text_that_held_a_story_together_splits_it()
    {
        using var index = new StoryTestIndex();
        index.Apply(Documents);

        index.Apply([], "y");

        var keys = index.Keys();
        Assert.Equal(StoryKey.ForFirstCarrier("x1"), keys["x1"]);
        Assert.Equal(StoryKey.ForFirstCarrier("x2"), keys["x2"]);
        Assert.Equal(Build(Documents.Where(d => d.Id != "y"), Documents.Length), keys);
    }

    [Fact]
    public void A_document_replaced_by_another_text_leaves_its_story()
    {
        using var index = new StoryTestIndex();
        index.Apply(Documents);

        index.Apply([("a-original", 100, StoryTexts.Sentences(90, 99))]);

        var keys = index.Keys();
        Assert.Equal(StoryKey.ForFirstCarrier("a-original"), keys["a-original"]);
        Assert.Equal(StoryKey.ForFirstCarrier("a-copy"), keys["a-short"]);
        Assert.Equal(keys["a-copy"], keys["a-short"]);
    }

    [Fact]
    public void The_memory_lookup_gives_what_the_index_gives()
    {
        var memory = new MemoryStoryLookup();
        foreach (var batch in Documents.Chunk(4))
        {
            var documents = batch.Select(d => new StoryDocument(d.Id, d.Day, StoryFingerprinter.Default.Fingerprint(d.Body))).ToList();
            memory.Apply(documents, [], StoryAssigner.Default.Assign(memory, documents, []));
        }

        Assert.Equal(Build(Documents, 4), memory.Entries.ToDictionary(e => e.Id, e => e.Key));
    }
}
