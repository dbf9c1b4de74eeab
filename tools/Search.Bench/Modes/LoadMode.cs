using System.Diagnostics;
using System.Net.Http.Json;
using Search.Bench.Support;

namespace Search.Bench.Modes;

/// <summary>
/// Replays a query log against a running service with N concurrent clients for a while; with <c>--ingest-every</c>,
/// while corpus articles are posted one at a time under new ids, so that searches meet the readers each new document
/// opens, as they do in a service that takes statements while it is searched.
/// </summary>
public static class LoadMode
{
    public static async Task<int> RunAsync(Arguments options)
    {
        var baseUrl = new Uri(options.Required("url"));
        var lines = QueryLog.Read(options.Required("log"));
        var clients = options.Int("clients", 8);
        var duration = TimeSpan.FromSeconds(options.Double("seconds", 20));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseUrl };

        await Replay(http, lines, clients, TimeSpan.FromSeconds(3), new Latencies());
        var latencies = new Latencies();
        using var stop = new CancellationTokenSource();
        var posting = options.Has("ingest-every")
            ? Ingest(baseUrl, options.Required("key"), CorpusFiles.Read(options.All("corpus")), TimeSpan.FromSeconds(options.Double("ingest-every", 1)), stop.Token)
            : Task.FromResult(0);
        var (elapsed, failures) = await Replay(http, lines, clients, duration, latencies);
        await stop.CancelAsync();
        var posted = await posting;
        Console.WriteLine($"load clients={clients} failures={failures} {latencies.Summary(elapsed)}" + (options.Has("ingest-every") ? $" posted={posted}" : ""));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Posts the articles one at a time, each under a new id, one every <paramref name="every"/>; returns how many were accepted.</summary>
    private static async Task<int> Ingest(Uri baseUrl, string key, IEnumerable<Search.Core.DocumentRecord> articles, TimeSpan every, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var (posted, run) = (0, $"{DateTime.UtcNow:HHmmss}");
        using var timer = new PeriodicTimer(every);
        try
        {
            foreach (var article in articles)
            {
                await timer.WaitForNextTickAsync(stop);
                using var answer = await http.PostAsJsonAsync("/api/documents", new[] { article with { Id = $"load-{run}-{posted}" } }, stop);
                if (!answer.IsSuccessStatusCode)
                    throw new InvalidOperationException($"posting a document answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(stop)}");
                posted++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return posted;
    }

    private static async Task<(TimeSpan Elapsed, int Failures)> Replay(HttpClient http, IReadOnlyList<string> lines, int clients, TimeSpan duration, Latencies latencies)
    {
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var line = lines[(int)((uint)Interlocked.Increment(ref next) % lines.Count)];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/api/search?" + line, HttpCompletionOption.ResponseContentRead);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failures);
            }
        }));
        return (clock.Elapsed, failures);
    }
}
