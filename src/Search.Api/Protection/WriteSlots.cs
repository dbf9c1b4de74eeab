using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Search.Api.Protection;

/// <summary>
/// The few writes handled at once across all clients (<see cref="RateLimitOptions.ConcurrentWrites"/>),
/// since each holds its request body in memory; more wait in a short queue, then get 429. A slot is held
/// while the body is read and stored, and let go before a <c>?wait=true</c> request waits for its
/// documents to become searchable (<see cref="Features.WhenSearchable"/>), so requests waiting on a
/// stalled index never hold every slot.
/// </summary>
public sealed class WriteSlots(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentWrites,
        QueueLimit = options.Value.WriteQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public bool Enabled => options.Value.Enabled;

    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Runs a write endpoint's handler in a write slot (reads pass through).</summary>
public sealed class WriteSlotFilter(WriteSlots slots) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!slots.Enabled || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return await next(context);
        using var slot = await slots.AcquireAsync(http.RequestAborted);
        if (!slot.IsAcquired)
            return TooManyRequests.Answer(http, TimeSpan.FromSeconds(1));
        // The handler's result is executed after this returns, the slot let go.
        return await next(context);
    }
}

public static class WriteLimits
{
    /// <summary>Holds every write of the builder to the per-client write rate and to the write slots.</summary>
    public static TBuilder RequireWriteLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimiting.Writes).AddEndpointFilter<TBuilder, WriteSlotFilter>();
}
