using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>A matcher's scorers in one segment: the fields holding its word there (one or two), and the tie that combines them (<see cref="MatcherWeight"/>).</summary>
internal readonly record struct MatcherScorers(Scorer[] Fields, float Tie);
