using Search.Api.Engine;
using Search.Client.Contracts;
using Search.Core;

namespace Search.Api.Features.Status;

public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/status", (SearchEngine engine, EngineStartup startup) =>
            {
                var stats = engine.Stats();
                return TypedResults.Ok(new StatusResponse(startup.Ready, stats.IndexDocuments, stats.Pending,
                    stats.AnalyzerVersion, stats.IndexAnalyzerVersion, stats.Generation, stats.LastCommit));
            })
            .WithName("Status")
            .WithSummary("Documents searchable and pending, analyzer versions, index generation.");
        return api;
    }
}
