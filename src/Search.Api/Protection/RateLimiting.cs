using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Search.Api.Protection;

public static class RateLimiting
{
    public const string Searches = "searches";
    public const string Writes = "writes";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblem;
            limiter.AddPolicy(Searches, context => limits.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => Bucket(limits.SearchesPerSecond, limits.SearchBurst))
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(Writes, context => limits.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => Bucket(limits.WritesPerSecond, limits.WriteBurst))
                : RateLimitPartition.GetNoLimiter(""));
            // The global limiter runs before the endpoint's policy: all writes together share a few slots.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                limits.Enabled && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetConcurrencyLimiter(Writes, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.ConcurrentWrites,
                        QueueLimit = limits.WriteQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(perSecond, burst),
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientOf(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask WriteProblem(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                $"Too many requests from this client; try again in {retryAfter} s.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down")
            .ExecuteAsync(context.HttpContext);
    }
}
