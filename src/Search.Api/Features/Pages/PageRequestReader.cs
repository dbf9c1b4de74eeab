using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Ingest.Pages;

namespace Search.Api.Features.Pages;

/// <summary>
/// Reads the body of <c>POST /api/pages</c>: files of a <c>multipart/form-data</c> form (as the CLI
/// sends them), or one page as the raw body, named by <c>?name=</c>, with <c>?url=</c> and
/// <c>?id=</c> when the sender knows them. Bytes are kept as sent: the engine finds their encoding.
/// </summary>
public static class PageRequestReader
{
    /// <summary>The content types the endpoint takes; routing answers any other with 415.</summary>
    public static readonly string[] MediaTypes =
        ["multipart/form-data", "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream"];

    public static async Task<(IReadOnlyList<PageFile>? Pages, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, string? name, string? url, string? id, long maxBytes, CancellationToken cancellationToken)
    {
        IReadOnlyList<PageFile> pages;
        if (request.HasFormContentType)
        {
            if (RequestBody.Limit(request, maxBytes) is { } tooLarge)
                return (null, tooLarge);
            try
            {
                pages = await ReadFormAsync(request, cancellationToken);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, RequestBody.TooLarge(maxBytes));
            }
            catch (InvalidDataException e)
            {
                return (null, RequestBody.Unreadable($"The form cannot be read: {e.Message}"));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                // A multipart body cut short, or without its closing boundary.
                return (null, RequestBody.Unreadable("The form cannot be read: it ends before its closing boundary."));
            }
        }
        else
        {
            var (body, problem) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
            if (body is null)
                return (null, problem);
            pages = [Raw(request, body, name, url, id)];
        }
        return pages.Count == 0 || pages.All(p => p.Content.Length == 0)
            ? (null, RequestBody.Unreadable("The request holds no page."))
            : (pages, null);
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

    private static PageFile Raw(HttpRequest request, byte[] body, string? name, string? url, string? id)
    {
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
}
