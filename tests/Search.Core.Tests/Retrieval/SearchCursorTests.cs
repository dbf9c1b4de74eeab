using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval;

public sealed class SearchCursorTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public SearchCursorTests()
    {
        // 25 statements sharing a word, some on the same day, so both orders need the id to be total.
        var documents = Enumerable.Range(1, 25).Select(i => ArabicStatements.Doc(
            $"c{i:D2}",
            $"بيان رقم {i} عن الاقتصاد" + string.Concat(Enumerable.Repeat(" الاقتصاد", i % 4)),
            $"2021-0{1 + i % 3}-1{i % 5}")).ToList();
        documents.Add(ArabicStatements.Doc("undated", "بيان عن الاقتصاد بلا تاريخ"));
        _engine = _folder.OpenEngineWith(documents);
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("الاقتصاد", null)]
    [InlineData("الاقتصاد", SortOrder.Newest)]
    [InlineData("الاقتصاد", SortOrder.Oldest)]
    [InlineData("", null)]
    public void Following_cursors_walks_every_hit_once_in_the_order_of_one_big_page(string text, SortOrder? sort)
    {
        var whole = _engine.Search(new SearchRequest(text, Sort: sort, Size: 100)).Hits.Select(h => h.Id).ToList();
        Assert.Equal(26, whole.Count);

        var walked = new List<string>();
        SearchCursor? cursor = null;
        do
        {
            var page = _engine.Search(new SearchRequest(text, Sort: sort ?? cursor?.Sort, Size: 7, After: cursor));
            Assert.Equal(26, page.Total);
            walked.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(whole, walked);
    }

    /// <summary>
    /// Ids past the surrogates too: ties are broken on the ids' UTF-8 bytes, in the order their strings take
    /// ordinally, where a character above U+FFFF comes before U+E000-U+FFFF.
    /// </summary>
    [Fact]
    public void Equal_scores_are_ordered_by_id_alike_in_pages_and_in_cursor_walks()
    {
        using var folder = new TempDataFolder();
        var ids = Enumerable.Range(0, 40).Select(i => $"t{i * 7 % 40:D2}")
            .Concat(["t", "t😀", "t�1", "t𝄞", "tب"]).ToList();
        using var engine = folder.OpenEngineWith(ids.Select(id => ArabicStatements.Doc(id, "بيان مشترك عن المياه والسدود", "2022-03-01")).ToList());

        var whole = engine.Search(new SearchRequest("المياه", Size: 100)).Hits;
        Assert.Single(whole.Select(h => h.Score).Distinct());
        Assert.Equal(ids.Order(StringComparer.Ordinal), whole.Select(h => h.Id));

        var walked = new List<string>();
        SearchCursor? cursor = null;
        do
        {
            var page = engine.Search(new SearchRequest("المياه", Size: 6, After: cursor));
            walked.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(whole.Select(h => h.Id), walked);
        Assert.Equal(whole.Skip(12).Take(6).Select(h => h.Id), engine.Search(new SearchRequest("المياه", Page: 3, Size: 6)).Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_date_cursor_survives_encoding_and_documents_added_before_it_is_used()
    {
        var first = _engine.Search(new SearchRequest("الاقتصاد", Sort: SortOrder.Newest, Size: 5));
        var encoded = first.NextCursor!.Encode();
        _engine.Accept([ArabicStatements.Doc("late", "خبر لاحق لا علاقة له", "2021-05-05")]);
        _engine.CatchUp();

        Assert.True(SearchCursor.TryDecode(encoded, out var decoded));
        var second = _engine.Search(new SearchRequest("الاقتصاد", Sort: SortOrder.Newest, Size: 5, After: decoded));
        Assert.Empty(second.Hits.Select(h => h.Id).Intersect(first.Hits.Select(h => h.Id)));
        Assert.Equal(5, second.Hits.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64!")]
    [InlineData("e30")]
    [InlineData("eyJTIjoicmVsZXZhbmNlIiwiSyI6MX0")]
    public void Garbage_is_not_a_cursor(string text) => Assert.False(SearchCursor.TryDecode(text, out _));

    [Fact]
    public void The_last_page_has_no_cursor()
    {
        var result = _engine.Search(new SearchRequest("الاقتصاد", Size: 100));
        Assert.Null(result.NextCursor);
    }
}
