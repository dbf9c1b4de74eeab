using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.ArabicStatements;

namespace Search.Core.Tests.Retrieval.Collecting;

public sealed class FacetTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (string, long)[] Pairs(IEnumerable<Bucket> buckets) => buckets.Select(b => (b.Key, b.Count)).ToArray();

    public static TheoryData<DateInterval, (string, long)[]> DateBucketsPerInterval => new()
    {
        { DateInterval.Year, [("2021", 3), ("2022", 2), ("2023", 1)] },
        { DateInterval.Month, [("2021-01", 1), ("2021-03", 2), ("2022-06", 2), ("2023-11", 1)] },
        { DateInterval.Day, [("2021-01-10", 1), ("2021-03-05", 1), ("2021-03-20", 1), ("2022-06-15", 2), ("2023-11-02", 1)] },
    };

    [Theory]
    [MemberData(nameof(DateBucketsPerInterval))]
    public void Date_buckets_are_keyed_per_interval_in_date_order(DateInterval interval, (string, long)[] expected)
    {
        var engine = _folder.OpenEngineWith(All);

        var result = engine.Search(new SearchRequest(Size: 1, Interval: interval));

        Assert.Equal(expected, Pairs(result.Facets.Dates));
    }

    [Fact]
    public void Facets_count_every_match_not_only_the_page()
    {
        var engine = _folder.OpenEngineWith(All);

        var result = engine.Search(new SearchRequest(Size: 1));

        Assert.Single(result.Hits);
        Assert.Equal(All.Count, result.Total);
        Assert.Equal(All.Count, result.Facets.Dates.Sum(b => b.Count) + result.Facets.Undated);
        Assert.Equal(All.Count(d => d.Source.Length > 0), result.Facets.Sources.Sum(b => b.Count));
    }

    [Theory]
    [InlineData(Agency)]
    [InlineData("")]
    public void A_segment_whose_documents_share_one_source_and_one_language_counts_every_match(string source)
    {
        var engine = _folder.OpenEngineWith([.. All.Select(d => d with { Source = source })]);

        var result = engine.Search(new SearchRequest(Size: 1));

        Assert.Equal(All.Count, result.Total);
        Assert.Equal(source.Length > 0 ? [(source, All.Count)] : [], Pairs(result.Facets.Sources));
        Assert.Equal([("ar", (long)All.Count)], Pairs(result.Facets.Languages));
    }

    [Fact]
    public void Source_buckets_come_largest_first_then_by_name_and_leave_out_the_empty_source()
    {
        var engine = _folder.OpenEngineWith(All);

        var result = engine.Search(new SearchRequest(Size: 1));

        Assert.Equal([(Agency, 3), (Gazette, 1), (Morning, 1), (ArabAgency, 1)], Pairs(result.Facets.Sources));
    }

    [Fact]
    public void Undated_documents_are_counted_apart_and_in_no_date_bucket()
    {
        var engine = _folder.OpenEngineWith(All);

        var result = engine.Search(new SearchRequest("تاريخ OR الحكومة", Interval: DateInterval.Year));

        Assert.Equal(3, result.Total);
        Assert.Equal(1, result.Facets.Undated);
        Assert.Equal([("2021", 1), ("2023", 1)], Pairs(result.Facets.Dates));
    }

    [Fact]
    public void Facets_follow_the_query_and_the_filters()
    {
        var engine = _folder.OpenEngineWith(All);

        var byWord = engine.Search(new SearchRequest("الخارجية", Interval: DateInterval.Year));
        var bySource = engine.Search(new SearchRequest(Source: Agency, Interval: DateInterval.Year));
        var byDate = engine.Search(new SearchRequest(From: new DateOnly(2022, 1, 1), Interval: DateInterval.Year));

        Assert.Equal([("2021", 1), ("2022", 1)], Pairs(byWord.Facets.Dates));
        Assert.Equal([(Morning, 1), (Agency, 1)], Pairs(byWord.Facets.Sources)); // a tie: ordinal order of the names
        Assert.Equal([("2021", 2), ("2023", 1)], Pairs(bySource.Facets.Dates));
        Assert.Equal([(Agency, 3)], Pairs(bySource.Facets.Sources));
        Assert.Equal([("2022", 2), ("2023", 1)], Pairs(byDate.Facets.Dates));
        Assert.Equal(0, byDate.Facets.Undated);
    }

    [Fact]
    public void Counts_add_up_across_index_segments()
    {
        var engine = _folder.OpenEngine();
        // Each catch-up refreshes the searcher, which writes a new segment: three segments here,
        // each with its own source ordinals.
        foreach (var batch in All.Chunk(3))
        {
            engine.Accept(batch);
            engine.CatchUp();
        }
        engine.Accept([Doc("s8", "بيان إضافي من الوكالة.", "2021-03-05", Agency)]);
        engine.CatchUp();

        var result = engine.Search(new SearchRequest(Size: 1, Interval: DateInterval.Month));

        Assert.Equal(All.Count + 1, result.Total);
        Assert.Equal([(Agency, 4), (Gazette, 1), (Morning, 1), (ArabAgency, 1)], Pairs(result.Facets.Sources));
        Assert.Equal([("2021-01", 1), ("2021-03", 3), ("2022-06", 2), ("2023-11", 1)], Pairs(result.Facets.Dates));
        Assert.Equal(1, result.Facets.Undated);
    }

    [Fact]
    public void A_replaced_document_is_counted_once_under_its_new_date_and_source()
    {
        var engine = _folder.OpenEngineWith(All);
        engine.Accept([Doc("s1", "نص جديد للزيارة.", "2023-11-30", Morning)]);
        engine.CatchUp();

        var result = engine.Search(new SearchRequest(Size: 1, Interval: DateInterval.Year));

        Assert.Equal(All.Count, result.Total);
        Assert.Equal([("2021", 2), ("2022", 2), ("2023", 2)], Pairs(result.Facets.Dates));
        Assert.Equal([(Morning, 2), (Agency, 2), (Gazette, 1), (ArabAgency, 1)], Pairs(result.Facets.Sources));
    }

    [Fact]
    public void An_empty_index_has_empty_facets()
    {
        var engine = _folder.OpenEngine();

        var result = engine.Search(new SearchRequest());

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Facets.Dates);
        Assert.Empty(result.Facets.Sources);
        Assert.Equal(0, result.Facets.Undated);
    }
}
