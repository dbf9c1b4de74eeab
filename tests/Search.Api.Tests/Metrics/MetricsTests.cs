using System.Net;
using System.Net.Http.Headers;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Metrics;

/// <summary>
/// <c>GET /metrics</c>: Prometheus' text format, behind the admin key (in <c>X-Api-Key</c> or as a bearer token),
/// counting requests by route template and reading the engine's figures at each scrape.
/// </summary>
public sealed class MetricsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task Without_the_key_it_is_401_with_a_wrong_one_403_and_either_header_opens_it()
    {
        var anonymous = factory.CreateAnonymousClient();
        var refused = await (await anonymous.GetAsync("/metrics")).ReadProblemAsync(401);
        Assert.Contains("Authorization: Bearer", refused.GetProperty("detail").GetString());

        var wrong = factory.CreateAnonymousClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SearchApiFactory.AdminKey + "x");
        await (await wrong.GetAsync("/metrics")).ReadProblemAsync(403);

        var bearer = factory.CreateAnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SearchApiFactory.AdminKey);
        foreach (var client in (HttpClient[])[bearer, factory.CreateClient()])
        {
            using var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("gauge", scrape.FamilyTypes["search_archive_documents"]);
        }
    }

    [Fact]
    public async Task A_search_and_an_ingest_show_under_their_route_templates_and_the_engine_figures_follow_the_archive()
    {
        var client = factory.CreateClient();
        var before = await ScrapeAsync();
        var word = Statements.UniqueWord();
        var documents = Enumerable.Range(1, 3).Select(i => Statements.Doc(Statements.UniqueId("metrics"), $"بيان المقاييس {word} رقم {i}")).ToList();
        await (await client.PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();
        foreach (var query in (string[])[word, word + " بيان"])
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}")).StatusCode);
        foreach (var document in documents)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/documents/{document.Id}")).StatusCode);

        var after = await ScrapeAsync();
        Assert.Equal(Requests(before, "/api/search", "GET", "200") + 2, Requests(after, "/api/search", "GET", "200"));
        Assert.Equal(Requests(before, "/api/documents/", "POST", "202") + 1, Requests(after, "/api/documents/", "POST", "202"));
        // Three documents read under one template; no series names a document's own address.
        Assert.Equal(Requests(before, "/api/documents/{id}", "GET", "200") + 3, Requests(after, "/api/documents/{id}", "GET", "200"));
        Assert.DoesNotContain(after.Samples, s => s.Labels.TryGetValue("endpoint", out var endpoint) && endpoint.Contains("metrics-", StringComparison.Ordinal));
        Assert.Equal(Requests(after, "/api/search", "GET", "200"),
            after.Value("http_request_duration_seconds_count", ("endpoint", "/api/search"), ("method", "GET"), ("code", "200")));
        Assert.Equal(after.Value("search_searches_total")!.Value, before.Value("search_searches_total")!.Value + 2);

        var stats = await factory.CreateApi().GetStatsAsync();
        Assert.Equal(stats.ArchiveDocuments, after.Value("search_archive_documents"));
        Assert.Equal(stats.ArchiveDocuments, after.Value("search_index_documents"));
        // ?wait=true answered once the documents were searchable: nothing waits, and nothing has waited any time.
        Assert.Equal(0, after.Value("search_index_pending_changes"));
        Assert.Equal(0, after.Value("search_index_lag_sequences"));
        Assert.Equal(0, after.Value("search_index_lag_seconds"));
        Assert.Equal(0, after.Value("search_reindex_running"));
        Assert.Equal(0, after.Value("search_webhook_alerts_pending"));
        Assert.NotNull(after.Value("search_webhook_deliveries_total", ("result", "delivered")));
        Assert.NotNull(after.Value("search_webhook_deliveries_total", ("result", "failed")));
        Assert.NotNull(after.Value("process_cpu_seconds_total"));
    }

    [Fact]
    public async Task A_running_reindex_shows_its_progress()
    {
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync(Enumerable.Range(1, 200).Select(i => Statements.Doc(Statements.UniqueId("reindexed"), $"بيان {i}")), wait: true))
            .ReadAcceptedAsync();
        var started = await factory.CreateApi().StartReindexAsync();
        var scrape = await ScrapeAsync();
        var job = await factory.CreateApi().GetReindexAsync(started.JobId);
        if (job.State == "running")
        {
            Assert.Equal(1, scrape.Value("search_reindex_running"));
            Assert.True(scrape.Value("search_reindex_total_documents") > 0);
            Assert.InRange(scrape.Value("search_reindex_processed_documents")!.Value, 0, scrape.Value("search_reindex_total_documents")!.Value);
        }
        await Poll.UntilAsync(async () => (await factory.CreateApi().GetReindexAsync(started.JobId)).State, state => state != "running", Poll.Generous);
        var done = await ScrapeAsync();
        Assert.Equal(0, done.Value("search_reindex_running"));
        Assert.Equal(0, done.Value("search_reindex_total_documents"));
    }

    private static double Requests(PrometheusText scrape, string endpoint, string method, string code) =>
        scrape.Value("http_requests_received_total", ("endpoint", endpoint), ("method", method), ("code", code)) ?? 0;

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var response = await factory.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }
}
