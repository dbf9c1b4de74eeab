namespace Search.Bench.Support;

/// <summary>Collected latencies in milliseconds, summarised as percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public void Add(double milliseconds)
    {
        lock (_gate)
            _milliseconds.Add(milliseconds);
    }

    public int Count => _milliseconds.Count;

    public string Summary(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _milliseconds.Sort();
            return $"n={Count} p50={Percentile(0.50):F2}ms p95={Percentile(0.95):F2}ms p99={Percentile(0.99):F2}ms " +
                   $"mean={(_milliseconds.Count == 0 ? 0 : _milliseconds.Average()):F2}ms throughput={Count / elapsed.TotalSeconds:F0}/s";
        }
    }

    private double Percentile(double p) =>
        _milliseconds.Count == 0 ? 0 : _milliseconds[Math.Min(_milliseconds.Count - 1, (int)(_milliseconds.Count * p))];
}
