using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Features.Search;
using Search.Api.Protection;
using Search.Core;
using Search.Core.Export;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Api.Features.Export;

/// <summary>
/// <c>GET /api/search/export</c>: every document a search matches (not a page), streamed as CSV or JSON
/// Lines while the engine walks the matches a page at a time, so memory stays bounded whatever the count.
/// </summary>
public static partial class ExportEndpoints
{
    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        api.MapGet("/search/export", Export)
            .WithName("ExportSearch")
            .WithSummary("Every document the search matches as CSV (RFC 4180, UTF-8 with BOM; a field starting with = + - @ is prefixed with an apostrophe so spreadsheets keep it as text) or JSON Lines (readable by POST /api/documents): format=csv|jsonl, order=relevance|date, body=true|false.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        return api;
    }

    private static IResult Export([AsParameters] SearchParameters parameters, string? format, string? order, string? body,
        HttpContext context, SearchEngine engine, ExportSlots slots, ILoggerFactory loggers)
    {
        var errors = new Dictionary<string, string[]>();
        SearchRequestReader.TryRead(parameters with { Page = null, Size = null, Cursor = null, Sort = null }, out var request, out var read);
        foreach (var (key, value) in read)
            errors[key] = value;

        var exportFormat = ExportFormat.Csv;
        if (!string.IsNullOrWhiteSpace(format) && !Enum.TryParse(format.Trim(), ignoreCase: true, out exportFormat) || !Enum.IsDefined(exportFormat))
            errors["format"] = [$"'{format}' is not an export format; use csv or jsonl."];

        var exportOrder = string.IsNullOrWhiteSpace(request.Text) ? ExportOrder.Date : ExportOrder.Relevance;
        var orderText = !string.IsNullOrWhiteSpace(order) ? order.Trim() : parameters.Sort?.Trim();
        if (!string.IsNullOrWhiteSpace(orderText))
        {
            if (orderText.Equals("relevance", StringComparison.OrdinalIgnoreCase)) exportOrder = ExportOrder.Relevance;
            else if (orderText.Equals("date", StringComparison.OrdinalIgnoreCase) || orderText.Equals("newest", StringComparison.OrdinalIgnoreCase)) exportOrder = ExportOrder.Date;
            else errors[string.IsNullOrWhiteSpace(order) ? "sort" : "order"] = [$"'{orderText}' is not an export order; use relevance or date (newest first)."];
        }

        // JSON Lines is for sending back, which needs the body; a spreadsheet is easier without it.
        var withBody = exportFormat == ExportFormat.Jsonl;
        if (!string.IsNullOrWhiteSpace(body) && !bool.TryParse(body.Trim(), out withBody))
            errors["body"] = [$"'{body}' is not true or false."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The export's parameters are not valid.");

        IEnumerable<ExportRow> rows;
        try
        {
            rows = engine.Export(request, exportOrder, context.RequestAborted);
        }
        catch (QuerySyntaxException e)
        {
            return QueryProblem.From(e);
        }

        var client = ClientKeys.Of(context);
        var slot = slots.TryTake(client);
        if (slot is null)
            return TooManyRequests.Answer(context, TimeSpan.FromSeconds(5));

        var logger = loggers.CreateLogger(typeof(ExportEndpoints));
        var name = $"search-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{ExportFormats.Extension(exportFormat)}";
        return TypedResults.Stream(async output =>
        {
            using (slot)
            {
                var written = 0L;
                try
                {
                    await output.WriteAsync(ExportFormats.Preamble(exportFormat, withBody), context.RequestAborted);
                    using var buffer = new MemoryStream();
                    // The walk searches synchronously a page at a time; each row is written to a small buffer
                    // sent whenever it fills, so the response streams and memory holds one page.
                    foreach (var row in rows)
                    {
                        ExportFormats.Write(exportFormat, row, withBody, buffer);
                        written++;
                        if (buffer.Length >= 64 * 1024)
                            await Flush(buffer, output, context.RequestAborted);
                    }
                    await Flush(buffer, output, context.RequestAborted);
                    LogExported(logger, written, client);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    LogAbandoned(logger, written, client);
                }
            }
        }, ExportFormats.MediaType(exportFormat), name);
    }

    private static async Task Flush(MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
            return;
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        buffer.SetLength(0);
    }

    [LoggerMessage(LogLevel.Information, "Exported {Rows} documents to {Client}")]
    private static partial void LogExported(ILogger logger, long rows, string client);

    [LoggerMessage(LogLevel.Information, "Export to {Client} abandoned by the client after {Rows} documents")]
    private static partial void LogAbandoned(ILogger logger, long rows, string client);
}
