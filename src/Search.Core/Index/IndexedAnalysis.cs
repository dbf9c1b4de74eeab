using Search.Core.Languages;
using Search.Core.Quotes;

namespace Search.Core.Index;

/// <summary>
/// Everything an index derives from a document's text, under one version stored in each commit: the
/// languages' analyses and the quotations found in the body. When either moves, the index was built by
/// other code, and a reindex derives it all again.
/// </summary>
internal static class IndexedAnalysis
{
    public static string Version { get; } = $"{LanguageAnalyses.Version}+{QuoteExtractor.Version}";
}
