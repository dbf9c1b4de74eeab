using Search.Core.Retrieval;

namespace Search.Core.Following;

/// <summary>
/// What a saved search keeps of a search: its text and filters (order, page and facets play no part in
/// which documents it finds). Stored as JSON, so filters added later are kept by adding a property.
/// </summary>
public sealed record SavedQuery(
    string? Text = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Source = null,
    string? Lang = null,
    string? Speaker = null,
    bool InQuotes = false,
    bool Collapse = true)
{
    public static SavedQuery Of(SearchRequest request) =>
        new(request.Text, request.From, request.To, request.Source, request.Lang, request.Speaker, request.InQuotes, request.Collapse);

    /// <summary>The search it stands for, newest first.</summary>
    public SearchRequest ToRequest() =>
        new(Text, From, To, Source, SortOrder.Newest, Lang: Lang, Collapse: Collapse, Speaker: Speaker, InQuotes: InQuotes);
}
