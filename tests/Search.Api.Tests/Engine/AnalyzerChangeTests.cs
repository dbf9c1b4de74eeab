using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using Search.Core;

namespace Search.Api.Tests.Engine;

/// <summary>A service started on an index built by another analyzer version says so, and rebuilds it unless told not to.</summary>
public sealed class AnalyzerChangeTests : IDisposable
{
    private const string OldVersion = "older-analyzer-0";
    private readonly TempFolder _folder = new();
    private readonly string _analyzerVersion;

    public AnalyzerChangeTests()
    {
        using var engine = SearchEngine.Open(_folder.Path);
        engine.IngestDocuments(Encoding.UTF8.GetBytes(Statements.ToNdjson(Enumerable.Range(1, 12).Select(i =>
            Statements.Doc($"old-{i}", $"نص البيان رقم {i} عن الميزانية", $"2021-01-{i:D2}")))));
        // The indexing loop commits what it applied when it stops.
        using var stop = new CancellationTokenSource();
        var loop = engine.RunIndexingAsync(stop.Token);
        engine.WaitUntilSearchableAsync(engine.Stats().ArchiveSequence, TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        stop.Cancel();
        loop.GetAwaiter().GetResult();
        _analyzerVersion = engine.Stats().AnalyzerVersion;
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_mismatch_is_reported_in_ready_details_and_status_when_rebuilding_is_off()
    {
        StampAnalyzerVersion(OldVersion);
        await using var factory = SearchApiFactory.With(dataPath: _folder.Path,
            settings: new Dictionary<string, string> { ["Search:ReindexOnAnalyzerChange"] = "false" });
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var details = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal("Degraded", details.GetProperty("status").GetString());
        Assert.Equal(OldVersion, details.GetProperty("checks").GetProperty("index").GetProperty("data").GetProperty("indexAnalyzerVersion").GetString());

        var status = await client.GetFromJsonAsync<StatusResponse>("/api/status");
        Assert.Equal(OldVersion, status!.IndexAnalyzerVersion);
        Assert.Equal(_analyzerVersion, status.AnalyzerVersion);
        Assert.Equal(12, status.Documents);
    }

    [Fact]
    public async Task A_mismatch_starts_a_rebuild_by_itself_while_the_old_generation_serves()
    {
        StampAnalyzerVersion(OldVersion);
        await using var factory = SearchApiFactory.With(dataPath: _folder.Path);
        var api = factory.CreateApi();

        var stats = await Poll.UntilAsync(() => api.GetStatsAsync(), s => s.IndexAnalyzerVersion == _analyzerVersion, TimeSpan.FromSeconds(30));

        Assert.Equal(_analyzerVersion, stats.IndexAnalyzerVersion);
        Assert.True(stats.Generation > 1, $"generation {stats.Generation} should be a rebuilt one");
        Assert.Equal(12, stats.IndexDocuments);
        Assert.Equal(12, (await api.SearchAsync(new SearchQuery { Q = "الميزانية" })).Total);
        var ready = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Contains("\"Healthy\"", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>Rewrites the last commit of the current generation as if another analyzer version had built it.</summary>
    private void StampAnalyzerVersion(string version)
    {
        var generations = Path.Combine(_folder.Path, "generations");
        using var directory = FSDirectory.Open(Path.Combine(generations, File.ReadAllText(Path.Combine(generations, "current")).Trim()));
        var data = new Dictionary<string, string>(DirectoryReader.ListCommits(directory)[^1].UserData) { ["analyzer.version"] = version };
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { OpenMode = OpenMode.APPEND };
        using var writer = new IndexWriter(directory, config);
        writer.SetCommitData(data);
        writer.Commit();
    }
}
