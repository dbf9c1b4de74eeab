using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Search.Client.Contracts;

namespace Search.Bench.Micro;

/// <summary>Writing a search answer as the service does (web JSON defaults): 10 hits with snippets, 120 month buckets, 20 sources.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private SearchResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snippet = "…وقال <mark>الوزير</mark> في مؤتمر صحفي إن الحكومة ستخصص ٢٥٠ مليون دينار لتمويل القروض الميسرة…";
        var hits = Enumerable.Range(0, 10).Select(i => new SearchHit($"id-{i}", "بيان وزارة الاقتصاد", "2021-07-27", "وكالة الأنباء", 7.5f - i, snippet)).ToList();
        var months = Enumerable.Range(0, 120).Select(i => new FacetBucket($"{2010 + i / 12}-{i % 12 + 1:D2}", 1000 - i)).ToList();
        var sources = Enumerable.Range(0, 20).Select(i => new FacetBucket($"مصدر {i}", 500 - i)).ToList();
        _response = new SearchResponse(12345, 3.2, hits, new SearchFacets(months, sources, 0, []), "cursor");
    }

    [Benchmark]
    public byte[] SearchResponseToJson() => JsonSerializer.SerializeToUtf8Bytes(_response, Web);
}
