using Search.Core.Retrieval;
using Search.Core.Tests.Stories;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval;

/// <summary>
/// A collapsed search counts the distinct stories among its matches to know whether a page is the last: here the
/// copies of one story lie in different segments (each batch indexed and made visible on its own, as documents
/// coming in while the service is searched are), and some stories are in one segment only. Walking the pages by
/// cursor must list every story once and end exactly at the last one: a count too high gives a cursor to an empty
/// page, one too low ends before the last story.
/// </summary>
public sealed class StoriesAcrossSegmentsTests : IDisposable
{
    private const int Stories = 24;

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DocumentRecord Copy(int story, int copy) => new(
        $"s{story:D2}-c{copy}",
        $"بيان رقم {story}",
        new DateOnly(2021, 1, 1).AddDays(story * 3 + copy),
        StoryTexts.Sentences(story * 10, story * 10 + 9) + " الزيتون",
        $"مصدر {copy}");

    [Theory]
    [InlineData(SortOrder.Relevance, 1)]
    [InlineData(SortOrder.Relevance, 5)]
    [InlineData(SortOrder.Newest, 4)]
    public void Cursor_pages_list_each_story_once_and_end_at_the_last(SortOrder sort, int size)
    {
        var engine = _folder.OpenEngine();
        // Story s has copies in the batches s % 3, (s + 1) % 3 … up to 1 + s % 3 of them: stories in one, two or three segments.
        for (var batch = 0; batch < 3; batch++)
        {
            engine.Accept([.. Enumerable.Range(0, Stories)
                .Where(story => (batch - story % 3 + 3) % 3 <= story % 3)
                .Select(story => Copy(story, batch))]);
            engine.CatchUp();
        }
        var stories = engine.StoryIds();
        Assert.Equal(Stories, stories.Values.Distinct().Count());

        var walked = new List<string>();
        SearchCursor? cursor = null;
        do
        {
            var page = engine.Search(new SearchRequest("الزيتون", Sort: sort, Size: size, After: cursor, Snippets: false));
            Assert.NotEmpty(page.Hits);
            walked.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Stories, walked.Count);
        Assert.Equal(Stories, walked.Select(id => stories[id]).Distinct().Count());
    }
}
