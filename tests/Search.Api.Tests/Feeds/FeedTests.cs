using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using static Search.Api.Tests.TestSupport.Statements;

namespace Search.Api.Tests.Feeds;

/// <summary>
/// <c>GET /api/search.atom</c> read by a real feed parser (System.ServiceModel.Syndication): the documents of
/// the search it follows, newest first, each with a stable id, its date, source and address; answered 304
/// to a reader polling with the ETag or the last modification it was given.
/// </summary>
public sealed class FeedTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private async Task<(string Word, IReadOnlyList<ArchiveDocument> Documents)> PlantAsync()
    {
        var word = UniqueWord();
        var documents = new List<ArchiveDocument>
        {
            new(UniqueId("feed"), "بيان الخارجية", "2021-07-27", $"أعلنت وزارة الخارجية اليوم {word} عن زيارة.", "وزارة الخارجية", "ar", null, "https://example.org/statements/1"),
            new(UniqueId("feed"), "مؤتمر صحفي", "2023-01-05", $"عقد الوزير مؤتمراً صحفياً {word} في القاهرة.", "وكالة الأنباء", "ar", null, null),
            new(UniqueId("feed"), "بيان قديم", "2019-03-02", $"نص البيان القديم {word} & <b>وسم</b>", "الجريدة الرسمية", "ar", null, null),
            new(UniqueId("feed"), "بلا تاريخ", null, $"نص بلا تاريخ {word}", "", "ar", null, null),
        };
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();
        return (word, documents);
    }

    private static SyndicationFeed Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    [Theory]
    [InlineData("lang=en", "english")]
    [InlineData("speaker=%D8%AF%D9%85%D9%8A%D8%AA%D8%B1%D9%8A%20%D8%A8%D9%8A%D8%B3%D9%83%D9%88%D9%81", "quoted")]
    [InlineData("in=quotes", "quoted")]
    public async Task A_feed_and_an_export_keep_the_language_speaker_and_quotation_filters_of_their_search(string filter, string expected)
    {
        var word = UniqueWord();
        var ids = new Dictionary<string, string> { ["quoted"] = UniqueId("filters"), ["about"] = UniqueId("filters"), ["english"] = UniqueId("filters") };
        ArchiveDocument[] documents =
        [
            new(ids["quoted"], "تصريح", "2022-03-01", $"وقال دميتري بيسكوف: \"المفاوضات {word} متوقفة الآن\".", "وكالة", "ar", null, null),
            new(ids["about"], "تقرير", "2022-03-02", $"كتبت الصحف عن دميتري بيسكوف والمفاوضات {word} أمس.", "صحيفة", "ar", null, null),
            new(ids["english"], "Statement", "2022-03-03", $"The spokesman said the talks {word} had stopped.", "Agency", "en", null, null),
        ];
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();

        var feed = Parse(await client.GetStringAsync($"/api/search.atom?q={word}&{filter}"));
        var export = await client.GetStringAsync($"/api/search/export?q={word}&{filter}&format=jsonl");

        Assert.Equal(["urn:search:document:" + Uri.EscapeDataString(ids[expected])], feed.Items.Select(i => i.Id));
        Assert.Equal([ids[expected]], export.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_feed_holds_the_documents_of_its_search_newest_first()
    {
        var (word, documents) = await PlantAsync();
        var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/search.atom?q={word}");
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = Parse(xml);

        var search = await client.GetJsonAsync($"/api/search?q={word}&sort=newest&size=50");
        var expected = search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
        Assert.Equal(documents.Count, expected.Count);
        var items = feed.Items.ToList();
        Assert.Equal(expected.Select(id => "urn:search:document:" + Uri.EscapeDataString(id)), items.Select(i => i.Id));

        // Newest first by date; the undated one (last, as the search orders it) carries the time it was stored.
        var dated = items.Take(3).Select(i => i.LastUpdatedTime).ToList();
        Assert.Equal(dated.OrderByDescending(d => d), dated);
        Assert.Equal(new DateTimeOffset(2023, 1, 5, 0, 0, 0, TimeSpan.Zero), items[0].LastUpdatedTime);
        Assert.Equal(items[0].LastUpdatedTime, items[0].PublishDate);
        Assert.True(items[3].LastUpdatedTime > DateTimeOffset.UtcNow.AddHours(-1), $"undated entry at {items[3].LastUpdatedTime}");
        // The feed changed when its latest entry was stored.
        Assert.True(feed.LastUpdatedTime > DateTimeOffset.UtcNow.AddHours(-1), $"feed updated {feed.LastUpdatedTime}");

        var first = documents[0];
        var item = items.Single(i => i.Id.EndsWith(Uri.EscapeDataString(first.Id), StringComparison.Ordinal));
        Assert.Equal(first.Title, item.Title.Text);
        Assert.Equal("وزارة الخارجية", Assert.Single(item.Authors).Name);
        Assert.Equal(new Uri(first.Url!), Assert.Single(item.Links).Uri);
        Assert.Contains(word, item.Summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", item.Summary.Text, StringComparison.Ordinal);

        // A document without an address links to its view on the search page; markup in a body is text.
        var old = items.Single(i => i.Id.EndsWith(Uri.EscapeDataString(documents[2].Id), StringComparison.Ordinal));
        Assert.EndsWith("/?doc=" + Uri.EscapeDataString(documents[2].Id), Assert.Single(old.Links).Uri.ToString(), StringComparison.Ordinal);
        Assert.Contains("& <b>وسم</b>", old.Summary.Text, StringComparison.Ordinal);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString().Contains("/api/search.atom?q=" + word, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_takes_the_search_filters_and_a_size()
    {
        var (word, documents) = await PlantAsync();
        var client = factory.CreateClient();
        var feed = Parse(await client.GetStringAsync($"/api/search.atom?q={word}&from=2020-01-01&size=1"));
        Assert.Equal("urn:search:document:" + Uri.EscapeDataString(documents[1].Id), Assert.Single(feed.Items).Id);

        var bySource = Parse(await client.GetStringAsync($"/api/search.atom?q={word}&source={Uri.EscapeDataString("الجريدة الرسمية")}"));
        Assert.Equal("urn:search:document:" + Uri.EscapeDataString(documents[2].Id), Assert.Single(bySource.Items).Id);
    }

    [Fact]
    public async Task A_reader_polling_an_unchanged_feed_is_answered_304_and_a_changed_one_in_full()
    {
        var (word, _) = await PlantAsync();
        var client = factory.CreateClient();
        var first = await client.GetAsync($"/api/search.atom?q={word}");
        var etag = first.Headers.ETag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(modified);
        Assert.True(modified > DateTimeOffset.UtcNow.AddHours(-1), $"last modified {modified}");

        using var byTag = new HttpRequestMessage(HttpMethod.Get, $"/api/search.atom?q={word}");
        byTag.Headers.IfNoneMatch.Add(etag!);
        var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, $"/api/search.atom?q={word}");
        byDate.Headers.IfModifiedSince = modified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        // A new document changes the feed: the old ETag no longer matches.
        await (await client.PostNdjsonAsync([Doc(UniqueId("feed"), $"جديد {word}", "2024-02-02")], wait: true)).ReadAcceptedAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/search.atom?q={word}");
        again.Headers.IfNoneMatch.Add(etag!);
        var changed = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(5, Parse(await changed.Content.ReadAsStringAsync()).Items.Count());
    }

    [Theory]
    [InlineData("from=tomorrow", "from")]
    [InlineData("size=201", "size")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("lang=not-a-language", "lang")]
    [InlineData("cursor=abc", "page")]
    public async Task Bad_parameters_are_a_problem_naming_them(string query, string parameter)
    {
        var client = factory.CreateClient();
        var problem = await (await client.GetAsync($"/api/search.atom?q=x&{query}")).ReadProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task The_feed_of_a_query_too_long_is_the_search_s_problem()
    {
        var client = factory.CreateClient();
        var problem = await (await client.GetAsync($"/api/search.atom?q={new string('x', 1_100)}")).ReadProblemAsync(400);
        Assert.Equal("tooLong", problem.GetProperty("code").GetString());
    }
}
