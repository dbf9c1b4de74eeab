using System.Diagnostics;
using Search.Bench.Support;

namespace Search.Bench.Modes;

/// <summary>Replays a query log against a running service with N concurrent clients for a while.</summary>
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
        var (elapsed, failures) = await Replay(http, lines, clients, duration, latencies);
        Console.WriteLine($"load clients={clients} failures={failures} {latencies.Summary(elapsed)}");
        return failures == 0 ? 0 : 1;
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
