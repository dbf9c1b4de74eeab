using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Features.Search;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Api.Features.Speakers;

public static class SpeakerEndpoints
{
    /// <summary>Speakers listed when no size is asked for.</summary>
    private const int DefaultSize = 50;

    /// <summary>Enough for any page or export of an archive's speakers; the total says how many there are.</summary>
    private const int MaxSize = 1000;

    public static RouteGroupBuilder MapSpeakers(this RouteGroupBuilder api)
    {
        api.MapGet("/speakers", List)
            .WithName("ListSpeakers")
            .WithSummary("The speakers quoted in the documents matching q between from and to, the most quoted first, each with their quotations and documents.");
        return api;
    }

    private static Results<Ok<SpeakersResponse>, ValidationProblem> List(string? q, string? from, string? to, string? size, SearchEngine engine)
    {
        var errors = new Dictionary<string, string[]>();
        var start = SearchRequestReader.ReadDate(from, "from", errors);
        var end = SearchRequestReader.ReadDate(to, "to", errors);
        if (start is not null && end is not null && start > end)
            errors["from"] = [$"'from' ({from}) is after 'to' ({to})."];
        var count = DefaultSize;
        if (!string.IsNullOrWhiteSpace(size) && (!int.TryParse(size.Trim(), out count) || count is < 1 or > MaxSize))
            errors["size"] = [$"'{size}' is not a whole number from 1 to {MaxSize}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The parameters are not valid.");
        try
        {
            var listing = engine.Speakers(q, start, end, count);
            return TypedResults.Ok(new SpeakersResponse(listing.Total,
                listing.Speakers.Select(s => new SpeakerInfo(s.Name, s.Quotations, s.Documents)).ToList()));
        }
        catch (QuerySyntaxException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] }, title: "The query cannot be read.");
        }
    }
}
