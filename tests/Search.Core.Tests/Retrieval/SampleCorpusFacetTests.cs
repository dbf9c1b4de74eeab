using System.Globalization;
using System.Text.Json;
using Search.Core.Ingest.Json;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval;

/// <summary>
/// Indexes the 20-article sample of the shared corpus and checks the facets against counts made
/// here straight from its JSON, without the engine's parser.
/// </summary>
public sealed class SampleCorpusFacetTests : IDisposable
{
    private const string SampleRelativePath = "shared/corpus/sample.jsonl";
    private static readonly Lazy<string?> SamplePath = new(FindSample);

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Walks up from the test binaries to a folder holding <c>shared/corpus/sample.jsonl</c>.</summary>
    private static string? FindSample()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, SampleRelativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static string RequireSample()
    {
        Skip.If(SamplePath.Value is null,
            $"The sample corpus ({SampleRelativePath}) was not found in any folder above {AppContext.BaseDirectory}; it lives in shared/ beside the repository.");
        return SamplePath.Value!;
    }

    /// <summary>The sample's articles as raw JSON objects (one a non-blank line).</summary>
    private static List<JsonElement> RawArticles(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    private static string? Text(JsonElement article, string name) =>
        article.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly? DateOf(JsonElement article) =>
        Text(article, "date") is { Length: >= 10 } date
            ? DateOnly.ParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private SearchEngine IndexSample(string path)
    {
        using var reader = JsonDocumentsReader.OpenFile(path);
        var batch = new JsonDocumentsReader().ReadJsonLines(reader);
        Assert.True(batch.IsValid, string.Join("; ", batch.Errors));

        var engine = _folder.OpenEngine();
        engine.Accept(batch.Documents);
        engine.CatchUp();
        return engine;
    }

    private static SearchResult Browse(SearchEngine engine, DateInterval interval) =>
        engine.Search(new SearchRequest(From: new DateOnly(1900, 1, 1), To: new DateOnly(2100, 12, 31), Size: 1, Interval: interval));

    private static (string, long)[] Pairs(IEnumerable<Bucket> buckets) => buckets.Select(b => (b.Key, b.Count)).ToArray();

    private static (string, long)[] CountBy(IEnumerable<string> keys) =>
        keys.GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count())).ToArray();

    [SkippableTheory]
    [InlineData(DateInterval.Year, "yyyy")]
    [InlineData(DateInterval.Month, "yyyy-MM")]
    [InlineData(DateInterval.Day, "yyyy-MM-dd")]
    public void Date_facets_match_the_dates_of_the_sample(DateInterval interval, string keyFormat)
    {
        var path = RequireSample();
        var articles = RawArticles(path);
        var dates = articles.Select(DateOf).OfType<DateOnly>().ToList();
        var expected = CountBy(dates.Select(d => d.ToString(keyFormat, CultureInfo.InvariantCulture)));
        var engine = IndexSample(path);

        var result = Browse(engine, interval);

        Assert.Equal(20, articles.Count);
        Assert.Equal(dates.Count, result.Total);
        Assert.Equal(expected, Pairs(result.Facets.Dates));
        Assert.Single(result.Hits);
    }

    [SkippableFact]
    public void Source_facets_match_the_sources_of_the_sample()
    {
        var path = RequireSample();
        var articles = RawArticles(path);
        var expected = articles
            .Where(a => DateOf(a) is not null)
            .Select(a => Text(a, "source")?.Trim() ?? "")
            .Where(s => s.Length > 0)
            .GroupBy(s => s)
            .Select(g => (g.Key, (long)g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
        var engine = IndexSample(path);

        var result = Browse(engine, DateInterval.Month);

        Assert.Equal(expected, Pairs(result.Facets.Sources));
    }

    [SkippableTheory]
    [InlineData("المملكة")]
    [InlineData("رئيس")]
    [InlineData("الدفاع")]
    public void A_word_query_finds_at_least_the_articles_that_contain_the_word_as_written(string word)
    {
        var path = RequireSample();
        var containing = RawArticles(path).Count(a => Words($"{Text(a, "title")} {Text(a, "body")}").Contains(word));
        Assert.True(containing > 0, $"the sample no longer contains '{word}'");
        var engine = IndexSample(path);

        var result = engine.Search(new SearchRequest(word));

        Assert.True(result.Total >= containing, $"'{word}': {result.Total} hits, {containing} articles contain it");
    }

    /// <summary>The words of a text as written: runs of letters, digits and combining marks.</summary>
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }
}
