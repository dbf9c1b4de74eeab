using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Core.Tests.TestSupport;

namespace Search.Api.Tests.Metrics;

/// <summary>
/// A service on a PostgreSQL archive: <c>/metrics</c> keeps answering while the database is out of reach, saying so
/// in <c>search_archive_reachable</c>; and <c>POST /api/admin/backup</c> sends the operator to <c>pg_dump</c>.
/// </summary>
public sealed class PostgresArchiveMetricsTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Metrics_answer_while_the_database_is_down_and_a_backup_is_left_to_pg_dump()
    {
        await using var factory = SearchApiFactory.With(settings: new Dictionary<string, string>
        {
            ["Search:Archive:Provider"] = "postgres",
            ["Search:Archive:ConnectionString"] = server.CreateDatabase(),
        });
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("pg"), "بيان في أرشيف مشترك")], wait: true)).ReadAcceptedAsync();

        var up = await ScrapeAsync(client);
        Assert.Equal(1, up.Value("search_archive_reachable"));
        Assert.Equal(1, up.Value("search_archive_documents"));

        var refused = await (await client.PostAsync("/api/admin/backup", null)).ReadProblemAsync(409);
        Assert.Contains("pg_dump", refused.GetProperty("detail").GetString());
        Assert.Empty(Directory.GetFiles(factory.DataPath, "backup-*"));

        server.Stop();
        try
        {
            var down = await ScrapeAsync(client);
            Assert.Equal(0, down.Value("search_archive_reachable"));
            Assert.Equal(1, down.Value("search_archive_documents"));
            Assert.True(down.Value("http_requests_received_total", ("endpoint", "/api/documents/"), ("method", "POST"), ("code", "202")) >= 1);
        }
        finally
        {
            server.Start();
        }
        Assert.Equal(1, (await Poll.UntilAsync(() => ScrapeAsync(client), s => s.Value("search_archive_reachable") == 1)).Value("search_archive_reachable"));
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }
}
