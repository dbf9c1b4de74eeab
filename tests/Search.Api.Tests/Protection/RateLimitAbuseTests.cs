using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Protection;

/// <summary>Rate limits on and small: 1 search a second (bursts of 3), 1 write a second (bursts of 2).</summary>
public sealed class RateLimitedFactory() : HostileApiFactory(new Dictionary<string, string>
{
    ["Search:RateLimits:Enabled"] = "true",
    ["Search:RateLimits:SearchesPerSecond"] = "1",
    ["Search:RateLimits:SearchBurst"] = "3",
    ["Search:RateLimits:WritesPerSecond"] = "1",
    ["Search:RateLimits:WriteBurst"] = "2",
});

/// <summary>Writes limited (1 a second, bursts of 2), searches not in practice.</summary>
public sealed class WriteLimitedFactory() : HostileApiFactory(new Dictionary<string, string>
{
    ["Search:RateLimits:Enabled"] = "true",
    ["Search:RateLimits:SearchesPerSecond"] = "100000",
    ["Search:RateLimits:SearchBurst"] = "100000",
    ["Search:RateLimits:WritesPerSecond"] = "1",
    ["Search:RateLimits:WriteBurst"] = "2",
});

/// <summary>Every way of writing is held to the write limit, not only to the (much higher) search limit.</summary>
public sealed class WriteLimitTests(WriteLimitedFactory factory) : IClassFixture<WriteLimitedFactory>
{
    private const int Burst = 10;

    public static TheoryData<string> Writes => ["documents", "pages", "delete", "reindex"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_burst_of_writes_of_any_kind_gets_429(string kind)
    {
        var client = factory.CreateCheckedClient();
        await Task.Delay(TimeSpan.FromSeconds(2.2)); // the bucket fills again after the test before

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => kind switch
        {
            "documents" => client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("limit"), "نص")]),
            "pages" => client.PostAsync("/api/pages?name=a.txt", new StringContent($"عنوان {i}\n\nنص البيان {Guid.NewGuid():N}\n", Encoding.UTF8, "text/plain")),
            "delete" => client.DeleteAsync($"/api/documents/none-{i}"),
            _ => client.PostAsync("/api/admin/reindex", null),
        }));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.True(statuses.Contains(429), $"{kind}: no 429 in {string.Join(", ", statuses)}");
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.NotNull(r.Headers.RetryAfter));
    }
}

/// <summary>
/// Bursts of searches and of writes past the configured limits: 429 problems with
/// <c>Retry-After</c>, for that client only; nothing of a refused write is stored; and after the
/// wait the client is answered again.
/// </summary>
public sealed class RateLimitAbuseTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    private const int Burst = 12;

    /// <summary>Long enough for an emptied bucket to fill again, whatever test of the class ran before.</summary>
    private static readonly TimeSpan Refill = TimeSpan.FromSeconds(3.2);

    [Fact]
    public async Task A_burst_of_searches_gets_429_with_retry_after_and_then_answers_again()
    {
        var client = factory.CreateCheckedClient();
        await Task.Delay(Refill);

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => client.GetAsync($"/api/search?q=وزير{i}")));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}"));
        var wait = AssertRetryAfter(limited);

        await Task.Delay(TimeSpan.FromSeconds(wait) + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=وزير")).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_writes_gets_429_and_stores_only_what_was_accepted()
    {
        var client = factory.CreateCheckedClient();
        var ids = Enumerable.Range(0, Burst).Select(_ => Statements.UniqueId("burst")).ToList();
        await Task.Delay(Refill);

        var responses = await Task.WhenAll(ids.Select(id => client.PostNdjsonAsync([Statements.Doc(id, "نص البيان")])));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        AssertRetryAfter(limited);
        for (var i = 0; i < ids.Count; i++)
        {
            var stored = factory.Engine.Get(ids[i]) is not null;
            Assert.True(stored == (responses[i].StatusCode == HttpStatusCode.Accepted), $"{ids[i]}: {(int)responses[i].StatusCode}, stored {stored}");
        }
    }

    [Fact]
    public async Task Refused_writes_past_the_limit_are_limited_too()
    {
        var client = factory.CreateCheckedClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.PostNdjsonAsync("{\"broken\n")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}"));
    }

    [Fact]
    public async Task One_client_past_its_limit_does_not_hold_back_another()
    {
        for (var i = 0; i < Burst; i++)
            await SearchFromAsync("203.0.113.7");
        Assert.Equal(StatusCodes.Status429TooManyRequests, await SearchFromAsync("203.0.113.7"));

        Assert.Equal(StatusCodes.Status200OK, await SearchFromAsync("198.51.100.23"));
    }

    /// <summary>A search as sent from that address; the answer is checked like any other.</summary>
    private async Task<int> SearchFromAsync(string address)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/search";
            c.Request.QueryString = new QueryString("?q=x");
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var type = context.Response.ContentType is { } t ? MediaTypeHeaderValue.Parse(t) : null;
        ResponseCheck.Verify($"GET /api/search from {address}", HttpMethod.Get, context.Response.StatusCode, type, body, factory.DataPath);
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
            Assert.True(int.TryParse(context.Response.Headers.RetryAfter, out var seconds) && seconds >= 1, $"Retry-After '{context.Response.Headers.RetryAfter}'");
        return context.Response.StatusCode;
    }

    /// <summary>Every 429 says when to come back, in whole seconds; returns the longest wait.</summary>
    private static int AssertRetryAfter(IEnumerable<HttpResponseMessage> limited)
    {
        var longest = 0;
        foreach (var response in limited)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var retryAfter = response.Headers.RetryAfter;
            Assert.NotNull(retryAfter);
            Assert.NotNull(retryAfter.Delta);
            Assert.True(retryAfter.Delta >= TimeSpan.FromSeconds(1) && retryAfter.Delta <= TimeSpan.FromMinutes(1), $"Retry-After {retryAfter}");
            longest = Math.Max(longest, (int)retryAfter.Delta.Value.TotalSeconds);
        }
        return longest;
    }
}
