using Search.Core.Retrieval;
using Search.Core.Tests.Stories;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval;

/// <summary>
/// Collapsed searches, page after page, list exactly the stories of the uncollapsed order, each once as its
/// first (best) copy there: on an archive of many stories carried up to eight times, with copies whose scores
/// tie (the same title) and copies weaker than every story a page keeps.
/// </summary>
public sealed class CollapsedPagesTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public CollapsedPagesTests()
    {
        var random = new Random(17);
        var documents = new List<DocumentRecord>();
        for (var story = 0; story < 40; story++)
        {
            // Every statement holds the searched word, some of them more often (their copies score higher).
            var body = StoryTexts.Sentences(story * 10, story * 10 + 9) + string.Concat(Enumerable.Repeat(" الزيتون", 1 + random.Next(3)));
            var copies = 1 + random.Next(8);
            for (var copy = 0; copy < copies; copy++)
            {
                var title = copy % 3 == 0 ? $"بيان رقم {story}" : $"الزيتون في خبر رقم {copy}";
                documents.Add(new DocumentRecord($"s{story:D2}-c{copy}", title, new DateOnly(2020, 1, 1).AddDays(random.Next(900)),
                    body, $"مصدر {random.Next(12)}"));
            }
        }
        _engine = _folder.OpenEngineWith(documents);
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(SortOrder.Relevance, 1)]
    [InlineData(SortOrder.Relevance, 3)]
    [InlineData(SortOrder.Relevance, 7)]
    [InlineData(SortOrder.Newest, 4)]
    [InlineData(SortOrder.Oldest, 6)]
    public void Pages_of_stories_are_the_uncollapsed_order_with_each_story_once(SortOrder sort, int size)
    {
        var stories = _engine.StoryIds();
        var uncollapsed = new List<string>();
        for (var page = 1; uncollapsed.Count == (page - 1) * SearchRequest.MaxSize; page++)
            uncollapsed.AddRange(_engine.Search(new SearchRequest("الزيتون", Sort: sort, Page: page, Size: SearchRequest.MaxSize, Collapse: false, Snippets: false)).Hits.Select(h => h.Id));
        var expected = uncollapsed.DistinctBy(id => stories[id]).ToList();

        var collapsed = new List<string>();
        for (var page = 1; page <= expected.Count / size + 1; page++)
            collapsed.AddRange(_engine.Search(new SearchRequest("الزيتون", Sort: sort, Page: page, Size: size, Snippets: false)).Hits.Select(h => h.Id));

        Assert.Equal(_engine.Search(new SearchRequest("الزيتون", Collapse: false)).Total, uncollapsed.Count);
        Assert.True(expected.Count < uncollapsed.Count / 2, $"{expected.Count} stories of {uncollapsed.Count} matches: stories should have several copies");
        Assert.Equal(expected, collapsed);
    }
}
