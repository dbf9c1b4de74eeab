using Refit;

namespace Search.Client.Contracts;

/// <summary>The query-string parameters of <c>GET /api/search</c>: the search's own, and how to show a page of it; every one is optional.</summary>
public sealed class SearchQuery : SearchFilterQuery
{
    /// <summary><c>story</c> (default): each story once, as its best matching copy; <c>none</c>: every document.</summary>
    [AliasAs("collapse")] public string? Collapse { get; set; }

    /// <summary><c>relevance</c> (default), <c>newest</c> or <c>oldest</c>.</summary>
    [AliasAs("sort")] public string? Sort { get; set; }

    /// <summary>Page number from 1.</summary>
    [AliasAs("page")] public int? Page { get; set; }

    /// <summary>Hits per page, default 10, at most 100.</summary>
    [AliasAs("size")] public int? Size { get; set; }

    /// <summary>The <c>nextCursor</c> of a previous answer: continue after it (instead of <c>page</c>).</summary>
    [AliasAs("cursor")] public string? Cursor { get; set; }

    /// <summary>False leaves snippets out (empty), for callers that only need the ranking.</summary>
    [AliasAs("snippets")] public bool? Snippets { get; set; }

    /// <summary>Date facet interval: <c>year</c>, <c>month</c> (default) or <c>day</c>.</summary>
    [AliasAs("interval")] public string? Interval { get; set; }
}
