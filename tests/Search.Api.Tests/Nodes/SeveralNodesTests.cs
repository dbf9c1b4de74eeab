using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using Search.Core.Tests.TestSupport;

namespace Search.Api.Tests.Nodes;

/// <summary>
/// Several service processes on one PostgreSQL archive, each with its own data folder and index: writes
/// spread over them by concurrent clients, a node killed, a node added empty, a reindex on one node, the
/// database stopped and started, webhooks sent once.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class SeveralNodesTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    /// <summary>What the issue promises: a write accepted by any node is searchable on every node within this.</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    private readonly TempFolder _folder = new();
    private readonly List<ServiceProcess> _nodes = [];
    private readonly string _archive = server.CreateDatabase();

    public void Dispose()
    {
        foreach (var node in _nodes)
            node.Dispose();
        _folder.Dispose();
    }

    /// <summary>Starts a node on this test's archive (or on <paramref name="archive"/>), with a data folder of its own.</summary>
    private async Task<ServiceProcess> StartNodeAsync(IReadOnlyDictionary<string, string>? settings = null, string? archive = null)
    {
        var name = $"node{_nodes.Count + 1}";
        var node = new ServiceProcess(Path.Combine(_folder.Path, name), Path.Combine(_folder.Path, name + ".log"), new Dictionary<string, string>
        {
            ["Search:Archive:Provider"] = "postgres",
            ["Search:Archive:ConnectionString"] = archive ?? _archive,
        }.Concat(settings ?? new Dictionary<string, string>()).ToDictionary());
        _nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    private string Logs() => string.Join('\n', _nodes.Select(n => n.LogTail(1_500)));

    /// <summary>Waits until <paramref name="node"/> finds the document by its own word, failing after <paramref name="limit"/>.</summary>
    private async Task<TimeSpan> SearchableAsync(ServiceProcess node, string token, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (await node.TokenTotalAsync(token) != 1)
        {
            Assert.True(clock.Elapsed < limit, $"{token} was not searchable on {node.BaseAddress} within {limit}\n{Logs()}");
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }

    [Fact]
    public async Task Writes_spread_over_three_nodes_by_concurrent_clients_are_on_every_node_once_and_each_searchable_everywhere_within_two_seconds()
    {
        var nodes = new[] { await StartNodeAsync(), await StartNodeAsync(), await StartNodeAsync() };

        // A write to one node, searchable on the two others within the promise.
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await nodes[i].Client.PostBatchAsync(ServiceCalls.Batch($"one{i}", 0, 1));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            foreach (var other in nodes.Where((_, n) => n != i))
                await SearchableAsync(other, ServiceCalls.Token($"one{i}", 0, 0), Promised);
        }

        // Six clients, two a node, each writing its batches and re-sending documents the others send too.
        const int clients = 6, batches = 8, size = 10;
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), async (c, _) =>
        {
            var node = nodes[c % nodes.Length];
            for (var b = 0; b < batches; b++)
            {
                var batch = ServiceCalls.Batch($"c{c}", b, size).Concat(ServiceCalls.Batch("shared", b, 2)).ToList();
                using var response = await node.Client.PostBatchAsync(batch);
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"client {c} batch {b}: {(int)response.StatusCode}\n{node.LogTail()}");
            }
        });

        const long expected = 3 + clients * batches * size + batches * 2;
        foreach (var node in nodes)
        {
            var stats = await node.WaitUntilIndexedAsync(expected);
            Assert.Equal(expected, stats.IndexDocuments);
            Assert.Equal(expected, await node.TotalAsync());
            Assert.Equal(1, await node.TokenTotalAsync(ServiceCalls.Token("shared", 5, 1)));
            Assert.Equal(1, await node.TokenTotalAsync(ServiceCalls.Token("c4", 7, 9)));
        }
    }

    [Fact]
    public async Task A_node_killed_during_writes_loses_nothing_acknowledged_catches_up_when_back_and_a_new_empty_node_joins()
    {
        var (first, second, victim) = (await StartNodeAsync(), await StartNodeAsync(), await StartNodeAsync());
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = new[] { first, second, victim }.Select((node, n) => Task.Run(async () =>
        {
            for (var b = 0; !stop.IsCancellationRequested; b++)
            {
                var batch = ServiceCalls.Batch($"k{n}", b, 5);
                try
                {
                    using var response = await node.Client.PostBatchAsync(batch);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                        batch.ToList().ForEach(d => acknowledged.Add(d.Id));
                }
                catch (Exception e) when (node == victim && e is HttpRequestException or TaskCanceledException or ObjectDisposedException
                    or System.Net.Sockets.SocketException or InvalidOperationException)
                {
                    // The killed node answers no more (refused), its restart replaces the client a request may be
                    // waiting in (cancelled), and while it restarts it has no client at all (the harness says it is
                    // not running): that batch was never acknowledged.
                    await Task.Delay(50);
                }
            }
        })).ToArray();
        await Task.Delay(1_500);
        victim.Kill();
        var afterKill = acknowledged.Count;
        await Task.Delay(1_500);
        Assert.True(acknowledged.Count > afterKill, "the other nodes stopped taking writes when one was killed");
        Assert.True(await first.TotalAsync() > 0, "the other nodes stopped answering searches");
        await victim.StartAsync();
        await Task.Delay(500);
        stop.Cancel();
        await Task.WhenAll(writers);

        var joined = await StartNodeAsync();
        var ids = acknowledged.ToHashSet();
        foreach (var node in new[] { first, second, victim, joined })
        {
            var stats = await node.WaitUntilIndexedAsync();
            Assert.True(stats.IndexDocuments >= ids.Count, $"{node.BaseAddress} indexes {stats.IndexDocuments} of {ids.Count} acknowledged\n{Logs()}");
            Assert.Equal(stats.ArchiveDocuments, await node.TotalAsync());
        }
        await ServiceCalls.ForEachAsync(ids.Where((_, i) => i % 7 == 0), 8, async id =>
        {
            var (prefix, batch, i) = Parse(id);
            foreach (var node in new[] { victim, joined })
                Assert.Equal(1, await node.TokenTotalAsync(ServiceCalls.Token(prefix, batch, i)));
        });
    }

    private static (string Prefix, int Batch, int Index) Parse(string id)
    {
        var parts = id.Split('-');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_reindex_on_one_node_leaves_the_other_serving_and_following_writes()
    {
        var (rebuilding, other) = (await StartNodeAsync(), await StartNodeAsync());
        await rebuilding.IngestAsync("r", 20, 50);
        await rebuilding.WaitUntilIndexedAsync(1_000);
        await other.WaitUntilIndexedAsync(1_000);

        var job = await rebuilding.StartReindexAsync();
        using var written = await other.Client.PostBatchAsync(ServiceCalls.Batch("during", 0, 5));
        Assert.Equal(HttpStatusCode.Accepted, written.StatusCode);
        await SearchableAsync(other, ServiceCalls.Token("during", 0, 4), Promised);
        Assert.Equal(1_005, await other.TotalAsync());
        Assert.Equal("succeeded", (await rebuilding.WaitForJobAsync(job)).State);

        await SearchableAsync(rebuilding, ServiceCalls.Token("during", 0, 4), Promised);
        Assert.Equal(1_005, (await rebuilding.WaitUntilIndexedAsync(1_005)).IndexDocuments);
    }

    [Fact]
    public async Task A_node_killed_during_its_own_reindex_serves_everything_when_back_while_the_other_never_stopped()
    {
        var (rebuilding, other) = (await StartNodeAsync(new Dictionary<string, string> { ["Search:IndexBatchSize"] = "50" }), await StartNodeAsync());
        await other.IngestAsync("kr", 40, 50);
        await rebuilding.WaitUntilIndexedAsync(2_000);

        var job = await rebuilding.StartReindexAsync();
        await rebuilding.UntilAsync(async () => (await rebuilding.JobAsync(job)).Processed > 0, "the reindex was under way");
        rebuilding.Kill();
        using (var written = await other.Client.PostBatchAsync(ServiceCalls.Batch("meanwhile", 0, 5)))
            Assert.Equal(HttpStatusCode.Accepted, written.StatusCode);
        Assert.Equal(2_005, (await other.WaitUntilIndexedAsync(2_005)).IndexDocuments);

        await rebuilding.StartAsync();
        Assert.Equal(2_005, (await rebuilding.WaitUntilIndexedAsync(2_005)).IndexDocuments);
        Assert.Equal(2_005, await rebuilding.TotalAsync());
        Assert.Equal(1, await rebuilding.TokenTotalAsync(ServiceCalls.Token("meanwhile", 0, 3)));
    }

    [Fact]
    public async Task A_pg_dump_taken_under_writes_restores_into_a_new_database_that_a_new_node_rebuilds_its_index_from()
    {
        var node = await StartNodeAsync();
        await node.IngestAsync("dump", 10, 20);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var b = 0; !stop.IsCancellationRequested; b++)
            {
                using var response = await node.Client.PostBatchAsync(ServiceCalls.Batch("under", b, 5));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        });
        await Task.Delay(300);
        var restored = server.DumpAndRestore(_archive, Path.Combine(_folder.Path, "archive.dump"));
        stop.Cancel();
        await writer;

        var fromBackup = await StartNodeAsync(archive: restored);
        var stats = await fromBackup.WaitUntilIndexedAsync();
        // A consistent copy: the 200 written before, and whole batches of those written during (five at a time).
        Assert.True(stats.ArchiveDocuments >= 200 && stats.ArchiveDocuments % 5 == 0, $"{stats.ArchiveDocuments} documents restored");
        Assert.True(stats.ArchiveDocuments <= (await node.StatsAsync()).ArchiveDocuments);
        Assert.Equal(stats.ArchiveDocuments, await fromBackup.TotalAsync());
        Assert.Equal(1, await fromBackup.TokenTotalAsync(ServiceCalls.Token("dump", 9, 19)));
    }

    [Fact]
    public async Task With_the_database_stopped_writes_get_a_503_problem_searches_still_answer_and_all_resumes_once_it_is_back()
    {
        var (first, second) = (await StartNodeAsync(), await StartNodeAsync());
        await first.IngestAsync("before", 2, 10);
        await first.WaitUntilIndexedAsync(20);
        await second.WaitUntilIndexedAsync(20);

        server.Stop();
        try
        {
            using var refused = await first.Client.PostBatchAsync(ServiceCalls.Batch("down", 0, 3));
            var problem = await refused.ReadProblemAsync(503);
            Assert.Equal("The archive's database cannot be reached", problem.GetProperty("title").GetString());
            Assert.Contains("nothing of this request was stored", problem.GetProperty("detail").GetString());
            Assert.NotNull(refused.Headers.RetryAfter);
            foreach (var node in new[] { first, second })
            {
                Assert.Equal(20, await node.TotalAsync());
                Assert.Equal(1, await node.TokenTotalAsync(ServiceCalls.Token("before", 1, 3)));
                using var ready = await node.Client.GetAsync("/health/ready");
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                Assert.Contains("Degraded", await ready.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            server.Start();
        }

        // Back: a write is taken again (the first attempts may still meet a connection the restart cut).
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await second.Client.PostBatchAsync(ServiceCalls.Batch("after", 0, 3));
            if (response.StatusCode == HttpStatusCode.Accepted)
                break;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"writes were still refused {clock.Elapsed} after the database was back\n{Logs()}");
            await Task.Delay(200);
        }
        await SearchableAsync(first, ServiceCalls.Token("after", 0, 2), TimeSpan.FromSeconds(10));
        Assert.Equal(23, (await first.WaitUntilIndexedAsync(23)).IndexDocuments);
        // Healthy again once the loop that caught up has committed and said so.
        await first.UntilAsync(async () =>
        {
            using var healthy = await first.Client.GetAsync("/health/ready");
            return (await healthy.Content.ReadAsStringAsync()).StartsWith("{\"status\":\"Healthy\"", StringComparison.Ordinal);
        }, "the node was healthy again");
    }

    [Fact]
    public async Task What_one_node_stores_another_reads_versions_saved_searches_feeds_and_exports()
    {
        var (writer, reader) = (await StartNodeAsync(), await StartNodeAsync());
        using (var saved = await writer.Client.PostAsJsonAsync("/api/saved-searches", new SavedSearchCreate("ميناء", new SavedSearchParameters(Q: "tokport"))))
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        // An Arabic statement and its English version, linked from the English one only, arriving in that order.
        using (var posted = await writer.Client.PostNdjsonAsync(
            """
            {"id":"port-en","title":"Port statement","date":"2024-03-01","body":"The ministry announced the port tokport opens.","source":"ministry","translations":[{"id":"port-ar"}]}
            {"id":"port-ar","title":"بيان الميناء","date":"2024-03-01","body":"أعلنت الوزارة افتتاح الميناء tokport اليوم.","source":"الوزارة"}
            """ + "\n"))
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await reader.WaitUntilIndexedAsync(2);

        var search = await reader.GetAsync<SearchResponse>("/api/search?q=tokport&lang=ar");
        Assert.Equal("en", Assert.Single(Assert.Single(search.Hits).Versions!).Lang);
        var listed = Assert.Single(await reader.GetAsync<List<SavedSearchInfo>>("/api/saved-searches"));
        Assert.Equal("ميناء", listed.Name);
        using var feed = await reader.Client.GetAsync(listed.Feed);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("بيان الميناء", await feed.Content.ReadAsStringAsync());
        var export = await reader.Client.GetStringAsync("/api/search/export?q=tokport&format=csv");
        Assert.Contains("port-ar", export);
        Assert.Contains("port-en", export);
    }

    [Fact]
    public async Task A_saved_search_is_alerted_once_whichever_nodes_run()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var fast = new Dictionary<string, string> { ["Search:Webhooks:PollInterval"] = "00:00:00.050" };
        var nodes = new[] { await StartNodeAsync(fast), await StartNodeAsync(fast) };
        using (var created = await nodes[1].Client.PostAsJsonAsync("/api/saved-searches",
            new SavedSearchCreate("نفط", new SavedSearchParameters(Q: "النفط"), receiver.Url)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var batch = ServiceCalls.Batch("oil", 0, 10);
        var matching = batch.Where(d => d.Body.Contains("النفط", StringComparison.Ordinal)).Select(d => d.Id).Order().ToList();
        Assert.NotEmpty(matching);
        using (var accepted = await nodes[0].Client.PostBatchAsync(batch))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        await nodes[0].UntilAsync(() => Task.FromResult(receiver.DeliveredIds.Count >= matching.Count), "the alerts were delivered");
        await Task.Delay(1_500); // a second sender, if there were one, has had its chance
        Assert.Equal(matching, receiver.DeliveredIds.Order());
        Assert.Equal(receiver.Requests.Count, receiver.Requests.Select(r => r.IdempotencyKey).Distinct().Count());
    }
}
