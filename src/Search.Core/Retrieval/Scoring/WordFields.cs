using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>A matcher's scorers in one segment: the fields holding its word there (one or two), and their tie (<see cref="MatchedWord"/>).</summary>
internal readonly record struct WordFields(Scorer[] Fields, float Tie);
