using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;

namespace Search.Api.Features.Documents;

/// <summary>
/// Reads the body of <c>POST /api/documents</c>: a JSON array, or JSON Lines (NDJSON) — chosen by
/// the content type, or by the first character when the type is plain JSON or absent.
/// </summary>
public sealed class DocumentRequestReader(JsonDocumentsReader reader)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What came of reading: the documents and errors, or the reason the whole body was unusable.</summary>
    public sealed record Outcome(DocumentBatch? Batch, int Status, string? Problem);

    /// <summary>
    /// The content types the endpoint takes: JSON (an array, or lines) and the names JSON Lines goes by.
    /// Routing answers any other type with 415.
    /// </summary>
    public static readonly string[] MediaTypes =
        ["application/json", "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines", "text/plain"];

    public async Task<Outcome> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxBytes;
        if (request.ContentLength > maxBytes)
            return TooLarge(maxBytes);

        byte[]? body;
        try
        {
            body = await BodyReading.ReadAtMostAsync(request.Body, maxBytes, cancellationToken);
            if (body is null)
                return TooLarge(maxBytes);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            return new Outcome(null, StatusCodes.Status400BadRequest, $"The body is not valid UTF-8 (first bad byte at offset {e.Index}).");
        }
        // Only the byte-order mark goes: leading blank lines still count in the line numbers of errors.
        var content = text.TrimStart('\uFEFF');
        var first = content.AsSpan().TrimStart();
        if (first.IsEmpty)
            return new Outcome(null, StatusCodes.Status400BadRequest, "The body holds no documents.");

        var batch = first[0] == '['
            ? reader.ReadJsonArray(Encoding.UTF8.GetBytes(content))
            : reader.ReadJsonLines(new StringReader(content));
        if (batch.Documents.Count == 0 && batch.Errors.Count == 0)
            return new Outcome(null, StatusCodes.Status400BadRequest, "The body holds no documents.");
        return new Outcome(batch, StatusCodes.Status200OK, null);
    }

    private static Outcome TooLarge(long maxBytes) =>
        new(null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes; send the documents in smaller batches.");
}
