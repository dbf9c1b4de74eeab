using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Features.Metrics;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval;

namespace Search.Api.Features.Search;

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Full-text search with date, source, language and speaker filters (in=quotes: inside quotations only), date, source, language and speaker facets, and snippets.");
        return api;
    }

    private static Results<Ok<SearchResponse>, ValidationProblem> Search([AsParameters] SearchParameters parameters, SearchEngine engine, ServiceMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        if (!SearchRequestReader.TryRead(parameters, out var request, out var errors))
            return TypedResults.ValidationProblem(errors, title: "The search parameters are not valid.");
        SearchResult result;
        try
        {
            result = engine.Search(request);
        }
        catch (QuerySyntaxException e)
        {
            return QueryProblem.From(e);
        }
        metrics.SearchAnswered();
        return TypedResults.Ok(ToResponse(result, request, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    private static SearchResponse ToResponse(SearchResult result, SearchRequest request, double tookMs) => new(
        result.Total,
        Math.Round(tookMs, 2),
        result.Hits.Select(h => new SearchHit(h.Id, h.Title, h.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.Source, h.Score, h.Snippet,
            h.Lang, ContractMapping.ToContract(h.Versions), h.Story is { } story ? ContractMapping.ToContract(story) : null,
            ContractMapping.ToContract(h.Quotes))).ToList(),
        new SearchFacets(
            ContractMapping.ToContract(result.Facets.Dates),
            ContractMapping.ToContract(result.Facets.Sources),
            result.Facets.Undated,
            ContractMapping.ToContract(result.Facets.Languages),
            ContractMapping.ToContract(result.Facets.Speakers)),
        result.NextCursor?.Encode(),
        result.Stories,
        request.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        request.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
