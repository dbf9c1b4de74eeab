using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.TestSupport;
using Search.Core;
using Search.Core.Tests.TestSupport;

namespace Search.Api.Tests.Documents;

/// <summary>
/// <c>?wait=true</c> has a server-side limit (<c>Search:MaxWait</c>): a write whose documents do not become
/// searchable in time is answered 202 with <c>searchable: false</c> (stored all the same), and a
/// request waiting so holds no write slot, so the others go on even when the index has stalled.
/// </summary>
public sealed class WaitLimitTests
{
    /// <summary>One write at a time, no queue, waits of at most three seconds.</summary>
    private static SearchApiFactory Service() => SearchApiFactory.With(settings: new Dictionary<string, string>
    {
        ["Search:MaxWait"] = "00:00:03",
        ["Search:RateLimits:Enabled"] = "true",
        ["Search:RateLimits:ConcurrentWrites"] = "1",
        ["Search:RateLimits:WriteQueue"] = "0",
        ["Search:RateLimits:WritesPerSecond"] = "1000",
        ["Search:RateLimits:WriteBurst"] = "1000",
    });

    [Fact]
    public async Task A_write_that_becomes_searchable_in_time_says_so()
    {
        await using var service = Service();

        var accepted = await (await service.CreateClient().PostNdjsonAsync([Statements.Doc(Statements.UniqueId("wait"), "نص")], wait: true)).ReadAcceptedAsync();
        var unasked = await (await service.CreateClient().PostNdjsonAsync([Statements.Doc(Statements.UniqueId("wait"), "نص")])).ReadAcceptedAsync();

        Assert.True(accepted.Searchable);
        Assert.Null(unasked.Searchable);
    }

    [SkippableFact]
    public async Task On_a_stalled_index_a_wait_ends_at_the_limit_with_searchable_false_and_holds_no_write_slot()
    {
        await using var service = Service();
        var client = service.CreateClient();
        (await client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("wait"), "نص")], wait: true)).EnsureSuccessStatusCode();
        var engine = service.Services.GetRequiredService<SearchEngine>();
        using var stalled = ReadOnlyFolder.TryMake(Path.Combine(service.DataPath, "generations", engine.Stats().Generation.ToString()));
        Skip.If(stalled is null, ReadOnlyFolder.Unavailable);
        var waiting = Statements.UniqueId("waiting");

        var waitingResponse = client.PostNdjsonAsync([Statements.Doc(waiting, "نص ينتظر")], wait: true);
        Assert.True(await Poll.UntilAsync(() => engine.Get(waiting) is not null), "the waiting write was not stored");
        var other = await client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("other"), "نص آخر")]);
        var answer = await (await waitingResponse).ReadAcceptedAsync();

        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.False(answer.Searchable);
        Assert.Equal(1, answer.Accepted);
    }
}
