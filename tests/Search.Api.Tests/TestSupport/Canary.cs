using System.Net;
using System.Text.Json;
using Search.Client.Contracts;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// Documents stored before the hostile requests of a test class, to prove afterwards that they
/// left the archive and the index exactly as they were: the same number of documents, each one
/// the same, and a search for the canaries' word finding just them.
/// </summary>
public sealed class Canary
{
    private readonly Dictionary<string, string> _stored;

    private Canary(string word, Dictionary<string, string> stored, long count)
    {
        Word = word;
        _stored = stored;
        Count = count;
    }

    /// <summary>A word only the canaries hold.</summary>
    public string Word { get; }

    /// <summary>Documents in the archive once the canaries were stored.</summary>
    public long Count { get; }

    public IReadOnlyCollection<string> Ids => _stored.Keys;

    public static IReadOnlyList<ArchiveDocument> Documents(string word) =>
    [
        new($"canary-{word}-1", "بيان وزارة الخارجية", "2021-07-27", $"أعلنت وزارة الخارجية اليوم عن زيارة رسمية {word}.", "وكالة الأنباء", "ar", "سياسة", "https://example.org/1"),
        new($"canary-{word}-2", "مؤتمر صحفي", "2020-01-05", $"عَقَدَ الرئيسُ مؤتمراً صحفياً في القاهرة {word}", "الجريدة الرسمية", "ar", null, null),
        new($"canary-{word}-بيان", "", null, $"نص قديم بلا تاريخ ولا عنوان {word}\nسطر ثان", "", "ar", null, null),
        new($"canary-{word}-4", "Statement", "2019-12-31", $"The ministry said on Tuesday {word} ١٢٣ 😀", "Reuters", "en", "world", null),
    ];

    /// <summary>Stores the canaries, waits until they are searchable, and remembers them as the service returns them.</summary>
    public static async Task<Canary> PlantAsync(HostileApiFactory factory)
    {
        var word = Statements.UniqueWord();
        var client = factory.CreateCheckedClient();
        await (await client.PostNdjsonAsync(Documents(word), wait: true)).ReadAcceptedAsync();
        var stored = new Dictionary<string, string>();
        foreach (var document in Documents(word))
            stored[document.Id] = await GetAsync(client, document.Id);
        var canary = new Canary(word, stored, factory.Engine.Stats().ArchiveDocuments);
        await canary.AssertUnchangedAsync(factory);
        return canary;
    }

    /// <summary>
    /// The archive holds as many documents as after planting (or as <paramref name="count"/>, when
    /// the class also stores documents on purpose), each canary as it was, and the index finds just the canaries.
    /// </summary>
    public async Task AssertUnchangedAsync(HostileApiFactory factory, long? count = null)
    {
        Assert.Equal(count ?? Count, factory.Engine.Stats().ArchiveDocuments);
        var client = factory.CreateCheckedClient();
        foreach (var (id, json) in _stored)
            Assert.Equal(json, await GetAsync(client, id));
        var found = await client.GetJsonAsync($"/api/search?q={Word}&size=100");
        Assert.Equal(_stored.Count, found.GetProperty("total").GetInt64());
        Assert.Equal(_stored.Keys.Order(StringComparer.Ordinal),
            found.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    private static async Task<string> GetAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/documents/{Uri.EscapeDataString(id)}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"canary {id}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetRawText();
    }
}
