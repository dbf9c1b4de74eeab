using System.Collections.Concurrent;
using System.Net;
using Search.Api.Tests.TestSupport;
using Xunit.Abstractions;
using static Search.Api.Tests.TestSupport.ServiceCalls;

namespace Search.Api.Tests.Engine;

/// <summary>
/// SIGKILL the service in the middle of an ingest and in the middle of a reindex, start it again
/// on the same data folder, and check that every acknowledged document is there and searchable
/// exactly once, and that nothing half-built is served.
/// </summary>
[Collection(DurabilityCollection.Name)]
[Trait("Category", "Durability")]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>What <see cref="System.Diagnostics.Process.ExitCode"/> reports for a process ended by signal 9.</summary>
    private const int KilledBySigkill = 128 + 9;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ServiceProcess NewService(Dictionary<string, string>? settings = null) =>
        new(Path.Combine(_folder.Path, "data"), Path.Combine(_folder.Path, "service.log"), settings);

    [Fact]
    public async Task Sigkill_during_an_ingest_loses_no_acknowledged_document_and_duplicates_none()
    {
        // The cap only bounds a runaway run: the posters keep going until the kill, however fast the machine.
        const int batches = 2000, size = 200;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var service = NewService();
        await service.StartAsync();

        // Two clients post batches; once enough are acknowledged, a timer kills the service at a random moment.
        var killAfter = random.Next(8, 20);
        var killDelay = TimeSpan.FromMilliseconds(random.Next(0, 400));
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var unacknowledged = new ConcurrentDictionary<int, string>();
        var next = -1;
        var killer = Task.Run(async () =>
        {
            while (acknowledged.Count < killAfter && Volatile.Read(ref next) < batches)
                await Task.Delay(5);
            await Task.Delay(killDelay);
            return service.Kill();
        });
        var client = service.Client;
        var posters = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!killer.IsCompleted && Interlocked.Increment(ref next) is var b && b < batches)
            {
                try
                {
                    using var response = await client.PostBatchAsync(Batch("k", b, size));
                    if (response.StatusCode == HttpStatusCode.Accepted)
                        acknowledged[b] = true;
                    else
                        unacknowledged[b] = $"{(int)response.StatusCode}";
                }
                // A connection made as the service dies can fail outside HttpRequestException: .NET reads its remote
                // end after connecting, and a socket reset by then throws SocketException as it is (seen in CI).
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
                {
                    unacknowledged[b] = e.GetType().Name;
                }
            }
        })).ToList();
        await Task.WhenAll(posters);
        var exitCode = await killer;
        var context = $"seed {seed}: killed {killDelay.TotalMilliseconds} ms after {killAfter} acknowledged batches; " +
            $"acknowledged [{string.Join(",", acknowledged.Keys.Order())}], not [{string.Join(",", unacknowledged.Select(u => $"{u.Key}:{u.Value}"))}]";

        Assert.True(exitCode == KilledBySigkill, $"exit code {exitCode}, want {KilledBySigkill} (SIGKILL); {context}");
        Assert.True(acknowledged.Count is > 0 and < batches, $"the kill did not land mid-way; {context}");

        // Start again, and kill it once more while it replays the archive into the index.
        await service.StartAsync();
        var pendingAtSecondKill = (await service.StatsAsync()).Pending;
        Assert.Equal(KilledBySigkill, service.Kill());
        await service.StartAsync();

        var stats = await service.WaitUntilIndexedAsync();
        context += $"; pending at the second kill {pendingAtSecondKill}; after restart {stats}";
        var storedInFlight = 0;
        Assert.Equal(1, stats.Generation);

        // Every acknowledged document is stored; a batch that was in flight is stored whole or not at all.
        var missing = new ConcurrentBag<string>();
        await ForEachAsync(acknowledged.Keys.SelectMany(b => Enumerable.Range(0, size).Select(i => Id("k", b, i))), 8, async id =>
        {
            using var response = await service.Client.GetAsync($"/api/documents/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
                missing.Add($"{id}: {(int)response.StatusCode}");
        });
        Assert.True(missing.IsEmpty, $"{missing.Count} acknowledged documents are missing, e.g. {string.Join(", ", missing.Take(5))}; {context}\n{service.LogTail()}");

        foreach (var b in unacknowledged.Keys)
        {
            var found = 0;
            await ForEachAsync(Enumerable.Range(0, size), 8, async i =>
            {
                using var response = await service.Client.GetAsync($"/api/documents/{Id("k", b, i)}");
                if (response.StatusCode == HttpStatusCode.OK)
                    Interlocked.Increment(ref found);
            });
            Assert.True(found is 0 or size, $"batch {b} in flight at the kill is stored in part: {found} of {size}; {context}");
            storedInFlight += found;
        }

        // The index holds each stored document exactly once.
        var expected = acknowledged.Count * size + storedInFlight;
        context += $"; {storedInFlight / size} unacknowledged batches stored";
        Assert.True(stats.ArchiveDocuments == expected, $"archive holds {stats.ArchiveDocuments}, want {expected}; {context}");
        Assert.True(stats.IndexDocuments == expected, $"index holds {stats.IndexDocuments}, want {expected}; {context}");
        var total = await service.TotalAsync();
        Assert.True(total == expected, $"search total {total}, want {expected}; {context}");
        var sample = acknowledged.Keys.SelectMany(b => new[] { 0, random.Next(size), size - 1 }.Select(i => (b, i))).ToList();
        var wrong = new ConcurrentBag<string>();
        await ForEachAsync(sample, 4, async d =>
        {
            var found = await service.TokenTotalAsync(Token("k", d.b, d.i));
            if (found != 1)
                wrong.Add($"{Id("k", d.b, d.i)} x{found}");
        });
        Assert.True(wrong.IsEmpty, $"documents not found exactly once: {string.Join(", ", wrong.Take(5))}; {context}");
        output.WriteLine(context);
    }

    [Fact]
    public async Task Sigkill_during_a_reindex_serves_the_old_generation_and_discards_the_half_built_one()
    {
        const int batches = 25, size = 200, count = batches * size;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var service = NewService(new Dictionary<string, string> { ["Search:IndexBatchSize"] = "200" });
        await service.StartAsync();
        await service.IngestAsync("r", batches, size);
        var before = await service.WaitUntilIndexedAsync(count);
        var data = service.DataPath;
        var old = before.Generation;

        var jobId = await service.StartReindexAsync();
        var killAt = random.Next(1, count / 2);
        var job = await service.JobAsync(jobId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (job.State == "running" && job.Processed < killAt && clock.Elapsed < Generous)
        {
            await Task.Delay(20);
            job = await service.JobAsync(jobId);
        }
        Assert.True(job.State == "running", $"the reindex ended ({job.State}, {job.Processed} processed) before the kill at {killAt}: nothing was tested (seed {seed})");
        Assert.Equal(KilledBySigkill, service.Kill());
        var context = $"seed {seed}: killed at {job.Processed} of {job.Total} processed, building generation {job.Generation} over {old}";

        // What the crash left: the pointer still names the old generation, the new one lies half-built beside it.
        Assert.True(CurrentGenerationOnDisk(data) == old, $"the pointer moved to {CurrentGenerationOnDisk(data)}; {context}");
        Assert.True(job.Generation > old, context);
        Assert.True(Directory.Exists(GenerationFolder(data, job.Generation)), $"no half-built generation on disk; {context}");

        await service.StartAsync();
        using (var ready = await service.Client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var after = await service.WaitUntilIndexedAsync(count);
        Assert.True(after.Generation == old, $"serving generation {after.Generation}, want the old {old}; {context}");
        Assert.Null(after.Reindex);
        Assert.False(Directory.Exists(GenerationFolder(data, job.Generation)), $"the half-built generation is still on disk; {context}\n{service.LogTail()}");
        Assert.Equal([old.ToString(System.Globalization.CultureInfo.InvariantCulture)], GenerationFolders(data));
        Assert.Equal(count, after.IndexDocuments);
        Assert.Equal(count, await service.TotalAsync());
        foreach (var (b, i) in new[] { (0, 0), (12, 34), (batches - 1, size - 1), (random.Next(batches), random.Next(size)) })
            Assert.True(await service.TokenTotalAsync(Token("r", b, i)) == 1, $"{Id("r", b, i)} is not found exactly once; {context}");

        // A new reindex then runs to the end and makes its generation current.
        var retry = await service.StartReindexAsync();
        var done = await service.WaitForJobAsync(retry);
        Assert.True(done.State == "succeeded", $"the second reindex ended {done.State}: {done.Error}; {context}\n{service.LogTail()}");
        Assert.Equal(count, done.Processed);
        var stats = await service.StatsAsync();
        Assert.Equal(done.Generation, stats.Generation);
        Assert.Equal(done.Generation, CurrentGenerationOnDisk(data));
        await service.UntilAsync(() => Task.FromResult(!Directory.Exists(GenerationFolder(data, old))), $"the old generation {old} is deleted");
        Assert.Equal(count, await service.TotalAsync());

        // And the rebuilt generation is the one a restart serves.
        Assert.Equal(KilledBySigkill, service.Kill());
        await service.StartAsync();
        var restarted = await service.WaitUntilIndexedAsync(count);
        Assert.Equal(done.Generation, restarted.Generation);
        Assert.Equal(count, await service.TotalAsync());
        output.WriteLine(context);
    }
}
