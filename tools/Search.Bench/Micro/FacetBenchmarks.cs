using BenchmarkDotNet.Attributes;
using Search.Core.Retrieval;

namespace Search.Bench.Micro;

/// <summary>Facet counting over 50,000 documents: browsing everything (every document counted per day and source) and a word query.</summary>
[MemoryDiagnoser]
public class FacetBenchmarks
{
    private BenchEngine _bench = null!;

    [GlobalSetup]
    public void Setup() => _bench = new BenchEngine("facets", 50_000);

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark]
    public long BrowseAllByMonth() => _bench.Engine.Search(new SearchRequest(Size: 1, Interval: DateInterval.Month)).Total;

    [Benchmark]
    public long BrowseAllByDay() => _bench.Engine.Search(new SearchRequest(Size: 1, Interval: DateInterval.Day)).Total;

    [Benchmark]
    public long WordQueryWithFacets() => _bench.Engine.Search(new SearchRequest("الاقتصاد", Size: 10)).Total;
}
