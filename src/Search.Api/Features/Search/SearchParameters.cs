namespace Search.Api.Features.Search;

/// <summary>
/// The query string of <c>GET /api/search</c>, taken as text so that a bad value is answered with
/// a problem naming the parameter rather than a binding failure. Properties, not a positional record: the request
/// delegate generator writes <c>typeof(string?)</c> for a constructor's nullable parameters, which does not compile
/// (dotnet/aspnetcore#58953).
/// </summary>
public sealed record SearchParameters
{
    public string? Q { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Source { get; init; }
    public string? Lang { get; init; }
    public string? Collapse { get; init; }
    public string? Sort { get; init; }
    public string? Page { get; init; }
    public string? Size { get; init; }
    public string? Interval { get; init; }
    public string? Cursor { get; init; }
    public string? Snippets { get; init; }
    public string? Speaker { get; init; }
    public string? In { get; init; }
}
