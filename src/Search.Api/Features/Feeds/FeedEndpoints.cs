using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Features.Search;
using Search.Core;
using Search.Core.Following;
using Search.Core.Retrieval;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Api.Features.Feeds;

/// <summary>
/// Every search is a feed: <c>GET /api/search.atom</c> takes the parameters of <c>/api/search</c>, read
/// by the same reader, and answers its newest documents as Atom, for a feed reader to follow.
/// </summary>
public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeeds(this RouteGroupBuilder api)
    {
        api.MapGet("/search.atom", SearchFeed)
            .WithName("SearchFeed")
            .WithSummary("The search as an Atom 1.0 feed: its newest documents (50, size up to 200), with ETag and Last-Modified for conditional polling.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .Produces(StatusCodes.Status304NotModified);
        return api;
    }

    private static IResult SearchFeed([AsParameters] SearchParameters parameters, HttpContext context, SearchEngine engine)
    {
        if (!TryReadFeed(parameters, out var request, out var errors))
            return TypedResults.ValidationProblem(errors, title: "The feed's search parameters are not valid.");
        IReadOnlyList<FeedEntry> entries;
        try
        {
            entries = engine.Feed(request);
        }
        catch (QuerySyntaxException e)
        {
            return QueryProblem.From(e);
        }
        var query = context.Request.QueryString.Value ?? "";
        var title = string.IsNullOrWhiteSpace(request.Text) ? "أحدث البيانات" : $"بحث: {request.Text.Trim()}";
        return FeedResponse.Answer(context, title, "/api/search.atom" + query, query, entries);
    }

    /// <summary>
    /// The search parameters as <c>/api/search</c> reads them, with a feed's size (50, at most 200);
    /// a feed is newest first, so it takes no other order, page or cursor.
    /// </summary>
    public static bool TryReadFeed(SearchParameters parameters, out SearchRequest request, out Dictionary<string, string[]> errors)
    {
        SearchRequestReader.TryRead(parameters with { Size = null, Page = null, Cursor = null, Sort = null }, out request, out errors);
        if (!string.IsNullOrWhiteSpace(parameters.Sort) && !parameters.Sort.Trim().Equals("newest", StringComparison.OrdinalIgnoreCase))
            errors["sort"] = [$"A feed is newest first; leave sort out (or give newest), not '{parameters.Sort}'."];
        if (!string.IsNullOrWhiteSpace(parameters.Page) || !string.IsNullOrWhiteSpace(parameters.Cursor))
            errors["page"] = ["A feed is its newest entries; it takes no page or cursor (size sets how many)."];
        if (FeedResponse.ReadSize(parameters.Size, errors) is { } size)
            request = request with { Size = size };
        return errors.Count == 0;
    }
}
