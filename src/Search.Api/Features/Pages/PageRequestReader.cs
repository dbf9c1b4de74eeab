using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Search.Core.Ingest.Pages;

namespace Search.Api.Features.Pages;

/// <summary>
/// Reads the body of <c>POST /api/pages</c>: files of a <c>multipart/form-data</c> form (as the CLI
/// sends them), or one page as the raw body, named by <c>?name=</c>, with <c>?url=</c> and
/// <c>?id=</c> when the sender knows them. Bytes are kept as sent: the page reader finds their encoding.
/// </summary>
public sealed class PageRequestReader
{
    /// <summary>The content types the endpoint takes; routing answers any other with 415.</summary>
    public static readonly string[] MediaTypes =
        ["multipart/form-data", "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream"];

    public sealed record Outcome(IReadOnlyList<PageFile>? Pages, int Status, string? Problem);

    public async Task<Outcome> ReadAsync(HttpRequest request, string? name, string? url, string? id, long maxBytes, CancellationToken cancellationToken)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxBytes;
        if (request.ContentLength > maxBytes)
            return TooLarge(maxBytes);
        try
        {
            var pages = request.HasFormContentType
                ? await ReadFormAsync(request, cancellationToken)
                : [await ReadRawAsync(request, name, url, id, maxBytes, cancellationToken)];
            return pages.Count == 0 || pages.All(p => p.Content.Length == 0)
                ? new Outcome(null, StatusCodes.Status400BadRequest, "The request holds no page.")
                : new Outcome(pages, StatusCodes.Status200OK, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (InvalidDataException e)
        {
            return new Outcome(null, StatusCodes.Status400BadRequest, $"The form cannot be read: {e.Message}");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // A multipart body cut short, or without its closing boundary.
            return new Outcome(null, StatusCodes.Status400BadRequest, "The form cannot be read: it ends before its closing boundary.");
        }
        catch (TooLargeException)
        {
            return TooLarge(maxBytes);
        }
    }

    private static async Task<List<PageFile>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var pages = new List<PageFile>(form.Files.Count);
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            pages.Add(new PageFile(SafeName(file.FileName, pages.Count + 1), buffer.ToArray(), Charset: CharsetOf(file.ContentType)));
        }
        return pages;
    }

    private sealed class TooLargeException : Exception;

    private static async Task<PageFile> ReadRawAsync(HttpRequest request, string? name, string? url, string? id, long maxBytes, CancellationToken cancellationToken)
    {
        var body = await global::Search.Api.Features.BodyReading.ReadAtMostAsync(request.Body, maxBytes, cancellationToken) ?? throw new TooLargeException();
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
        PageKind? kind = mediaType switch
        {
            "text/html" or "application/xhtml+xml" => PageKind.Html,
            "text/plain" => PageKind.Text,
            _ => null,
        };
        return new PageFile(SafeName(name, 1), body, string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            parsed?.CharSet, kind, string.IsNullOrWhiteSpace(id) ? null : id.Trim());
    }

    /// <summary>The name as a relative path for reports: no drive, no leading slash, no '..'; "page N" when there is none.</summary>
    private static string SafeName(string? name, int position)
    {
        var parts = (name ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => part is not ("." or "..") && !part.EndsWith(':'));
        var safe = string.Join('/', parts);
        return safe.Length > 0 ? safe : $"page {position}";
    }

    private static string? CharsetOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;

    private static Outcome TooLarge(long maxBytes) =>
        new(null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes; send the pages in smaller batches.");
}
