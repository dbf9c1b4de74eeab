using BenchmarkDotNet.Attributes;
using Search.Core;
using Search.Core.Retrieval;

namespace Search.Bench.Micro;

/// <summary>Facet counting over 50,000 documents: browsing everything (every document counted per day and source) and a word query.</summary>
[MemoryDiagnoser]
public class FacetBenchmarks
{
    private string _folder = "";
    private SearchEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "search-bench-facets-" + Guid.NewGuid().ToString("N"));
        _engine = SearchEngine.Open(_folder);
        foreach (var batch in BenchText.Documents(50_000).Chunk(5_000))
            _engine.IngestDocuments(BenchText.AsJsonLines(batch));
        _engine.CatchUp();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public long BrowseAllByMonth() => _engine.Search(new SearchRequest(Size: 1, Interval: DateInterval.Month)).Total;

    [Benchmark]
    public long BrowseAllByDay() => _engine.Search(new SearchRequest(Size: 1, Interval: DateInterval.Day)).Total;

    [Benchmark]
    public long WordQueryWithFacets() => _engine.Search(new SearchRequest("الاقتصاد", Size: 10)).Total;
}
