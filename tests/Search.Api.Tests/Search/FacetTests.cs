using System.Globalization;
using System.Text.RegularExpressions;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>Date and source facets, filters and orders through HTTP, over nine statements of known dates and sources.</summary>
public sealed partial class FacetTests(FacetTests.Archive archive) : IClassFixture<FacetTests.Archive>
{
    private const string Agency = "وكالة الأنباء";
    private const string Gazette = "الجريدة الرسمية";

    /// <summary>Agency: 5, Gazette: 4 (one of them undated); 2021: 4, 2022: 4; months 2021-03: 3, 2021-07: 1, 2022-07: 4.</summary>
    private static readonly ArchiveDocument[] Documents =
    [
        Statements.Doc("f1", "أعلنت الحكومة خطة جديدة لدعم الزراعة.", "2021-03-05", Agency),
        Statements.Doc("f2", "ناقشت الحكومة ميزانية التعليم.", "2021-03-05", Agency),
        Statements.Doc("f3", "نشرت الحكومة قرار تنظيم الأسواق.", "2021-03-20", Gazette),
        Statements.Doc("f4", "افتتحت الحكومة مستشفى في الشمال.", "2021-07-01", Agency),
        Statements.Doc("f5", "أصدرت الحكومة لائحة النقل العام.", "2022-07-15", Gazette),
        Statements.Doc("f6", "استقبلت الحكومة وفدا تجاريا.", "2022-07-15", Agency),
        Statements.Doc("f7", "أطلقت الحكومة حملة للتشجير.", "2022-07-31", Agency),
        Statements.Doc("f8", "عدلت الحكومة نظام الضرائب.", "2022-07-01", Gazette),
        Statements.Doc("f9", "وثيقة قديمة للحكومة بلا تاريخ.", null, Gazette),
    ];

    public sealed class Archive() : SeededSearchApiFactory(Documents);

    private Task<SearchResponse> SearchAsync(SearchQuery query) => archive.CreateApi().SearchAsync(query);

    private static (string, long)[] Buckets(IEnumerable<FacetBucket> buckets) => buckets.Select(b => (b.Key, b.Count)).ToArray();

    [Fact]
    public async Task Counts_every_match_per_year()
    {
        var result = await SearchAsync(new() { Interval = "year", Size = 1 });

        Assert.Equal(9, result.Total);
        Assert.Single(result.Hits);
        Assert.Equal([("2021", 4L), ("2022", 4L)], Buckets(result.Facets.Date));
        Assert.Equal(1, result.Facets.Undated);
    }

    [Fact]
    public async Task Counts_every_match_per_month_by_default()
    {
        var byDefault = await SearchAsync(new() { Q = "الحكومة" });
        var byMonth = await SearchAsync(new() { Q = "الحكومة", Interval = "month" });

        Assert.Equal(9, byDefault.Total);
        Assert.Equal([("2021-03", 3L), ("2021-07", 1L), ("2022-07", 4L)], Buckets(byDefault.Facets.Date));
        Assert.Equal(Buckets(byDefault.Facets.Date), Buckets(byMonth.Facets.Date));
    }

    [Fact]
    public async Task Counts_every_match_per_day()
    {
        var result = await SearchAsync(new() { Interval = "day" });

        Assert.Equal(
            [("2021-03-05", 2L), ("2021-03-20", 1L), ("2021-07-01", 1L), ("2022-07-01", 1L), ("2022-07-15", 2L), ("2022-07-31", 1L)],
            Buckets(result.Facets.Date));
    }

    [Fact]
    public async Task Lists_sources_largest_first()
    {
        var result = await SearchAsync(new() { Q = "الحكومة" });

        Assert.Equal([(Agency, 5L), (Gazette, 4L)], Buckets(result.Facets.Source));
    }

    [Fact]
    public async Task Filters_by_an_inclusive_date_range()
    {
        var result = await SearchAsync(new() { From = "2021-03-20", To = "2022-07-01", Interval = "day" });

        Assert.Equal(["f8", "f4", "f3"], result.Hits.Select(h => h.Id));
        Assert.Equal([("2021-03-20", 1L), ("2021-07-01", 1L), ("2022-07-01", 1L)], Buckets(result.Facets.Date));
        Assert.Equal(0, result.Facets.Undated);
    }

    [Fact]
    public async Task Filters_by_one_day()
    {
        var result = await SearchAsync(new() { From = "2022-07-15", To = "2022-07-15" });

        Assert.Equal(["f5", "f6"], result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Filters_from_a_date_or_up_to_a_date()
    {
        var from = await SearchAsync(new() { From = "2022-07-15" });
        var to = await SearchAsync(new() { To = "2021-03-05" });

        Assert.Equal(["f5", "f6", "f7"], from.Hits.Select(h => h.Id).Order());
        Assert.Equal(["f1", "f2"], to.Hits.Select(h => h.Id).Order());
    }

    [Theory]
    [InlineData("٢٠٢٢-٠٧-١٥", "٢٠٢٢-٠٧-٣١")]
    [InlineData("15/07/2022", "31/07/2022")]
    [InlineData("15 يوليو 2022", "الحادي والثلاثين من تموز ٢٠٢٢")]
    [InlineData("الجمعة ١٥ يوليو/ تموز ٢٠٢٢", "2 محرم 1444 هـ")]
    public async Task Reads_from_and_to_with_the_arabic_date_reader(string from, string to)
    {
        var result = await SearchAsync(new() { From = from, To = to });

        Assert.Equal(["f5", "f6", "f7"], result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Filters_by_source_and_counts_within_the_filter()
    {
        var result = await SearchAsync(new() { Q = "الحكومة", Source = Gazette, Interval = "year" });

        Assert.Equal(["f3", "f5", "f8", "f9"], result.Hits.Select(h => h.Id).Order());
        Assert.Equal([(Gazette, 4L)], Buckets(result.Facets.Source));
        Assert.Equal([("2021", 1L), ("2022", 2L)], Buckets(result.Facets.Date));
        Assert.Equal(1, result.Facets.Undated);
    }

    [Fact]
    public async Task An_unknown_source_matches_nothing()
    {
        var result = await SearchAsync(new() { Source = "مصدر غير موجود" });

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Facets.Date);
        Assert.Empty(result.Facets.Source);
    }

    [Fact]
    public async Task Combines_source_and_date_filters_with_a_word()
    {
        var result = await SearchAsync(new() { Q = "الحكومة", Source = Agency, From = "2022-01-01", To = "2022-12-31" });

        Assert.Equal(["f6", "f7"], result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Sorts_newest_and_oldest_first()
    {
        var newest = await SearchAsync(new() { Q = "الحكومة", Sort = "newest", Size = 100 });
        var oldest = await SearchAsync(new() { Q = "الحكومة", Sort = "oldest", Size = 100 });

        var newestDates = DatedHits(newest);
        var oldestDates = DatedHits(oldest);
        Assert.Equal(8, newestDates.Count);
        Assert.Equal(newestDates.OrderDescending(), newestDates);
        Assert.Equal(oldestDates.Order(), oldestDates);
        Assert.Equal("f7", newest.Hits[0].Id);
        Assert.Equal("f9", newest.Hits[^1].Id);
    }

    [Fact]
    public async Task An_empty_query_with_filters_lists_the_documents_newest_first()
    {
        var result = await SearchAsync(new() { From = "2021-01-01", To = "2022-12-31", Size = 100 });

        var dates = DatedHits(result);
        Assert.Equal(8, result.Total);
        Assert.Equal(8, dates.Count);
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Pages_through_the_matches_with_the_same_facets()
    {
        var first = await SearchAsync(new() { Size = 4, Page = 1 });
        var second = await SearchAsync(new() { Size = 4, Page = 2 });
        var third = await SearchAsync(new() { Size = 4, Page = 3 });
        var beyond = await SearchAsync(new() { Size = 4, Page = 4 });

        Assert.Equal(
            Documents.Select(d => d.Id).Order(),
            first.Hits.Concat(second.Hits).Concat(third.Hits).Select(h => h.Id).Order());
        Assert.Single(third.Hits);
        Assert.Empty(beyond.Hits);
        Assert.All(new[] { second, third, beyond }, r =>
        {
            Assert.Equal(9, r.Total);
            Assert.Equal(Buckets(first.Facets.Date), Buckets(r.Facets.Date));
        });
    }

    [Fact]
    public async Task Hits_carry_their_date_as_yyyy_MM_dd_or_null()
    {
        var result = await SearchAsync(new() { Size = 100 });

        Assert.Equal(9, result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            var sent = Documents.Single(d => d.Id == hit.Id);
            Assert.Equal(sent.Date, hit.Date);
            Assert.Equal(sent.Source, hit.Source);
            if (hit.Date is not null)
                Assert.Matches(IsoDate(), hit.Date);
        }
    }

    [Fact]
    public async Task The_raw_json_is_camel_case()
    {
        var json = await archive.CreateClient().GetJsonAsync("/api/search?q=%D8%A7%D9%84%D8%AD%D9%83%D9%88%D9%85%D8%A9&size=1&interval=year");

        Assert.Equal(9, json.GetProperty("total").GetInt64());
        Assert.True(json.GetProperty("tookMs").GetDouble() >= 0);
        var hit = json.GetProperty("hits")[0];
        foreach (var name in new[] { "id", "title", "date", "source", "score", "snippet" })
            Assert.True(hit.TryGetProperty(name, out _), $"hit without '{name}'");
        var facets = json.GetProperty("facets");
        Assert.Equal("2021", facets.GetProperty("date")[0].GetProperty("key").GetString());
        Assert.Equal(4, facets.GetProperty("date")[0].GetProperty("count").GetInt64());
        Assert.Equal(Agency, facets.GetProperty("source")[0].GetProperty("key").GetString());
        Assert.Equal(1, facets.GetProperty("undated").GetInt64());
    }

    private static List<DateOnly> DatedHits(SearchResponse result) =>
        result.Hits.Where(h => h.Date is not null).Select(h => DateOnly.ParseExact(h.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
