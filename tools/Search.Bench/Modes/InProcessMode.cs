using System.Diagnostics;
using Search.Bench.Support;
using Search.Core;

namespace Search.Bench.Modes;

/// <summary>Replays a query log against a data folder in this process, one query at a time, after a warm-up pass.</summary>
public static class InProcessMode
{
    public static int Run(Arguments options)
    {
        using var engine = SearchEngine.Open(options.Required("data"));
        int? size = options.Has("size") ? options.Int("size", 10) : null;
        var requests = QueryLog.Read(options.Required("log")).Select(line => QueryLog.ToRequest(line, size)).ToList();
        foreach (var request in requests)
            engine.Search(request);

        var latencies = new Latencies();
        var each = new List<(double Milliseconds, Search.Core.Retrieval.SearchRequest Request)>();
        var (gen0, gen1, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.GetTotalPauseDuration());
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var elapsed = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            var started = Stopwatch.GetTimestamp();
            engine.Search(request);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(milliseconds);
            each.Add((milliseconds, request));
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        // The collections and their pauses: what a search's allocations cost beyond allocating.
        Console.WriteLine($"queries in-process documents={engine.Stats().IndexDocuments} {latencies.Summary(elapsed.Elapsed)} allocated_KB={allocated / 1024.0 / requests.Count:F1}"
            + $" gen0_collections={GC.CollectionCount(0) - gen0} gen1_collections={GC.CollectionCount(1) - gen1} gc_paused_ms={(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0}");
        foreach (var (milliseconds, request) in each.OrderByDescending(e => e.Milliseconds).Take(options.Int("slowest", 0)))
            Console.WriteLine($"  {milliseconds:F1} ms  q={request.Text} from={request.From} to={request.To} interval={request.Interval}");
        return 0;
    }
}
