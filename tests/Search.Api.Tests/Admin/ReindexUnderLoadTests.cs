using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using Xunit.Abstractions;
using static Search.Api.Tests.TestSupport.ServiceCalls;

namespace Search.Api.Tests.Admin;

/// <summary>
/// A reindex through the admin API on a real child process of the service: searches from several
/// clients meanwhile all succeed with the same total, only one reindex runs at a time, and one can
/// be cancelled.
/// </summary>
[Collection(DurabilityCollection.Name)]
[Trait("Category", "Durability")]
public sealed class ReindexUnderLoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ServiceProcess NewService(int indexBatchSize) =>
        new(Path.Combine(_folder.Path, "data"), Path.Combine(_folder.Path, "service.log"),
            new Dictionary<string, string> { ["Search:IndexBatchSize"] = indexBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Searches_from_four_clients_during_a_reindex_all_succeed_with_consistent_totals()
    {
        const int count = 2_000;
        using var service = NewService(indexBatchSize: 100);
        await service.StartAsync();
        await service.IngestAsync("c", 10, 200);
        var stats = await service.WaitUntilIndexedAsync(count);
        var before = await service.TotalAsync();
        Assert.Equal(count, before);

        var failures = new ConcurrentQueue<string>();
        var totals = new ConcurrentDictionary<long, int>();
        var searches = 0;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            // Each client is its own connection pool, without the admin key, as the public searches.
            using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var random = new Random(c);
            while (!stop.IsCancellationRequested)
            {
                foreach (var uri in new[] { $"/api/search?q={Uri.EscapeDataString(Words[random.Next(Words.Length)])}&size=10", $"/api/search?{AllDates}&size=1" })
                {
                    try
                    {
                        using var response = await http.GetAsync(uri);
                        var text = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode != HttpStatusCode.OK)
                            failures.Enqueue($"{uri}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                        else if (uri.Contains("from=", StringComparison.Ordinal))
                            totals.AddOrUpdate(Read<SearchResponse>(text).Total, 1, (_, n) => n + 1);
                        Interlocked.Increment(ref searches);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue($"{uri}: {e.GetType().Name} {e.Message}");
                    }
                }
            }
        })).ToList();

        try
        {
            await service.UntilAsync(() => Task.FromResult(Volatile.Read(ref searches) >= 20), "the clients search");
            var jobId = await service.StartReindexAsync();

            // A second request while the first runs is refused, and names the running job.
            using (var second = await service.Client.PostAsync("/api/admin/reindex", null))
            {
                var problem = await second.ReadProblemAsync(409);
                Assert.Equal(jobId, problem.GetProperty("jobId").GetString());
            }

            var processedSeen = new SortedSet<long>();
            var clock = Stopwatch.StartNew();
            var job = await service.WaitForJobAsync(jobId, processedSeen);
            var took = clock.Elapsed;
            var searchesAtSwitch = Volatile.Read(ref searches);
            await service.UntilAsync(() => Task.FromResult(Volatile.Read(ref searches) >= searchesAtSwitch + 20), "the clients search the new generation");
            await stop.CancelAsync();
            await Task.WhenAll(clients);

            var context = $"reindex took {took.TotalSeconds:F1} s under {Volatile.Read(ref searches)} searches; processed seen {string.Join(",", processedSeen)}; totals {string.Join(", ", totals.Select(t => $"{t.Key} x{t.Value}"))}";
            Assert.True(job.State == "succeeded", $"reindex ended {job.State}: {job.Error}; {context}\n{service.LogTail()}");
            Assert.True(failures.IsEmpty, $"{failures.Count} failed searches, e.g. {string.Join(" | ", failures.Take(3))}; {context}\n{service.LogTail()}");
            Assert.True(totals.Keys.All(t => t == before), $"totals other than {before}; {context}");
            // Every count seen lies within the job (how many are seen depends on how fast it runs: 0.1 s at times).
            Assert.True(processedSeen.All(p => p is >= 0 and <= count), $"processed counts outside the job; {context}");
            Assert.Equal(count, job.Processed);
            Assert.Equal(count, job.Total);
            Assert.NotNull(job.FinishedAt);

            var after = await service.StatsAsync();
            Assert.True(after.Generation == job.Generation && job.Generation > stats.Generation, $"{after}; {context}");
            Assert.Null(after.Reindex);
            Assert.Equal(count, after.IndexDocuments);
            Assert.Equal(after.AnalyzerVersion, after.IndexAnalyzerVersion);
            await service.UntilAsync(() => Task.FromResult(!Directory.Exists(GenerationFolder(service.DataPath, stats.Generation))),
                $"the old generation {stats.Generation} is deleted");
            output.WriteLine(context);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }
    }

    [Fact]
    public async Task A_cancelled_reindex_leaves_the_current_generation_serving()
    {
        // Enough documents that the rebuild (a hundred batches) outlasts the round trip of the cancel on a fast machine.
        const int batches = 50, size = 200, count = batches * size;
        using var service = NewService(indexBatchSize: 100);
        await service.StartAsync();
        await service.IngestAsync("x", batches, size);
        var stats = await service.WaitUntilIndexedAsync(count);

        var jobId = await service.StartReindexAsync();
        await service.UntilAsync(async () => (await service.JobAsync(jobId)) is var j && (j.Processed > 0 || j.State != "running"), "the reindex has read something");
        using (var cancel = await service.Client.DeleteAsync($"/api/admin/reindex/{jobId}"))
        {
            var text = await cancel.Content.ReadAsStringAsync();
            Assert.True(cancel.StatusCode == HttpStatusCode.OK, $"DELETE: {(int)cancel.StatusCode} {text}");
            Assert.Equal(jobId, Read<ReindexStatus>(text).JobId);
        }
        var job = await service.WaitForJobAsync(jobId);

        Assert.True(job.State == "cancelled", $"the reindex ended {job.State} ({job.Processed} of {job.Total}): {job.Error}\n{service.LogTail()}");
        Assert.NotNull(job.FinishedAt);
        Assert.True(job.Processed < count, $"processed {job.Processed}: it was not cut short");
        output.WriteLine($"cancelled at {job.Processed} of {job.Total} after {job.ElapsedSeconds} s");
        var after = await service.StatsAsync();
        Assert.Equal(stats.Generation, after.Generation);
        Assert.Equal(stats.Generation, CurrentGenerationOnDisk(service.DataPath));
        Assert.Equal(count, after.IndexDocuments);
        Assert.Equal(count, await service.TotalAsync());
        Assert.Equal(1, await service.TokenTotalAsync(Token("x", 7, 77)));
        await service.UntilAsync(() => Task.FromResult(!Directory.Exists(GenerationFolder(service.DataPath, job.Generation))),
            $"the half-built generation {job.Generation} is deleted");
        await service.UntilAsync(async () => (await service.StatsAsync()).Reindex is null, "no reindex is running");

        // The cancelled job stays known; cancelling it again changes nothing; unknown jobs are 404.
        Assert.Equal("cancelled", (await service.JobAsync(jobId)).State);
        using (var again = await service.Client.DeleteAsync($"/api/admin/reindex/{jobId}"))
            Assert.Equal("cancelled", Read<ReindexStatus>(await again.Content.ReadAsStringAsync()).State);
        await (await service.Client.GetAsync("/api/admin/reindex/no-such-job")).ReadProblemAsync(404);
        await (await service.Client.DeleteAsync("/api/admin/reindex/no-such-job")).ReadProblemAsync(404);

        // A new reindex runs to the end.
        var next = await service.WaitForJobAsync(await service.StartReindexAsync());
        Assert.True(next.State == "succeeded", $"the next reindex ended {next.State}: {next.Error}\n{service.LogTail()}");
        Assert.Equal(next.Generation, (await service.StatsAsync()).Generation);
        Assert.Equal(count, await service.TotalAsync());
    }
}
