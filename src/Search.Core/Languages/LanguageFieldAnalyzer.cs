using Lucene.Net.Analysis;

namespace Search.Core.Languages;

/// <summary>
/// The analyzer of an index holding several languages: each field with its language's analyzer
/// (<see cref="LanguageAnalyses.CreateFieldAnalyzer"/>), any other with the default one. Unlike
/// Lucene's <c>PerFieldAnalyzerWrapper</c> it owns the analyzers it routes to, and disposes them.
/// </summary>
internal sealed class LanguageFieldAnalyzer(Analyzer defaultAnalyzer, IReadOnlyDictionary<string, Analyzer> fieldAnalyzers)
    : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    protected override Analyzer GetWrappedAnalyzer(string fieldName) => fieldAnalyzers.GetValueOrDefault(fieldName, defaultAnalyzer);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var analyzer in fieldAnalyzers.Values.Append(defaultAnalyzer).Distinct())
                analyzer.Dispose();
        base.Dispose(disposing);
    }
}
