using System.Net.Http.Json;
using System.Text.Json;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Analysis;
using Search.Core.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Index;
using Search.Core.Index.Storage;

namespace Search.Api.Tests.Durability;

/// <summary>A service started on an index built by another analyzer version says so, and rebuilds it unless told not to.</summary>
public sealed class AnalyzerChangeTests : IDisposable
{
    private const string OldVersion = "older-analyzer-0";
    private readonly TempFolder _folder = new();

    public AnalyzerChangeTests()
    {
        using var engine = SearchEngine.Open(_folder.Path);
        engine.Accept(Enumerable.Range(1, 12).Select(i =>
            new DocumentRecord($"old-{i}", "بيان", new DateOnly(2021, 1, i), $"نص البيان رقم {i} عن الميزانية", "وكالة الأنباء")).ToList());
        engine.Feeder.CatchUp();
        engine.Index.Commit();
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
        Assert.Equal(ArabicSearchAnalyzer.Version, status.AnalyzerVersion);
        Assert.Equal(12, status.Documents);
    }

    [Fact]
    public async Task A_mismatch_starts_a_rebuild_by_itself_while_the_old_generation_serves()
    {
        StampAnalyzerVersion(OldVersion);
        await using var factory = SearchApiFactory.With(dataPath: _folder.Path);
        var api = factory.CreateApi();

        var stats = await Poll.UntilAsync(() => api.GetStatsAsync(), s => s.IndexAnalyzerVersion == ArabicSearchAnalyzer.Version, TimeSpan.FromSeconds(30));

        Assert.Equal(ArabicSearchAnalyzer.Version, stats.IndexAnalyzerVersion);
        Assert.True(stats.Generation > 1, $"generation {stats.Generation} should be a rebuilt one");
        Assert.Equal(12, stats.IndexDocuments);
        Assert.Equal(12, (await api.SearchAsync(new SearchQuery { Q = "الميزانية" })).Total);
        var ready = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Contains("\"Healthy\"", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>Rewrites the last commit of the current generation as if another analyzer version had built it.</summary>
    private void StampAnalyzerVersion(string version)
    {
        var generations = new IndexGenerations(_folder.Path);
        using var directory = FSDirectory.Open(generations.PathOf(generations.Current()));
        var data = new Dictionary<string, string>(DirectoryReader.ListCommits(directory)[^1].UserData) { ["analyzer.version"] = version };
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { OpenMode = OpenMode.APPEND };
        using var writer = new IndexWriter(directory, config);
        writer.SetCommitData(data);
        writer.Commit();
    }
}
