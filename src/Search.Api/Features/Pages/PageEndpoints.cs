using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Engine;
using Search.Api.Protection;
using Search.Client.Contracts;
using Search.Core;

namespace Search.Api.Features.Pages;

public static class PageEndpoints
{
    public static RouteGroupBuilder MapPages(this RouteGroupBuilder api)
    {
        api.MapPost("/pages", Post)
            .RequireAdminKey()
            .RequireRateLimiting(RateLimiting.Writes)
            .WithName("PostPages")
            .WithSummary("Stores statement pages (text or HTML, in UTF-8, UTF-16 or Windows-1256) sent as multipart files or as the raw body, and reports each page: added, replaced or refused, and undated.")
            .Accepts<IFormFileCollection>(PageRequestReader.MediaTypes[0], PageRequestReader.MediaTypes[1..]);
        return api;
    }

    /// <summary>
    /// Each page stands alone: a page that cannot be read is refused with its reason and the others
    /// are stored. The answer is 200 with the report once every page is stored or refused.
    /// </summary>
    private static async Task<Results<Ok<IngestReport>, ProblemHttpResult>> Post(
        HttpRequest request,
        SearchEngine engine,
        IOptions<SearchOptions> options,
        string? name,
        string? url,
        string? id,
        string? wait,
        CancellationToken cancellationToken)
    {
        if (!Visibility.TryReadWait(wait, out var waitForIt, out var waitProblem))
            return waitProblem;
        var (pages, problem) = await PageRequestReader.ReadAsync(request, name, url, id, options.Value.MaxRequestBytes, cancellationToken);
        if (pages is null)
            return problem!;

        var report = engine.IngestPages(pages, cancellationToken);
        if (waitForIt)
            await engine.WaitUntilSearchableAsync(report.Sequence, Visibility.MaxWait, cancellationToken);
        return TypedResults.Ok(ContractMapping.ToContract(report));
    }
}
