using Microsoft.AspNetCore.Diagnostics;
using Search.Core.DiskFailures;

namespace Search.Api.Problems;

/// <summary>
/// A write the data folder refused is the client's to retry later, not a failure of the service:
/// a full disk answers 507 Insufficient Storage, a read-only folder 503 with <c>Retry-After</c>, each a
/// problem that says so and that nothing of the request was stored.
/// </summary>
public sealed class StorageProblems(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 60;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageException storage)
            return false;
        context.Response.StatusCode = storage.Problem == StorageProblem.Full ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = storage.Problem == StorageProblem.Full ? "The disk is full" : "The data folder is read-only",
                Detail = $"{storage.Message}: nothing of this request was stored. Searches still answer; send it again later.",
            },
        });
    }
}
