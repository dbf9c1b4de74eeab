using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Configuration;
using Search.Api.Features.Search;
using Search.Api.Protection;
using Search.Api.Security;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Api.Features.Documents;

public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents");
        documents.MapGet("/{id}", Get)
            .WithName("GetDocument")
            .WithSummary("The whole stored document.");
        documents.MapGet("/{id}/highlighted", GetHighlighted)
            .WithName("GetHighlightedDocument")
            .WithSummary("The document with the matches of the query q marked in its HTML-escaped title and body, as in snippets.");
        documents.MapDelete("/{id}", Delete)
            .RequireAdminKey()
            .RequireRateLimiting(RateLimiting.Writes)
            .WithName("DeleteDocument")
            .WithSummary("Removes a document from the archive and the index.");
        documents.MapPost("/", Post)
            .RequireAdminKey()
            .RequireRateLimiting(RateLimiting.Writes)
            .WithName("PostDocuments")
            .WithSummary("Stores documents sent as a JSON array or as NDJSON (application/x-ndjson). A request with any invalid document is refused whole.")
            .Accepts<ArchiveDocument[]>(DocumentRequestReader.MediaTypes[0], DocumentRequestReader.MediaTypes[1..]);
        return api;
    }

    private static Results<Ok<ArchiveDocument>, ProblemHttpResult> Get(string id, SearchEngine engine)
    {
        var document = engine.Archive.Get(id);
        return document is null
            ? TypedResults.Problem($"There is no document with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found")
            : TypedResults.Ok(ToContract(document));
    }

    private static Results<Ok<HighlightedDocument>, ValidationProblem, ProblemHttpResult> GetHighlighted(string id, string? q, SearchEngine engine)
    {
        var document = engine.Archive.Get(id);
        if (document is null)
            return TypedResults.Problem($"There is no document with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
        IReadOnlyList<string> marked;
        try
        {
            marked = engine.MarkAll(q, [document.Title, document.Body]);
        }
        catch (QuerySyntaxException e)
        {
            return QueryProblem.From(e);
        }
        return TypedResults.Ok(new HighlightedDocument(ToContract(document), marked[0], marked[1]));
    }

    private static Results<NoContent, ProblemHttpResult> Delete(string id, SearchEngine engine) =>
        engine.Delete(id)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"There is no document with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");

    /// <summary>
    /// All or nothing: a request with any invalid document stores none of its documents and lists
    /// every problem by line, so a client can fix the batch and send it again as a whole.
    /// </summary>
    private static async Task<Results<Accepted<IngestResponse>, ProblemHttpResult>> Post(
        HttpRequest request,
        SearchEngine engine,
        DocumentRequestReader reader,
        IOptions<SearchOptions> options,
        string? wait,
        CancellationToken cancellationToken)
    {
        if (!Visibility.TryReadWait(wait, out var waitForIt, out var waitProblem))
            return waitProblem;
        var outcome = await reader.ReadAsync(request, options.Value.MaxRequestBytes, cancellationToken);
        if (outcome.Batch is null)
            return TypedResults.Problem(outcome.Problem, statusCode: outcome.Status, title: "The request cannot be read.");
        var batch = outcome.Batch;
        if (!batch.IsValid)
            return TypedResults.Problem(
                $"{batch.Errors.Count} of {batch.Errors.Count + batch.Documents.Count} documents are invalid; nothing was stored.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Some documents are invalid.",
                extensions: new Dictionary<string, object?> { ["errors"] = batch.Errors });

        var write = engine.Write(batch.Documents);
        if (waitForIt)
            await engine.WaitUntilSearchableAsync(write.LastSequence, cancellationToken);
        return TypedResults.Accepted((string?)null, new IngestResponse(
            batch.Documents.Count, write.LastSequence, write.Replaced.Count, batch.Documents.Count(d => d.Date is null)));
    }

    private static ArchiveDocument ToContract(DocumentRecord d) =>
        new(d.Id, d.Title, d.IsoDate, d.Body, d.Source, d.Lang, d.Category, d.Url);
}
