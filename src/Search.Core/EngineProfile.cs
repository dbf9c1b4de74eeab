using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Retrieval.Scoring;

namespace Search.Core;

/// <summary>
/// What an engine analyses and ranks with. The product opens every engine with <see cref="Product"/>; the
/// relevance harness (<c>tools/Search.Eval</c>) opens one with a variant of it, so that what it measures is
/// the engine that is served (its archive, its rebuild, its query path) with only the analysis or the
/// ranking changed.
/// </summary>
/// <param name="CreateAnalyzer">A new analyzer of every language's fields, for writing and for queries (the engine owns and disposes it).</param>
/// <param name="AnalysisVersion">What the index's commits record as the analysis they were built with.</param>
/// <param name="ArabicTermsPerWord">Terms the Arabic analysis writes per word: BM25 counts a field's length in words (<see cref="SearchSimilarity"/>).</param>
/// <param name="Ranking">How queries are scored.</param>
internal sealed record EngineProfile(Func<Analyzer> CreateAnalyzer, string AnalysisVersion, double ArabicTermsPerWord, RankingOptions Ranking)
{
    public static EngineProfile Product { get; } = new(
        LanguageAnalyses.CreateFieldAnalyzer, IndexedAnalysis.Version, ArabicSearchAnalyzer.TermsPerWord, RankingOptions.Default);
}
