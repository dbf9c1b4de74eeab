using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.TestSupport;
using Search.Core;
using Search.Core.Tests.TestSupport;

namespace Search.Api.Tests.Status;

/// <summary>
/// Readiness tells the truth: <c>/health/ready</c> is Unhealthy, saying why and since when, while the
/// indexing loop keeps failing on its storage, and Healthy again once it recovers, with every accepted
/// document then searchable; a write the disk has no room for is a 507 problem that stores nothing.
/// Each test runs its own service on storage it breaks.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static async Task<long> TotalAsync(HttpClient client, string word) =>
        (await client.GetJsonAsync($"/api/search?q={word}&size=1")).GetProperty("total").GetInt64();

    [SkippableFact]
    public async Task Readiness_is_unhealthy_with_the_reason_while_the_index_cannot_be_written_and_healthy_once_it_can()
    {
        await using var service = SearchApiFactory.With();
        var client = service.CreateClient();
        var word = Statements.UniqueWord();
        (await client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("ready"), $"نص {word}")], wait: true)).EnsureSuccessStatusCode();
        var engine = service.Services.GetRequiredService<SearchEngine>();
        var generation = Path.Combine(service.DataPath, "generations", engine.Stats().Generation.ToString());

        using (var readOnly = ReadOnlyFolder.TryMake(generation))
        {
            Skip.If(readOnly is null, ReadOnlyFolder.Unavailable);
            (await client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("ready"), $"نص {word}")])).EnsureSuccessStatusCode();

            var (status, body) = await Poll.UntilAsync(() => ReadyAsync(client), r => r.Status != HttpStatusCode.OK, Patience);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            var index = body.GetProperty("checks").GetProperty("index");
            Assert.StartsWith("Indexing has been failing since ", index.GetProperty("description").GetString());
            Assert.True(index.GetProperty("data").TryGetProperty("failingSince", out _), body.ToString());
            Assert.DoesNotContain(service.DataPath, body.ToString());
            Assert.Equal(1, await TotalAsync(client, word));
        }

        var (healthy, _) = await Poll.UntilAsync(() => ReadyAsync(client), r => r.Status == HttpStatusCode.OK, Patience);
        Assert.Equal(HttpStatusCode.OK, healthy);
        Assert.Equal(2, await Poll.UntilAsync(() => TotalAsync(client, word), total => total == 2, Patience));
    }

    [SkippableFact]
    public async Task A_write_the_disk_has_no_room_for_is_a_507_problem_that_stores_nothing()
    {
        using var disk = SmallDisk.TryMount(megabytes: 32);
        Skip.If(disk is null, SmallDisk.Unavailable);
        var data = Path.Combine(disk.Path, "data");
        await using var service = SearchApiFactory.With(dataPath: data);
        var client = service.CreateClient();
        (await client.PostNdjsonAsync([Statements.Doc(Statements.UniqueId("disk"), "نص قبل امتلاء القرص")], wait: true)).EnsureSuccessStatusCode();
        var engine = service.Services.GetRequiredService<SearchEngine>();
        var before = engine.Stats().ArchiveDocuments;
        var word = Statements.UniqueWord();
        var large = Enumerable.Range(0, 4).Select(_ => Statements.Doc(Statements.UniqueId("full"), $"{word} " + new string('ن', 400_000))).ToList();

        disk.Fill();
        var problem = await (await client.PostNdjsonAsync(large)).ReadProblemAsync(507);

        Assert.StartsWith("The disk holding the data folder is full: nothing of this request was stored.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, engine.Stats().ArchiveDocuments);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=القرص")).StatusCode);

        disk.Free();
        (await client.PostNdjsonAsync(large, wait: true)).EnsureSuccessStatusCode();
        Assert.Equal(large.Count, await Poll.UntilAsync(() => TotalAsync(client, word), total => total == large.Count, Patience));
    }
}
