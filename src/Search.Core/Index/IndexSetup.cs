using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Index;

/// <summary>
/// What every generation of one engine is opened with: the analysis and the version its commits record,
/// the similarity its norms are written for, and how its searchers are made (the retrieval side warms
/// each new segment's values there, before a search sees it): a factory for each generation's index, as the
/// retrieval side's remembers the reader it made its last searcher for.
/// </summary>
internal sealed record IndexSetup(Analyzer Analyzer, string AnalyzerVersion, Similarity Similarity, Func<SearcherFactory> Searchers);
