using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Search.Api.Protection;

/// <summary>
/// How many reads (searches, documents, highlights: GET and HEAD under <c>/api</c>) one client has
/// answered at once (<see cref="RateLimitOptions.ConcurrentSearchesPerClient"/>); more wait in that
/// client's own queue, then get 429 with <c>Retry-After</c>. A client flooding from many connections
/// then takes no more of the processors than a few searches' worth, whatever its rate, and other
/// clients' searches are not queued behind its own. The rate limit bounds how often; this bounds how much at once.
/// </summary>
public sealed class SearchConcurrency : IDisposable
{
    public SearchConcurrency(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            limits.Enabled && IsRead(context.Request)
                ? RateLimitPartition.GetConcurrencyLimiter(ClientKeys.Of(context), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.ConcurrentSearchesPerClient,
                    QueueLimit = limits.SearchQueuePerClient,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>The limiter the rate-limiting middleware runs before each endpoint's own policy.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();

    private static bool IsRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.StartsWithSegments("/api");
}
