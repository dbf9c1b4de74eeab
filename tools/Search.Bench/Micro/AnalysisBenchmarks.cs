using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Index;

namespace Search.Bench.Micro;

/// <summary>Analysis throughput: 1 MB of Arabic text through the analyzer the index uses (MB/s = 1 / mean seconds).</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly string _text = BenchText.OfLength(1 << 20);
    private Analyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup() => _analyzer = ArabicSearchAnalyzer.Create();

    [GlobalCleanup]
    public void Cleanup() => _analyzer.Dispose();

    [Benchmark]
    public int AnalyseOneMegabyte()
    {
        var tokens = 0;
        using var stream = _analyzer.GetTokenStream(IndexFields.Body, _text);
        stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens++;
        stream.End();
        return tokens;
    }
}
