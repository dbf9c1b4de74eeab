using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Engine;
using Search.Api.Features.Search;
using Search.Api.Protection;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Api.Features.Documents;

public static class DocumentEndpoints
{
    /// <summary>
    /// The content types <c>POST /api/documents</c> takes: JSON (an array, or lines) and the names JSON
    /// Lines goes by. Routing answers any other type with 415.
    /// </summary>
    public static readonly string[] MediaTypes =
        ["application/json", "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines", "text/plain"];

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents");
        documents.MapGet("/{id}", Get)
            .WithName("GetDocument")
            .WithSummary("The whole stored document.");
        documents.MapGet("/{id}/highlighted", GetHighlighted)
            .WithName("GetHighlightedDocument")
            .WithSummary("The document with the matches of the query q marked in its HTML-escaped title and body, as in snippets.");
        documents.MapGet("/{id}/related", GetRelated)
            .WithName("GetRelatedDocuments")
            .WithSummary("The other copies of the document's story first (sameStory), then documents on the same subject, each with a score; never the document itself.");
        documents.MapDelete("/{id}", Delete)
            .RequireAdminKey()
            .RequireWriteLimits()
            .WithName("DeleteDocument")
            .WithSummary("Removes a document from the archive and the index.");
        documents.MapPost("/", Post)
            .RequireAdminKey()
            .RequireWriteLimits()
            .WithName("PostDocuments")
            .WithSummary("Stores documents sent as a JSON array or as NDJSON (application/x-ndjson). A request with any invalid document is refused whole.")
            .Accepts<ArchiveDocument[]>(MediaTypes[0], MediaTypes[1..]);
        return api;
    }

    private static Results<Ok<ArchiveDocument>, ProblemHttpResult> Get(string id, SearchEngine engine) =>
        engine.Get(id) is { } document ? TypedResults.Ok(ContractMapping.ToContract(document, engine.VersionsOf(id), engine.QuotesOf(id))) : NotFound(id);

    private static Results<Ok<HighlightedDocument>, ValidationProblem, ProblemHttpResult> GetHighlighted(string id, string? q, SearchEngine engine)
    {
        try
        {
            return engine.Highlight(id, q) is { } marked
                ? TypedResults.Ok(new HighlightedDocument(ContractMapping.ToContract(marked.Document, engine.VersionsOf(id), engine.QuotesOf(id)), marked.TitleHtml, marked.BodyHtml))
                : NotFound(id);
        }
        catch (QuerySyntaxException e)
        {
            return QueryProblem.From(e);
        }
    }

    private static Results<Ok<RelatedResponse>, ValidationProblem, ProblemHttpResult> GetRelated(string id, string? size, SearchEngine engine)
    {
        var count = 10;
        if (!string.IsNullOrWhiteSpace(size) && (!int.TryParse(size.Trim(), out count) || count is < 1 or > 100))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["size"] = [$"'{size}' is not a whole number from 1 to 100."] },
                title: "The parameters are not valid.");
        return engine.Related(id, count) is { } related
            ? TypedResults.Ok(new RelatedResponse(id, related.Select(ContractMapping.ToContract).ToList()))
            : NotFound(id);
    }

    private static Results<NoContent, ProblemHttpResult> Delete(string id, SearchEngine engine) =>
        engine.Delete(id) ? TypedResults.NoContent() : NotFound(id);

    /// <summary>
    /// All or nothing: a request with any invalid document stores none of its documents and lists
    /// every problem by line, so a client can fix the batch and send it again as a whole.
    /// </summary>
    private static async Task<Results<Accepted<IngestResponse>, WhenSearchable, ProblemHttpResult>> Post(
        HttpRequest request,
        SearchEngine engine,
        IOptions<SearchOptions> options,
        string? wait,
        CancellationToken cancellationToken)
    {
        if (!Visibility.TryReadWait(wait, out var waitForIt, out var waitProblem))
            return waitProblem;
        var (body, tooLarge) = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, cancellationToken);
        if (body is null)
            return tooLarge!;

        var report = engine.IngestDocuments(body);
        if (report.Problem is { } problem)
            return RequestBody.Unreadable(problem);
        if (report.Errors.Count > 0)
            return TypedResults.Problem(
                $"{report.Errors.Count} of {report.Read} documents are invalid; nothing was stored.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Some documents are invalid.",
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors });
        Accepted<IngestResponse> Accepted(bool? searchable) =>
            TypedResults.Accepted((string?)null, new IngestResponse(report.Accepted, report.Sequence, report.Replaced, report.Undated, searchable));
        return waitForIt ? new WhenSearchable(engine, report.Sequence, options.Value.MaxWait, searchable => Accepted(searchable)) : Accepted(null);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no document with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
}
