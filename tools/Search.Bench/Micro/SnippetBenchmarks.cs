using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval.Snippets;

namespace Search.Bench.Micro;

/// <summary>Snippet building for one hit: a 1,500-character body (the corpus median is about 1,230) and a long one of 30,000.</summary>
[MemoryDiagnoser]
public class SnippetBenchmarks
{
    private readonly string _typical = BenchText.OfLength(1_500);
    private readonly string _long = BenchText.OfLength(30_000);
    private Analyzer _analyzer = null!;
    private SnippetBuilder _builder = null!;
    private IReadOnlySet<string> _terms = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = ArabicSearchAnalyzer.Create();
        _builder = new SnippetBuilder(_analyzer);
        _terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse("البنك المركزي القروض")).HighlightTerms;
    }

    [GlobalCleanup]
    public void Cleanup() => _analyzer.Dispose();

    [Benchmark]
    public string TypicalBody() => _builder.Build(_typical, _terms);

    [Benchmark]
    public string LongBody() => _builder.Build(_long, _terms);
}
