namespace Search.Core.Retrieval;

public enum SortOrder { Relevance, Newest, Oldest }

public enum DateInterval { Year, Month, Day }

/// <summary>A validated search: the user's text, filters, order, page and facet interval.</summary>
/// <param name="Text">What the user typed; empty lists the filtered documents.</param>
/// <param name="Sort">Null means relevance for a text query and newest first without one.</param>
/// <param name="Snippets">Build a snippet for each hit; off for callers that only rank (an evaluation, a top-100 export).</param>
/// <param name="After">Continue after this cursor (from a previous result) instead of at <paramref name="Page"/>.</param>
/// <param name="Lang">Only documents in this language (a code: <c>ar</c>, <c>en</c>…), the query analysed for it alone.</param>
/// <param name="Collapse">Each story once, as its best matching copy (the default); false lists every document.</param>
/// <param name="Speaker">Only documents quoting this speaker, by any name the archive writes for them (<c>بيسكوف</c>, <c>دميتري بيسكوف</c>).</param>
/// <param name="InQuotes">The text matched inside quotations only.</param>
public sealed record SearchRequest(
    string? Text = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Source = null,
    SortOrder? Sort = null,
    int Page = 1,
    int Size = 10,
    DateInterval Interval = DateInterval.Month,
    SearchCursor? After = null,
    bool Snippets = true,
    string? Lang = null,
    bool Collapse = true,
    string? Speaker = null,
    bool InQuotes = false)
{
    public const int MaxSize = 100;

    /// <summary>How deep paging may go (page × size), so no request collects an unbounded top list.</summary>
    public const int MaxWindow = 10_000;
}
