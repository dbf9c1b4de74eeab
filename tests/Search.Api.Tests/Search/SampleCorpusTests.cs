using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>
/// The 20 real articles of <c>shared/corpus/sample.jsonl</c> through <c>POST /api/documents</c>:
/// the facets the service reports equal the counts taken from the file itself.
/// </summary>
public sealed class SampleCorpusTests : IAsyncLifetime
{
    private const string RelativePath = "shared/corpus/sample.jsonl";

    private readonly SearchApiFactory _factory = new();

    /// <summary>The file, found by walking up from the test's folder; null when this checkout has none.</summary>
    private static string? FindSample()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, RelativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private sealed record Article(string Date, string Source);

    private static List<Article> ReadArticles(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return new Article(json.RootElement.GetProperty("date").GetString()!, json.RootElement.GetProperty("source").GetString()!);
            })
            .ToList();

    private static (string, long)[] Expected(IEnumerable<Article> articles, Func<Article, string> key, bool largestFirst) =>
        (largestFirst
            ? articles.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            : articles.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
        .Select(g => (g.Key, (long)g.Count()))
        .ToArray();

    private static (string, long)[] Actual(IEnumerable<FacetBucket> buckets) => buckets.Select(b => (b.Key, b.Count)).ToArray();

    [SkippableFact]
    public async Task The_facets_of_the_shared_sample_equal_the_counts_in_the_file()
    {
        var path = FindSample();
        Skip.If(path is null, $"{RelativePath} was not found above {AppContext.BaseDirectory}; this checkout has no shared corpus.");
        var articles = ReadArticles(path!);
        var api = _factory.CreateApi();

        var accepted = await (await _factory.CreateClient().PostNdjsonAsync(await File.ReadAllTextAsync(path!), wait: true)).ReadAcceptedAsync();
        var byMonth = await api.SearchAsync(new SearchQuery { From = "1900-01-01", To = "2100-12-31", Size = 1, Interval = "month" });
        var byDay = await api.SearchAsync(new SearchQuery { From = "1900-01-01", To = "2100-12-31", Size = 1, Interval = "day" });

        Assert.Equal(20, articles.Count);
        Assert.Equal(20, accepted.Accepted);
        Assert.Equal(20, byMonth.Total);
        Assert.Equal(20, byDay.Total);
        Assert.Equal(0, byMonth.Facets.Undated);
        Assert.Equal(Expected(articles, a => a.Date[..7], largestFirst: false), Actual(byMonth.Facets.Date));
        Assert.Equal(Expected(articles, a => a.Date, largestFirst: false), Actual(byDay.Facets.Date));
        Assert.Equal(Expected(articles, a => a.Source, largestFirst: true), Actual(byMonth.Facets.Source));
        Assert.Equal(Actual(byMonth.Facets.Source), Actual(byDay.Facets.Source));
    }

    [SkippableFact]
    public async Task Every_article_of_the_shared_sample_is_served_back_by_id()
    {
        var path = FindSample();
        Skip.If(path is null, $"{RelativePath} was not found above {AppContext.BaseDirectory}; this checkout has no shared corpus.");

        await (await _factory.CreateClient().PostNdjsonAsync(await File.ReadAllTextAsync(path!), wait: true)).ReadAcceptedAsync();

        var api = _factory.CreateApi();
        foreach (var line in File.ReadLines(path!).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            var sent = json.RootElement;
            var stored = await api.GetDocumentAsync(sent.GetProperty("id").GetString()!);
            Assert.Equal(sent.GetProperty("date").GetString(), stored.Date);
            Assert.Equal(sent.GetProperty("source").GetString(), stored.Source);
            Assert.Equal(sent.GetProperty("body").GetString(), stored.Body);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
