using Lucene.Net.Analysis;
using Search.Core.Index;
using Search.Core.Index.Storage;

namespace Search.Core.Languages;

/// <summary>
/// One language's analysis as the index and the query builder use it: the fields its documents'
/// title and body are indexed in, the analyzer of those fields, the version that names its terms,
/// and what it writes per word (BM25's average length is counted in words; see <c>SearchSimilarity</c>).
/// </summary>
/// <param name="Name">What the analysis is called in reports.</param>
/// <param name="FieldSuffix">Appended to <see cref="IndexFields.Title"/> and <see cref="IndexFields.Body"/>; empty for Arabic, whose fields stay as they are.</param>
/// <param name="Version">Changes whenever the terms the analyzer writes change.</param>
/// <param name="TermsPerWord">
/// Terms the analysis writes per word, on average: Arabic's measured on the news corpus, the others'
/// on the samples of docs/languages.md (where Arabic gives 1.67, so they may be 0.1 high).
/// </param>
/// <param name="Create">A new analyzer (analyzers hold per-thread state and are disposed with their owner).</param>
internal sealed record LanguageAnalysis(string Name, string FieldSuffix, string Version, double TermsPerWord, Func<Analyzer> Create)
{
    public string TitleField => IndexFields.Title + FieldSuffix;

    public string BodyField => IndexFields.Body + FieldSuffix;
}
