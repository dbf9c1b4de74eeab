using Microsoft.AspNetCore.Diagnostics;
using Search.Core.Storage;

namespace Search.Api.Problems;

/// <summary>
/// A write the data folder refused is the client's to retry later, not a failure of the service:
/// a full disk answers 507 Insufficient Storage, a read-only folder 503 with <c>Retry-After</c>, each a
/// problem that says so and that nothing of the request was stored; an archive database out of reach
/// (PostgreSQL restarting, a network cut) answers 503 too, for any request that needed it.
/// </summary>
public sealed class StorageProblems(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 60;

    /// <summary>A database restarting or failing over is back within seconds, not the minutes a disk takes.</summary>
    private const int UnreachableRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageException.From(exception) is not { } storage)
            return false;
        var (status, title, retryAfter) = storage.Problem switch
        {
            StorageProblem.Full => (StatusCodes.Status507InsufficientStorage, "The disk is full", RetryAfterSeconds),
            StorageProblem.Unreachable => (StatusCodes.Status503ServiceUnavailable, "The archive's database cannot be reached", UnreachableRetryAfterSeconds),
            _ => (StatusCodes.Status503ServiceUnavailable, "The data folder is read-only", RetryAfterSeconds),
        };
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = $"{storage.Message}: nothing of this request was stored. Searches still answer; send it again later.",
            },
        });
    }
}
