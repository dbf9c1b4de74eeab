namespace Search.Api.Features.Search;

/// <summary>
/// The query string of <c>GET /api/search</c>, taken as text so that a bad value is answered with
/// a problem naming the parameter rather than a binding failure.
/// </summary>
public sealed record SearchParameters(
    string? Q,
    string? From,
    string? To,
    string? Source,
    string? Lang,
    string? Collapse,
    string? Sort,
    string? Page,
    string? Size,
    string? Interval,
    string? Cursor,
    string? Snippets,
    string? Speaker,
    string? In);
