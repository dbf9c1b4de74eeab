using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>A user query turned into Lucene terms.</summary>
/// <param name="Query">What to match; null when nothing searchable is left (only stop words).</param>
/// <param name="HighlightTerms">The analysed terms a snippet should mark.</param>
internal sealed record CompiledQuery(Query? Query, IReadOnlySet<string> HighlightTerms);
