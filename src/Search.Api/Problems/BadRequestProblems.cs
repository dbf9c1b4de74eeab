using Microsoft.AspNetCore.Diagnostics;

namespace Search.Api.Problems;

/// <summary>
/// A request the server stopped reading (a body sent in chunks past the size limit, a body cut short,
/// a client too slow) is the client's fault wherever it is noticed: the status the server gave it (413,
/// 400, 408) as a problem, never a 500 for an endpoint that reads its body without checking for it.
/// </summary>
public sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
            return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request cannot be read.",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The body is larger than the service takes (Search:MaxRequestBytes); send it in smaller batches."
                    : "The request could not be read whole (cut short, malformed or too slow); send it again.",
            },
        });
    }
}
