using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Admin;

/// <summary>The admin endpoints (reindex, stats) need the admin key; with it they report on the engine.</summary>
public sealed class AdminEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    public static TheoryData<string, string> AdminCalls => new()
    {
        { "POST", "/api/admin/reindex" },
        { "GET", "/api/admin/stats" },
        { "GET", "/api/admin/reindex/some-job" },
        { "DELETE", "/api/admin/reindex/some-job" },
    };

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task Without_the_key_it_is_401_and_with_a_wrong_key_403(string method, string uri)
    {
        var anonymous = factory.CreateAnonymousClient();
        await (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri))).ReadProblemAsync(401);

        var wrong = factory.CreateAnonymousClient();
        wrong.DefaultRequestHeaders.Add(SearchApiFactory.AdminKeyHeader, SearchApiFactory.AdminKey + "x");
        await (await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri))).ReadProblemAsync(403);

        Assert.Null((await factory.CreateApi().GetStatsAsync()).Reindex);
    }

    [Fact]
    public async Task With_the_key_a_reindex_runs_and_the_stats_follow_it()
    {
        var client = factory.CreateClient();
        var id = Statements.UniqueId("admin");
        var word = Statements.UniqueWord();
        await (await client.PostNdjsonAsync([Statements.Doc(id, $"بيان للإدارة {word}")], wait: true)).ReadAcceptedAsync();
        var before = await factory.CreateApi().GetStatsAsync();
        Assert.True(before.ArchiveDocuments >= 1);
        Assert.Equal(before.ArchiveDocuments, before.IndexDocuments);
        Assert.Equal(before.AnalyzerVersion, before.IndexAnalyzerVersion);

        var api = factory.CreateApi();
        var started = await api.StartReindexAsync();
        var job = await Poll.UntilAsync(() => api.GetReindexAsync(started.JobId), j => j.State != "running", TimeSpan.FromSeconds(60));

        Assert.True(job.State == "succeeded", $"{job.State}: {job.Error}");
        Assert.Equal(started.JobId, job.JobId);
        Assert.True(job.Generation > before.Generation);
        Assert.Equal(job.Processed, job.Total);
        Assert.True(job.ElapsedSeconds >= 0);
        Assert.Equal(0, job.EstimatedSecondsRemaining);
        var after = await Poll.UntilAsync(() => factory.CreateApi().GetStatsAsync(), s => s.Reindex is null);
        Assert.Equal(job.Generation, after.Generation);
        Assert.Equal(before.ArchiveDocuments, after.IndexDocuments);
        Assert.Equal(1, (await factory.CreateApi().SearchAsync(new SearchQuery { Q = word })).Total);
    }
}
