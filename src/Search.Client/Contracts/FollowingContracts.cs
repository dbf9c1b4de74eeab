using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>
/// The search parameters a saved search keeps, named as in <c>/api/search</c>'s query string
/// (order, page and facets play no part in which documents it finds).
/// </summary>
public sealed record SavedSearchParameters(
    [property: JsonPropertyName("q"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Q = null,
    [property: JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? From = null,
    [property: JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? To = null,
    [property: JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null,
    [property: JsonPropertyName("lang"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Lang = null,
    [property: JsonPropertyName("speaker"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Speaker = null,
    [property: JsonPropertyName("in"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? In = null,
    [property: JsonPropertyName("collapse"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Collapse = null);

/// <summary>What <c>POST /api/saved-searches</c> takes: a name, the search, and optionally where alerts go.</summary>
public sealed record SavedSearchCreate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("search")] SavedSearchParameters Search,
    [property: JsonPropertyName("webhook"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Webhook = null);

/// <summary>A saved search as the service keeps it, with the state of its alerts.</summary>
/// <param name="Feed">Its Atom feed (no key needed; the id is the secret).</param>
/// <param name="MatchedThrough">The archive sequence up to which new documents have been matched against it.</param>
public sealed record SavedSearchInfo(
    string Id,
    string Name,
    SavedSearchParameters Search,
    string? Webhook,
    DateTimeOffset Created,
    string Feed,
    long MatchedThrough,
    AlertDeliveryState Delivery);

/// <summary>How a saved search's alerts stand: pending ones are retried (with a growing delay) until delivered.</summary>
public sealed record AlertDeliveryState(long Pending, long Delivered, DateTimeOffset? LastDelivered, string? LastError, DateTimeOffset? NextAttempt);

/// <summary>The JSON a webhook receives: the saved search, the new documents it matches, and the key that is the same on every retry.</summary>
public sealed record AlertPayload(string IdempotencyKey, AlertSearch SavedSearch, IReadOnlyList<AlertDocumentInfo> Documents);

public sealed record AlertSearch(string Id, string Name);

/// <param name="Snippet">Plain text: the best passage of the body for the saved search's words.</param>
public sealed record AlertDocumentInfo(string Id, string Title, string? Date, string Source, string? Url, string Snippet);
