namespace Search.Client.Contracts;

/// <summary>One page of search results with the facets of every match (not just the page).</summary>
/// <param name="Total">Matching documents.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the page after this one, however deep; null on the last page.</param>
/// <param name="Stories">Matching stories, when stories are collapsed (the default): each is shown once.</param>
/// <param name="From">The first day searched, <c>yyyy-MM-dd</c>, as read from <c>from</c> (given in any form of Arabic date); null without one.</param>
/// <param name="To">The last day searched, as read from <c>to</c>.</param>
public sealed record SearchResponse(
    long Total,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    string? NextCursor = null,
    long? Stories = null,
    string? From = null,
    string? To = null);

/// <summary>A matching document as listed on a results page.</summary>
/// <param name="Date">Publication date as <c>yyyy-MM-dd</c>; null when the document is undated.</param>
/// <param name="Snippet">HTML-escaped part of the body with the matches wrapped in <c>&lt;mark&gt;</c>.</param>
/// <param name="Lang">The document's language code.</param>
/// <param name="Versions">The document's versions in other languages (empty when it has none).</param>
/// <param name="Story">Its story, when stories are collapsed: the hit stands for every copy.</param>
/// <param name="Quotes">Its quotations with their speakers, in the order of the body (empty without snippets).</param>
public sealed record SearchHit(
    string Id,
    string Title,
    string? Date,
    string Source,
    float Score,
    string Snippet,
    string? Lang = null,
    IReadOnlyList<DocumentVersion>? Versions = null,
    StoryInfo? Story = null,
    IReadOnlyList<QuoteInfo>? Quotes = null);

/// <summary>A story as a hit shows it.</summary>
/// <param name="Id">Stable: the same documents give the same id, after a reindex or on another node.</param>
/// <param name="Copies">Documents carrying it, the hit included.</param>
/// <param name="Sources">The outlets that carried it, the first carrier first.</param>
/// <param name="First">The earliest date it was carried, <c>yyyy-MM-dd</c>.</param>
public sealed record StoryInfo(string Id, int Copies, IReadOnlyList<string> Sources, string? First);

/// <param name="Date">Buckets keyed <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>, in date order.</param>
/// <param name="Source">Buckets keyed by source name, largest first.</param>
/// <param name="Undated">Matches without a publication date (they fall in no date bucket).</param>
/// <param name="Lang">Buckets keyed by language code, largest first.</param>
/// <param name="Speakers">Buckets keyed by speaker name, the most documents first; the 50 most quoted (all of them: <c>GET /api/speakers</c>).</param>
public sealed record SearchFacets(
    IReadOnlyList<FacetBucket> Date,
    IReadOnlyList<FacetBucket> Source,
    long Undated,
    IReadOnlyList<FacetBucket>? Lang = null,
    IReadOnlyList<FacetBucket>? Speakers = null);

public sealed record FacetBucket(string Key, long Count);
