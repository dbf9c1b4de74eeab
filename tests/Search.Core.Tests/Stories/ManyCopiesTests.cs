using System.Diagnostics;
using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

/// <summary>
/// A story of over a thousand identical reprints (what the reindex tests' synthetic documents make: two
/// samples each, the same two) in a real Lucene index: kept batch by batch as a rebuild would key it,
/// and a copy posted, replaced or deleted in it is done well within the second a post is allowed. Before
/// identical copies were looked up as one text, replacing one document walked the story with a lookup of
/// all its copies per copy, 6 s here.
/// </summary>
public sealed class ManyCopiesTests
{
    private static readonly string[] Words = ["الحكومة", "وزير", "الخارجية", "بيان", "الاقتصاد", "النفط", "العاصمة", "المؤتمر"];

    /// <summary>A rotation of one cycle of words, so most documents fingerprint alike, and a word of its own.</summary>
    private static (string Id, int? Day, string Body) Reprint(int i, string? own = null) =>
        ($"r{i:D4}", i % 400, string.Join(' ', Enumerable.Range(0, 24).Select(k => Words[(i + k) % Words.Length])) + $" {own ?? $"own{i}x"}");

    [Fact]
    public void A_story_of_a_thousand_copies_is_kept_fast_and_as_a_rebuild_keys_it()
    {
        using var index = new StoryTestIndex();
        for (var start = 0; start < 1_200; start += 100)
            index.Apply(Enumerable.Range(start, 100).Select(i => Reprint(i)).ToList());
        var keys = index.Keys();
        var largest = keys.GroupBy(k => k.Value).Max(g => g.Count());
        Assert.True(largest > 500, $"largest story {largest}: the copies should make one large story");

        var clock = Stopwatch.StartNew();
        index.Apply([Reprint(1_200)]);
        var posted = clock.Elapsed;
        clock.Restart();
        index.Apply([Reprint(3, own: "replacedx")]);
        var replaced = clock.Elapsed;
        clock.Restart();
        index.Apply([], "r0005");
        var deleted = clock.Elapsed;

        var limit = TimeSpan.FromSeconds(1);
        Assert.True(posted < limit && replaced < limit && deleted < limit, $"posted {posted}, replaced {replaced}, deleted {deleted}");
        var documents = Enumerable.Range(0, 1_201).Where(i => i != 5).Select(i => i == 3 ? Reprint(3, own: "replacedx") : Reprint(i))
            .ToDictionary(d => d.Id, d => (d.Day, d.Body), StringComparer.Ordinal);
        Assert.Equal(BatchByBatchTests.AllAtOnce(documents), index.Keys());
    }
}
