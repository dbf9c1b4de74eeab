using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Retrieval;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;

namespace Search.Bench.Micro;

/// <summary>
/// A query's way through, apart from facets and snippets: reading and building it (parsing the query language,
/// analysing its words, the Lucene query with its spellings), and a search of 20,000 documents for the ten best
/// with each story once and with every copy (collapsing's cost), without snippets.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly string[] Queries = ["البنك المركزي القروض", "\"وزارة الاقتصاد\" الإجراءات -النواب", "المشروعات الصغيرة source:\"وكالة الأنباء\""];

    private BenchEngine _bench = null!;
    private Analyzer _analyzer = null!;
    private LuceneQueryBuilder _builder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = ArabicSearchAnalyzer.Create();
        _builder = new LuceneQueryBuilder(_analyzer);
        _bench = new BenchEngine("queries", 20_000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bench.Dispose();
        _analyzer.Dispose();
    }

    [Benchmark]
    public int ParseAndBuildThreeQueries()
    {
        var clauses = 0;
        foreach (var query in Queries)
            clauses += _builder.Build(UserQueryParser.Parse(query)).HighlightTerms.Count;
        return clauses;
    }

    [Benchmark]
    public long TopTenStories() => _bench.Engine.Search(new SearchRequest("الاقتصاد القروض", Size: 10, Snippets: false)).Total;

    [Benchmark]
    public long TopTenEveryCopy() => _bench.Engine.Search(new SearchRequest("الاقتصاد القروض", Size: 10, Snippets: false, Collapse: false)).Total;
}
