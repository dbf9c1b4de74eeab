using Search.Api.FirstRun;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Analysis;

namespace Search.Api.Features.Status;

public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/status", (SearchEngine engine, EngineStartup startup) => TypedResults.Ok(new StatusResponse(
                startup.Ready,
                engine.Index.DocumentCount(),
                engine.Feeder.Pending,
                ArabicSearchAnalyzer.Version,
                engine.Index.BuiltWithAnalyzer,
                engine.Generation,
                engine.Index.LastCommit)))
            .WithName("Status")
            .WithSummary("Documents searchable and pending, analyzer versions, index generation.");
        return api;
    }
}
