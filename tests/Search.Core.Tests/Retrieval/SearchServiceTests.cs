using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.ArabicStatements;

namespace Search.Core.Tests.Retrieval;

public sealed class SearchServiceTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public SearchServiceTests() => _engine = _folder.OpenEngineWith(All);

    public void Dispose() => _folder.Dispose();

    private SearchResult Search(string? text, int size = 10, int page = 1, SortOrder? sort = null,
        DateOnly? from = null, DateOnly? to = null, string? source = null) =>
        _engine.Search(new SearchRequest(text, from, to, source, sort, page, size));

    private static string[] Ids(SearchResult result) => result.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_word_finds_the_documents_containing_it()
    {
        var result = Search("الحكومة");

        Assert.Equal(2, result.Total);
        Assert.Equal(["s3", "s6"], Ids(result));
    }

    [Fact]
    public void A_hit_carries_the_stored_fields_and_a_snippet()
    {
        var hit = Assert.Single(Search("الخرطوم").Hits);

        Assert.Equal(("s5", "مدرسة جديدة", new DateOnly(2022, 6, 15), ArabAgency), (hit.Id, hit.Title, hit.Date, hit.Source));
        Assert.True(hit.Score > 0);
        Assert.Contains("<mark>الخرطوم</mark>", hit.Snippet);
    }

    [Fact]
    public void Finds_words_of_the_title()
    {
        Assert.Equal(["s6"], Ids(Search("المزارعين")));
        Assert.Equal(["s4"], Ids(Search("تصريح")));
    }

    [Fact]
    public void A_word_in_no_document_finds_nothing()
    {
        var result = Search("البرتقال");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
    }

    [Theory]
    [InlineData("الامريكية")]
    [InlineData("الأمريكية")]
    [InlineData("الامريكيه")]
    public void Hamza_and_teh_marbuta_variants_find_each_other(string query)
    {
        // s2 writes "الأمريكية", s3 writes "الامريكية".
        Assert.Equal(["s2", "s3"], Ids(Search(query)));
    }

    [Fact]
    public void Several_words_find_documents_with_any_of_them()
    {
        Assert.Equal(["s1", "s5"], Ids(Search("القاهرة الخرطوم")));
    }

    [Fact]
    public void Documents_with_more_of_the_words_rank_first()
    {
        var result = Search("وزير الخارجية القاهرة");

        Assert.Equal(["s1", "s4"], result.Hits.Select(h => h.Id));
        Assert.True(result.Hits[0].Score > result.Hits[1].Score);
    }

    [Fact]
    public void An_exact_phrase_requires_the_words_next_to_each_other_in_order()
    {
        Assert.Equal(["s1"], Ids(Search("\"وزير الخارجية\"")));
        Assert.Equal(["s4"], Ids(Search("«وزير الدفاع»")));
        Assert.Equal(0, Search("\"الخارجية وزير\"").Total);
    }

    [Fact]
    public void An_excluded_word_removes_the_documents_containing_it()
    {
        Assert.Equal(["s1"], Ids(Search("الخارجية -الدفاع")));
        Assert.Equal(["s1", "s4"], Ids(Search("الخارجية -البرتقال")));
    }

    [Fact]
    public void Only_exclusions_list_every_other_document()
    {
        var result = Search("-الحكومة");

        Assert.Equal(All.Count - 2, result.Total);
        Assert.DoesNotContain(result.Hits, h => h.Id is "s3" or "s6");
    }

    [Fact]
    public void A_required_word_must_be_in_every_hit()
    {
        Assert.Equal(["s1"], Ids(Search("+القاهرة الخارجية")));
        Assert.Equal(["s1"], Ids(Search("القاهرة AND الخارجية")));
    }

    [Fact]
    public void Or_accepts_any_of_the_alternatives()
    {
        Assert.Equal(["s1", "s5"], Ids(Search("القاهرة OR الخرطوم")));
        Assert.Equal(["s5"], Ids(Search("+مدرسة القاهرة OR الخرطوم")));
    }

    [Fact]
    public void A_query_it_cannot_read_raises_a_syntax_error()
    {
        Assert.Throws<QuerySyntaxException>(() => Search("\"وزير الخارجية"));
    }

    [Theory]
    [InlineData("في")]
    [InlineData("في من على")]
    [InlineData("\"في\"")]
    public void A_query_of_stop_words_only_finds_nothing_without_failing(string query)
    {
        var result = Search(query);

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.Empty(result.Facets.Dates);
    }

    [Fact]
    public void Stop_words_beside_a_word_do_not_prevent_matching()
    {
        Assert.Equal(["s5"], Ids(Search("في الخرطوم")));
    }

    [Fact]
    public void The_date_range_includes_both_ends()
    {
        var result = Search(null, from: new DateOnly(2021, 3, 5), to: new DateOnly(2021, 3, 20));

        Assert.Equal(["s2", "s3"], Ids(result));
    }

    [Theory]
    [InlineData("2021-03-06", "2021-03-19", new string[0])]
    [InlineData("2022-06-15", "2022-06-15", new[] { "s4", "s5" })]
    [InlineData("2022-01-01", null, new[] { "s4", "s5", "s6" })]
    [InlineData(null, "2021-01-10", new[] { "s1" })]
    public void The_date_range_filters_dated_documents(string? from, string? to, string[] expected)
    {
        var result = Search(null,
            from: from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to: to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, Ids(result));
    }

    [Fact]
    public void The_date_range_applies_to_a_word_query_too()
    {
        Assert.Equal(["s6"], Ids(Search("الحكومة", from: new DateOnly(2022, 1, 1))));
    }

    [Fact]
    public void The_source_filter_is_exact()
    {
        Assert.Equal(["s1", "s3", "s6"], Ids(Search(null, source: Agency)));
        Assert.Equal(["s5"], Ids(Search(null, source: ArabAgency)));
        Assert.Equal(0, Search(null, source: "وكالة").Total);
        Assert.Equal(["s3"], Ids(Search("الامريكية", source: Agency)));
    }

    [Fact]
    public void An_empty_query_lists_everything_newest_first_undated_last()
    {
        var result = Search(null, size: 100);

        Assert.Equal(All.Count, result.Total);
        Assert.Equal(All.Select(d => d.Id).Order(StringComparer.Ordinal), Ids(result));
        Assert.Equal("s6", result.Hits[0].Id);
        Assert.Equal(["s3", "s2", "s1", "s7"], result.Hits.Skip(3).Select(h => h.Id));
    }

    [Fact]
    public void Sorts_a_word_query_newest_or_oldest_first()
    {
        var newest = Search("الخارجية OR الحكومة OR السفارة", sort: SortOrder.Newest);
        var oldest = Search("الخارجية OR الحكومة OR السفارة", sort: SortOrder.Oldest);

        Assert.Equal(["s6", "s4", "s3", "s2", "s1"], newest.Hits.Select(h => h.Id));
        Assert.Equal(["s1", "s2", "s3", "s4", "s6"], oldest.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Sorting_oldest_first_orders_the_dated_documents_ascending()
    {
        var dates = Search(null, size: 100, sort: SortOrder.Oldest).Hits.Where(h => h.Date is not null).Select(h => h.Date!.Value).ToList();

        Assert.Equal(6, dates.Count);
        Assert.Equal(dates.Order(), dates);
    }

    [Fact]
    public void Pages_follow_each_other_without_overlap()
    {
        var all = Search(null, size: 100).Hits.Select(h => h.Id).ToList();

        var pages = Enumerable.Range(1, 4).Select(page => Search(null, size: 2, page: page)).ToList();

        Assert.All(pages, p => Assert.Equal(All.Count, p.Total));
        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Hits.Count));
        Assert.Equal(all, pages.SelectMany(p => p.Hits).Select(h => h.Id));
        Assert.Empty(Search(null, size: 2, page: 5).Hits);
    }

    [Fact]
    public void Page_two_of_a_word_query_continues_page_one()
    {
        var both = Search("الخارجية OR الحكومة OR السفارة", size: 4);
        var first = Search("الخارجية OR الحكومة OR السفارة", size: 2, page: 1);
        var second = Search("الخارجية OR الحكومة OR السفارة", size: 2, page: 2);

        Assert.Equal(both.Hits.Select(h => h.Id), first.Hits.Concat(second.Hits).Select(h => h.Id));
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
    }

    [Fact]
    public void Sending_the_same_id_again_replaces_the_document()
    {
        _engine.Accept([Doc("s5", "افتتح المحافظ مستشفى جديدا في بورتسودان.", "2024-01-01", Morning, "مستشفى جديد")]);
        _engine.CatchUp();

        Assert.Equal(0, Search("الخرطوم").Total);
        var hit = Assert.Single(Search("بورتسودان").Hits);
        Assert.Equal(("s5", "مستشفى جديد", Morning), (hit.Id, hit.Title, hit.Source));
        Assert.Equal(All.Count, Search(null).Total);
        Assert.Equal(All.Count, _engine.Index.DocumentCount());
    }

    [Fact]
    public void A_document_deleted_from_the_archive_leaves_the_results()
    {
        Assert.True(_engine.Archive.Delete("s3"));
        _engine.CatchUp();

        Assert.Equal(["s2"], Ids(Search("الأمريكية")));
        Assert.Equal(All.Count - 1, Search(null).Total);
        Assert.Equal(All.Count - 1, _engine.Index.DocumentCount());
    }
}
