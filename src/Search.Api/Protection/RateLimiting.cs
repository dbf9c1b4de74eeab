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
        services.AddSingleton<WriteSlots>();
        services.AddSingleton<SearchConcurrency>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, SearchConcurrency>((limiter, configured, concurrency) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblem;
            limiter.AddPolicy(Searches, context => limits.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter(ClientKeys.Of(context), _ => Bucket(limits.SearchesPerSecond, limits.SearchBurst))
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(Writes, context => limits.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter(ClientKeys.Of(context), _ => Bucket(limits.WritesPerSecond, limits.WriteBurst))
                : RateLimitPartition.GetNoLimiter(""));
            // Runs before the endpoint's policy: a client's reads take their turn in its own queue.
            limiter.GlobalLimiter = concurrency.Limiter;
        });
        return services;
    }

    internal static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(perSecond, burst),
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask WriteProblem(OnRejectedContext context, CancellationToken cancellationToken) =>
        await TooManyRequests.Answer(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1))
            .ExecuteAsync(context.HttpContext);
}
