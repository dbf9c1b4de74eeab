using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Protection;
using Search.Client.Contracts;
using Search.Core;

namespace Search.Api.Features.Admin;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAdminKey().RequireRateLimiting(RateLimiting.Writes);
        admin.MapPost("/reindex", StartReindex)
            .WithName("StartReindex")
            .WithSummary("Rebuilds the index from the archive into a new generation while the current one keeps serving.");
        admin.MapGet("/reindex/{jobId}", GetReindex).WithName("GetReindex");
        admin.MapDelete("/reindex/{jobId}", CancelReindex)
            .WithName("CancelReindex")
            .WithSummary("Cancels a rebuild; the current generation keeps serving.");
        admin.MapGet("/stats", GetStats).WithName("GetStats");
        return api;
    }

    private static Results<Accepted<ReindexStarted>, ProblemHttpResult> StartReindex(SearchEngine engine)
    {
        var (started, job) = engine.StartReindex("requested by an administrator");
        if (!started)
            return TypedResults.Problem($"Reindex {job.Id} is running ({job.Processed} of {job.Total}); wait for it or cancel it.",
                statusCode: StatusCodes.Status409Conflict, title: "A reindex is already running",
                extensions: new Dictionary<string, object?> { ["jobId"] = job.Id });
        return TypedResults.Accepted($"/api/admin/reindex/{job.Id}", new ReindexStarted(job.Id));
    }

    private static Results<Ok<ReindexStatus>, ProblemHttpResult> GetReindex(string jobId, SearchEngine engine) =>
        engine.FindReindex(jobId) is { } job ? TypedResults.Ok(ContractMapping.ToContract(job)) : UnknownJob(jobId);

    private static Results<Ok<ReindexStatus>, ProblemHttpResult> CancelReindex(string jobId, SearchEngine engine) =>
        engine.CancelReindex(jobId) is { } job ? TypedResults.Ok(ContractMapping.ToContract(job)) : UnknownJob(jobId);

    private static Ok<AdminStats> GetStats(SearchEngine engine)
    {
        var stats = engine.Stats();
        return TypedResults.Ok(new AdminStats(stats.ArchiveDocuments, stats.IndexDocuments, stats.Generation,
            stats.AnalyzerVersion, stats.IndexAnalyzerVersion, stats.IndexSizeBytes, stats.LastCommit, stats.Pending,
            engine.RunningReindex is { } running ? ContractMapping.ToContract(running) : null));
    }

    private static ProblemHttpResult UnknownJob(string jobId) =>
        TypedResults.Problem($"There is no reindex job '{jobId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
}
