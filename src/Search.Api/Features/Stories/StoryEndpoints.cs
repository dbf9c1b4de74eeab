using Microsoft.AspNetCore.Http.HttpResults;
using Search.Client.Contracts;
using Search.Core;

namespace Search.Api.Features.Stories;

public static class StoryEndpoints
{
    public static RouteGroupBuilder MapStories(this RouteGroupBuilder api)
    {
        api.MapGet("/stories/{id}", Get)
            .WithName("GetStory")
            .WithSummary("A story (one text carried by many outlets): its carriers in order of publication, who carried it first, who followed and how many days later, and the passage each shares.");
        return api;
    }

    private static Results<Ok<StoryResponse>, ProblemHttpResult> Get(string id, SearchEngine engine) =>
        engine.Story(id) is { } story
            ? TypedResults.Ok(ContractMapping.ToContract(story))
            : TypedResults.Problem($"There is no story with id '{id}' (a story's id is the 16 hex digits a search hit gives).",
                statusCode: StatusCodes.Status404NotFound, title: "Story not found");
}
