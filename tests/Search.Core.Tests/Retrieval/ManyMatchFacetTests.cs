using System.Globalization;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval;

/// <summary>
/// The facets of a search matching thousands of documents in several segments, against counts made here from
/// the documents themselves: the collector counts its matches a batch at a time, so a batch ends within a
/// segment, at a segment's end, and with a part-filled batch at the very end.
/// </summary>
public sealed class ManyMatchFacetTests : IDisposable
{
    /// <summary>Three segments of 700: each more than one of the collector's batches, none a multiple of it.</summary>
    private const int PerSegment = 700;

    private static readonly string[] Sources = ["وكالة", "صحيفة", "إذاعة", "موقع"];

    private const string Peskov = "وقال المتحدث باسم الكرملين دميتري بيسكوف: \"المفاوضات متوقفة الآن\".";

    private const string Lavrov = "وأكد وزير الخارجية سيرغي لافروف أن الانسحاب ضروري.";

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DocumentRecord Document(int i) => new(
        $"doc-{i:D5}",
        $"خبر عاجل {i}",
        i % 7 == 0 ? null : new DateOnly(2020, 1, 1).AddDays(i % 40),
        string.Join(' ', new[] { i % 3 == 0 ? Peskov : null, i % 5 == 0 ? Lavrov : null, $"تفاصيل الحدث رقم {i}." }.OfType<string>()),
        Sources[i % Sources.Length]);

    [Fact]
    public void Every_match_is_counted_once_in_each_facet()
    {
        var documents = Enumerable.Range(0, 3 * PerSegment).Select(Document).ToList();
        var engine = _folder.OpenEngine();
        foreach (var segment in documents.Chunk(PerSegment))
        {
            engine.Accept(segment);
            engine.CatchUp();
        }

        var result = engine.Search(new SearchRequest("خبر", Size: 10, Interval: DateInterval.Day, Collapse: false));

        Assert.Equal(documents.Count, result.Total);
        Assert.Equal(documents.Count(d => d.Date is null), result.Facets.Undated);
        var days = documents.Where(d => d.Date is not null)
            .GroupBy(d => d.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(g => (g.Key, (long)g.Count())).Order().ToArray();
        Assert.Equal(days, result.Facets.Dates.Select(b => (b.Key, b.Count)).Order().ToArray());
        var sources = documents.GroupBy(d => d.Source).Select(g => (g.Key, (long)g.Count())).Order().ToArray();
        Assert.Equal(sources, result.Facets.Sources.Select(b => (b.Key, b.Count)).Order().ToArray());
        Assert.Equal(
            [("دميتري بيسكوف", documents.Count(d => d.Body.Contains(Peskov, StringComparison.Ordinal))),
             ("سيرغي لافروف", documents.Count(d => d.Body.Contains(Lavrov, StringComparison.Ordinal)))],
            result.Facets.Speakers.Select(b => (b.Key, b.Count)).ToArray());
    }
}
