namespace Search.Core.Retrieval.Snippets;

/// <summary>Where a query term matched in a text: offsets of the text as written, and the index term that matched.</summary>
internal readonly record struct SnippetMatch(int Start, int End, string Term);
