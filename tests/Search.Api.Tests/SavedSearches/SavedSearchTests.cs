using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using static Search.Api.Tests.TestSupport.Statements;

namespace Search.Api.Tests.SavedSearches;

/// <summary>
/// Saved searches and their alerts, received by a real HTTP server on a loopback port: exactly the
/// matching documents posted after saving, none twice; a receiver failing twice gets the same alert
/// (same idempotency key) until it acknowledges it; an alert not delivered before a restart is
/// delivered after it; webhooks to hosts not allowed are refused.
/// </summary>
public sealed class SavedSearchTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> FastRetries = new()
    {
        ["Search:Webhooks:FirstRetryDelay"] = "00:00:00.050",
        ["Search:Webhooks:MaxRetryDelay"] = "00:00:00.200",
        ["Search:Webhooks:PollInterval"] = "00:00:00.020",
    };

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private SearchApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = SearchApiFactory.With(settings: FastRetries);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<SavedSearchInfo> SaveAsync(HttpClient client, SavedSearchCreate create)
    {
        var response = await client.PostAsJsonAsync("/api/saved-searches", create);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return ServiceCalls.Read<SavedSearchInfo>(text);
    }

    private static async Task<SavedSearchInfo> StateAsync(HttpClient client, string id) =>
        ServiceCalls.Read<SavedSearchInfo>(await client.GetStringAsync($"/api/saved-searches/{id}"));

    [Fact]
    public async Task A_webhook_receives_exactly_the_matching_documents_posted_after_saving_none_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = _factory.CreateClient();
        var word = UniqueWord();
        var before = Doc(UniqueId("before"), $"قبل الحفظ {word}");
        await (await client.PostNdjsonAsync([before], wait: true)).ReadAcceptedAsync();

        var saved = await SaveAsync(client, new SavedSearchCreate("متابعة", new SavedSearchParameters(Q: word, Lang: "ar"), receiver.Url));
        Assert.Equal(receiver.Url, saved.Webhook);

        var matching = Enumerable.Range(0, 5).Select(i => Doc(UniqueId("match"), $"بيان جديد {word} رقم {i}")).ToList();
        var other = new[]
        {
            Doc(UniqueId("other"), "بيان لا علاقة له"),
            new ArchiveDocument(UniqueId("english"), "Statement", "2021-06-01", $"The ministry said {word}", "Reuters", "en", null, null),
        };
        await (await client.PostNdjsonAsync([matching[0], other[0], matching[1]])).ReadAcceptedAsync();
        await (await client.PostNdjsonAsync([.. matching.Skip(2), other[1]], wait: true)).ReadAcceptedAsync();

        var delivered = await Poll.UntilAsync(() => Task.FromResult(receiver.DeliveredIds), ids => ids.Count >= matching.Count, Deadline);
        Assert.Equal(matching.Select(d => d.Id).Order(), delivered.Order());
        var first = receiver.Acknowledged[0].Body;
        Assert.Equal(saved.Id, first.GetProperty("savedSearch").GetProperty("id").GetString());
        Assert.Equal("متابعة", first.GetProperty("savedSearch").GetProperty("name").GetString());
        var document = first.GetProperty("documents")[0];
        Assert.Contains(word, document.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("2021-06-01", document.GetProperty("date").GetString());
        Assert.Equal(receiver.Requests.First().IdempotencyKey, first.GetProperty("idempotencyKey").GetString());

        var state = await Poll.UntilAsync(() => StateAsync(client, saved.Id), s => s.Delivery.Pending == 0, Deadline);
        Assert.Equal(receiver.Acknowledged.Count, state.Delivery.Delivered);
        Assert.NotNull(state.Delivery.LastDelivered);

        // Later documents are new alerts; those delivered are never sent again.
        var later = Doc(UniqueId("later"), $"لاحق {word}");
        await (await client.PostNdjsonAsync([later], wait: true)).ReadAcceptedAsync();
        var all = await Poll.UntilAsync(() => Task.FromResult(receiver.DeliveredIds), ids => ids.Count >= matching.Count + 1, Deadline);
        Assert.Equal(matching.Select(d => d.Id).Append(later.Id).Order(), all.Order());
        Assert.Equal(receiver.Requests.Count, receiver.Requests.Select(r => r.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_same_alert_until_it_acknowledges_it_then_no_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var client = _factory.CreateClient();
        var word = UniqueWord();
        var saved = await SaveAsync(client, new SavedSearchCreate("retry", new SavedSearchParameters(Q: word), receiver.Url));
        var document = Doc(UniqueId("retry"), $"بيان {word}");
        await (await client.PostNdjsonAsync([document], wait: true)).ReadAcceptedAsync();

        await Poll.UntilAsync(() => Task.FromResult(receiver.Acknowledged.Count), n => n >= 1, Deadline);
        var state = await Poll.UntilAsync(() => StateAsync(client, saved.Id), s => s.Delivery.Pending == 0, Deadline);
        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal([false, false, true], requests.Select(r => r.Acknowledged));
        Assert.Single(requests.Select(r => r.IdempotencyKey).Distinct());
        Assert.All(requests, r => Assert.Equal([document.Id], r.DocumentIds));
        Assert.Equal(1, state.Delivery.Delivered);
        Assert.Null(state.Delivery.LastError);

        // Another document: one more request, under a new key; the first alert is not sent again.
        var next = Doc(UniqueId("retry"), $"ثان {word}");
        await (await client.PostNdjsonAsync([next], wait: true)).ReadAcceptedAsync();
        await Poll.UntilAsync(() => Task.FromResult(receiver.Acknowledged.Count), n => n >= 2, Deadline);
        await Poll.UntilAsync(() => StateAsync(client, saved.Id), s => s.Delivery.Delivered == 2, Deadline);
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Equal([document.Id, next.Id], receiver.DeliveredIds);
        Assert.NotEqual(requests[0].IdempotencyKey, receiver.Requests.Last().IdempotencyKey);
    }

    [Fact]
    public async Task An_alert_not_delivered_before_a_restart_is_delivered_after_it_with_the_same_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        using var folder = new TempFolder();
        var word = UniqueWord();
        var document = Doc(UniqueId("restart"), $"بيان {word}");
        string savedId;
        await using (var first = SearchApiFactory.With(dataPath: folder.Path, settings: FastRetries))
        {
            var client = first.CreateClient();
            savedId = (await SaveAsync(client, new SavedSearchCreate("restart", new SavedSearchParameters(Q: word), receiver.Url))).Id;
            await (await client.PostNdjsonAsync([document], wait: true)).ReadAcceptedAsync();
            var failing = await Poll.UntilAsync(() => StateAsync(client, savedId), s => s.Delivery.LastError is not null, Deadline);
            Assert.Equal(1, failing.Delivery.Pending);
            Assert.Contains("503", failing.Delivery.LastError, StringComparison.Ordinal);
        }
        var keyBefore = receiver.Requests.First().IdempotencyKey;
        receiver.Down = false;

        await using var second = SearchApiFactory.With(dataPath: folder.Path, settings: FastRetries);
        var again = second.CreateClient();
        var delivered = await Poll.UntilAsync(() => StateAsync(again, savedId), s => s.Delivery.Delivered == 1, Deadline);
        Assert.Equal(0, delivered.Delivery.Pending);
        var acknowledged = Assert.Single(receiver.Acknowledged);
        Assert.Equal(keyBefore, acknowledged.IdempotencyKey);
        Assert.Equal([document.Id], acknowledged.DocumentIds);
    }

    [Fact]
    public async Task Documents_stored_while_the_service_was_down_are_matched_after_it_starts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var word = UniqueWord();
        await using (var first = SearchApiFactory.With(dataPath: folder.Path, settings: FastRetries))
            await SaveAsync(first.CreateClient(), new SavedSearchCreate("offline", new SavedSearchParameters(Q: word), receiver.Url));

        // Stored by the engine alone (as a tool would), with no service to match it.
        var document = Doc(UniqueId("offline"), $"بيان {word}");
        using (var engine = global::Search.Core.SearchEngine.Open(folder.Path))
        {
            engine.IngestDocuments(System.Text.Encoding.UTF8.GetBytes(Statements.ToNdjson([document])));
            engine.CatchUp();
        }

        await using var second = SearchApiFactory.With(dataPath: folder.Path, settings: FastRetries);
        second.CreateClient();
        var delivered = await Poll.UntilAsync(() => Task.FromResult(receiver.DeliveredIds), ids => ids.Count >= 1, Deadline);
        Assert.Equal([document.Id], delivered);
    }

    [Theory]
    [InlineData("http://example.org/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("ftp://localhost/hook")]
    [InlineData("/relative/hook")]
    [InlineData("http://user:secret@localhost/hook")]
    public async Task A_webhook_to_a_host_not_allowed_is_refused_with_a_problem(string webhook)
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/saved-searches",
            new SavedSearchCreate("x", new SavedSearchParameters(Q: "x"), webhook));
        var problem = await response.ReadProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("webhook", out _), problem.ToString());
        Assert.Empty(ServiceCalls.Read<List<SavedSearchInfo>>(await _factory.CreateClient().GetStringAsync("/api/saved-searches")));
    }

    [Fact]
    public async Task A_host_allowed_by_configuration_is_taken()
    {
        await using var factory = SearchApiFactory.With(settings: new Dictionary<string, string> { ["Search:Webhooks:AllowedHosts:0"] = "*.example.org" });
        var saved = await SaveAsync(factory.CreateClient(), new SavedSearchCreate("x", new SavedSearchParameters(Q: "x"), "https://hooks.example.org/in"));
        Assert.Equal("https://hooks.example.org/in", saved.Webhook);
        var refused = await factory.CreateClient().PostAsJsonAsync("/api/saved-searches",
            new SavedSearchCreate("x", new SavedSearchParameters(Q: "x"), "https://example.org.evil.net/in"));
        await refused.ReadProblemAsync(400);
    }

    [Theory]
    [InlineData("""{"name":"","search":{"q":"x"}}""", "name")]
    [InlineData("""{"name":"x","search":{"from":"soon"}}""", "search.from")]
    [InlineData("""{"name":"x","search":{"in":"verses"}}""", "search.in")]
    [InlineData("""{"name":"x","search":{"q":"x"},"webhook":"not a url"}""", "webhook")]
    [InlineData("""{"name":"x\u0000y","search":{"q":"x"}}""", "name")]
    [InlineData("""{"name":"x\u0007","search":{"q":"x"}}""", "name")]
    [InlineData("""{"name": 5}""", "body")]
    [InlineData("""not json""", "body")]
    public async Task A_bad_saved_search_is_a_problem_naming_the_field(string json, string field)
    {
        var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var problem = await (await _factory.CreateClient().PostAsync("/api/saved-searches", content)).ReadProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Saved_searches_need_the_admin_key_and_their_feed_does_not()
    {
        var anonymous = _factory.CreateAnonymousClient();
        await (await anonymous.GetAsync("/api/saved-searches")).ReadProblemAsync(401);
        await (await anonymous.PostAsJsonAsync("/api/saved-searches", new SavedSearchCreate("x", new SavedSearchParameters(Q: "x")))).ReadProblemAsync(401);

        var client = _factory.CreateClient();
        var word = UniqueWord();
        var saved = await SaveAsync(client, new SavedSearchCreate("بلا رابط", new SavedSearchParameters(Q: word, From: "2020-01-01")));
        Assert.Null(saved.Webhook);
        var documents = new[] { Doc(UniqueId("fd"), $"أ {word}", "2021-01-01"), Doc(UniqueId("fd"), $"ب {word}", "2022-01-01"), Doc(UniqueId("fd"), $"ج {word}", "2019-01-01") };
        await (await client.PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();

        var xml = await anonymous.GetStringAsync(saved.Feed);
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("بلا رابط", feed.Title.Text);
        Assert.Equal([documents[1].Id, documents[0].Id], feed.Items.Select(i => Uri.UnescapeDataString(i.Id["urn:search:document:".Length..])));

        Assert.Single(ServiceCalls.Read<List<SavedSearchInfo>>(await client.GetStringAsync("/api/saved-searches")), s => s.Id == saved.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/saved-searches/{saved.Id}")).StatusCode);
        await (await client.GetAsync($"/api/saved-searches/{saved.Id}")).ReadProblemAsync(404);
        await (await anonymous.GetAsync(saved.Feed)).ReadProblemAsync(404);
        await (await client.DeleteAsync($"/api/saved-searches/{saved.Id}")).ReadProblemAsync(404);
    }
}
