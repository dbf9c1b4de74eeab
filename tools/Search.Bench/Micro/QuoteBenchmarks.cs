using BenchmarkDotNet.Attributes;
using Search.Core.Quotes;

namespace Search.Bench.Micro;

/// <summary>
/// Quotation extraction, as an index rebuild runs it on every Arabic body: 1 MB (2^20 characters) of
/// corpus bodies (<see cref="CorpusBodies"/>), extracted one after another (MB/s = 1 / mean seconds). Real
/// news text, not <see cref="BenchText"/>: what extraction costs depends on how many sayings, names and
/// marks a text has.
/// </summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private string[] _bodies = [];

    [GlobalSetup]
    public void Setup() => _bodies = CorpusBodies.Read();

    [Benchmark]
    public int ExtractOneMegabyte()
    {
        var quotes = 0;
        foreach (var body in _bodies)
            quotes += QuoteExtractor.Default.Extract(body).Count;
        return quotes;
    }
}
