using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Search.Api.Features;

/// <summary>
/// The size limit of the write endpoints, the same for a raw body and a form, however it is sent: the
/// server's own limit is set to it where it still can be, a declared length over it is refused before
/// anything is read, and reading stops as soon as it is passed (the test server has no limit of its own).
/// </summary>
public static class RequestBody
{
    /// <summary>Applies the limit to the request; a problem (413) when the declared length is already over it.</summary>
    public static ProblemHttpResult? Limit(HttpRequest request, long maxBytes)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxBytes;
        return request.ContentLength > maxBytes ? TooLarge(maxBytes) : null;
    }

    /// <summary>The whole body, or the 413 problem once it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (Limit(request, maxBytes) is { } tooLarge)
            return (null, tooLarge);
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return (null, TooLarge(maxBytes));
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
    }

    public static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        $"The body is larger than {maxBytes} bytes; send it in smaller batches.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request cannot be read.");

    /// <summary>A 400 problem saying why the body could not be read at all.</summary>
    public static ProblemHttpResult Unreadable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be read.");
}
