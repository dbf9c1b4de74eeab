using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Protection;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Protection;

/// <summary>One search of a client at a time, one more waiting; rates high enough never to matter here.</summary>
public sealed class OneSearchAtATimeFactory() : HostileApiFactory(new Dictionary<string, string>
{
    ["Search:RateLimits:Enabled"] = "true",
    ["Search:RateLimits:SearchesPerSecond"] = "100000",
    ["Search:RateLimits:SearchBurst"] = "100000",
    ["Search:RateLimits:ConcurrentSearchesPerClient"] = "1",
    ["Search:RateLimits:SearchQueuePerClient"] = "1",
});

/// <summary>
/// One client cannot starve the others: each client's searches run a few at a time, the next ones wait
/// in that client's own queue, and past it they get 429 with <c>Retry-After</c>; another client is
/// answered meanwhile. The client's permits are taken by hand here, as its running searches would.
/// </summary>
public sealed class SearchConcurrencyTests(OneSearchAtATimeFactory factory) : IClassFixture<OneSearchAtATimeFactory>
{
    [Fact]
    public async Task A_client_past_its_searches_at_once_waits_in_its_queue_then_gets_429_while_another_is_answered()
    {
        await factory.CreateCheckedClient().GetAsync("/api/status");
        var limiter = factory.Services.GetRequiredService<SearchConcurrency>().Limiter;
        var busy = FromAddress.Context("203.0.113.9");
        var running = limiter.AttemptAcquire(busy);
        Assert.True(running.IsAcquired);

        var queued = FromAddress.SearchAsync(factory, factory.DataPath, "203.0.113.9");
        Assert.True(await Poll.UntilAsync(() => limiter.GetStatistics(busy)?.CurrentQueuedCount == 1), "the second search did not wait in the queue");
        var refused = await FromAddress.SearchAsync(factory, factory.DataPath, "203.0.113.9");
        var other = await FromAddress.SearchAsync(factory, factory.DataPath, "198.51.100.7");
        Assert.False(queued.IsCompleted);
        running.Dispose();

        Assert.Equal((StatusCodes.Status429TooManyRequests, (int?)1), refused);
        Assert.Equal(StatusCodes.Status200OK, other.Status);
        Assert.Equal(StatusCodes.Status200OK, (await queued).Status);
    }

    [Fact]
    public void An_ipv6_client_is_one_client_across_its_64_network_and_a_mapped_ipv4_is_its_ipv4()
    {
        Assert.Equal(ClientKeys.Of(FromAddress.Context("2001:db8:1:2::1")), ClientKeys.Of(FromAddress.Context("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(ClientKeys.Of(FromAddress.Context("2001:db8:1:2::1")), ClientKeys.Of(FromAddress.Context("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.4", ClientKeys.Of(FromAddress.Context("::ffff:192.0.2.4")));
    }

    [Fact]
    public void The_default_rate_limit_refuses_a_flood_from_one_client()
    {
        var defaults = new RateLimitOptions();
        using var bucket = new System.Threading.RateLimiting.TokenBucketRateLimiter(RateLimiting.Bucket(defaults.SearchesPerSecond, defaults.SearchBurst));

        var answered = Enumerable.Range(0, defaults.SearchBurst + 1).Count(_ => bucket.AttemptAcquire().IsAcquired);

        Assert.Equal(defaults.SearchBurst, answered);
        Assert.InRange(defaults.SearchesPerSecond, 1, 2_000);
    }
}
