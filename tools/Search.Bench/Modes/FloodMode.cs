using System.Diagnostics;
using System.Net;
using Search.Bench.Support;

namespace Search.Bench.Modes;

/// <summary>
/// One client floods the service from many connections, replaying a query log as fast as it is answered
/// and retrying a 429 at once (as an abusive client would), while another client, from another address,
/// searches one query at a time: the latencies the second one sees are what the per-client limits protect.
/// </summary>
public static class FloodMode
{
    public static async Task<int> RunAsync(Arguments options)
    {
        var baseUrl = new Uri(options.Required("url"));
        var lines = QueryLog.Read(options.Required("log"));
        var connections = options.Int("flood-connections", 32);
        var victims = options.Int("victims", 1);
        var duration = TimeSpan.FromSeconds(options.Double("seconds", 20));
        using var flooder = SourceBoundClient.Create(baseUrl, options.All("flood-from").FirstOrDefault() ?? "127.0.0.1", connections);
        using var victim = SourceBoundClient.Create(baseUrl, options.All("victim-from").FirstOrDefault() ?? "127.0.0.2", victims);

        var clock = Stopwatch.StartNew();
        var flood = new Tally();
        var quiet = new Tally();
        var latencies = new Latencies();
        var next = -1;
        string NextLine() => lines[(int)((uint)Interlocked.Increment(ref next) % lines.Count)];
        var flooding = Enumerable.Range(0, connections).Select(_ => Loop(flooder, NextLine, clock, duration, flood, null));
        var searching = Enumerable.Range(0, victims).Select(_ => Loop(victim, NextLine, clock, duration, quiet, latencies));
        await Task.WhenAll(flooding.Concat(searching));

        Console.WriteLine($"flood connections={connections} answered={flood.Ok / clock.Elapsed.TotalSeconds:F0}/s limited={flood.Limited} failed={flood.Failed}");
        Console.WriteLine($"other client: limited={quiet.Limited} failed={quiet.Failed} {latencies.Summary(clock.Elapsed)}");
        return quiet.Failed == 0 ? 0 : 1;
    }

    private static async Task Loop(HttpClient http, Func<string> nextLine, Stopwatch clock, TimeSpan duration, Tally tally, Latencies? latencies)
    {
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync("/api/search?" + nextLine(), HttpCompletionOption.ResponseContentRead);
                latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                tally.Count(response.StatusCode);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref tally.Failed);
            }
        }
    }

    private sealed class Tally
    {
        public int Ok;
        public int Limited;
        public int Failed;

        public void Count(HttpStatusCode status)
        {
            if (status == HttpStatusCode.TooManyRequests)
                Interlocked.Increment(ref Limited);
            else if ((int)status < 400)
                Interlocked.Increment(ref Ok);
            else
                Interlocked.Increment(ref Failed);
        }
    }
}
