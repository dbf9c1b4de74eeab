using System.Text;
using Search.Core.Ingest.Pages;
using Search.Core.Languages;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Languages;

/// <summary>
/// Versions of one statement in several languages, linked by id or address from either side, through
/// the engine's door on a real archive: every version lists the others, whatever order they arrived in.
/// </summary>
public sealed class VersionLinkTests : IDisposable
{
    private const string RussianUrl = "https://mid.example/ru/statements/12";

    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public VersionLinkTests() => _engine = _folder.OpenEngine();

    public void Dispose() => _folder.Dispose();

    private static readonly string Arabic = """{"id": "s-12", "title": "بيان حول المفاوضات", "body": "أكدت الوزارة في بيان اليوم أن المفاوضات ستستأنف الأسبوع المقبل.", "translations": ["s-12-en"]}""";
    private static readonly string English = """{"id": "s-12-en", "title": "Statement on the talks", "body": "The ministry said today that the talks will resume next week."}""";
    private static readonly string Russian = $$$"""{"id": "s-12-ru", "title": "Заявление о переговорах", "body": "Министерство заявило сегодня, что переговоры возобновятся на следующей неделе.", "url": "{{{RussianUrl}}}", "translations": {"ar": "s-12"}}""";
    private static readonly string French = $$$"""{"id": "s-12-fr", "title": "Déclaration sur les négociations", "body": "Le ministère a déclaré aujourd'hui que les négociations reprendront la semaine prochaine.", "translations": [{"lang": "ru", "url": "{{{RussianUrl}}}"}]}""";

    private string VersionsOf(string id) => string.Join(' ', _engine.VersionsOf(id).Select(v => $"{v.Lang}:{v.Id}").Order(StringComparer.Ordinal));

    private void Ingest(string json) => Assert.Null(_engine.IngestDocuments(Encoding.UTF8.GetBytes(json)).Problem);

    public static TheoryData<int[]> Orders() => new() { new[] { 0, 1, 2, 3 }, new[] { 3, 2, 1, 0 }, new[] { 1, 3, 0, 2 }, new[] { 2, 0, 3, 1 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Every_version_lists_the_others_whatever_order_they_arrive_in(int[] order)
    {
        string[] documents = [Arabic, English, Russian, French];
        foreach (var i in order)
            Ingest(documents[i]);

        Assert.Equal("en:s-12-en fr:s-12-fr ru:s-12-ru", VersionsOf("s-12"));
        Assert.Equal("ar:s-12 fr:s-12-fr ru:s-12-ru", VersionsOf("s-12-en"));
        Assert.Equal("ar:s-12 en:s-12-en fr:s-12-fr", VersionsOf("s-12-ru"));
        Assert.Equal("ar:s-12 en:s-12-en ru:s-12-ru", VersionsOf("s-12-fr"));
    }

    [Fact]
    public void Each_hit_of_a_search_says_the_versions_its_document_has_and_unlinked_hits_say_none()
    {
        foreach (var document in (string[])[Arabic, English, Russian, French])
            Ingest(document);
        Ingest("""{"id": "alone-1", "title": "بيان منفرد", "body": "بيان لا نسخة له بلغة أخرى."}""");
        Ingest("""{"id": "alone-2", "title": "Another statement", "body": "A statement with no other version.", "url": "https://mid.example/en/alone"}""");
        // Linked only through its address, by a version that arrives later.
        Ingest("""{"id": "s-13", "title": "بيان ثان", "body": "بيان عن الحدود.", "url": "https://mid.example/ar/statements/13"}""");
        Ingest("""{"id": "s-13-en", "title": "Second statement", "body": "A statement on the border.", "translations": [{"lang": "ar", "url": "https://mid.example/ar/statements/13"}]}""");
        _engine.CatchUp();

        var hits = _engine.Search(new SearchRequest("", Size: 100)).Hits;

        Assert.Equal(8, hits.Count);
        Assert.Equal("en:s-13-en", VersionsOf("s-13"));
        foreach (var hit in hits)
            Assert.Equal(VersionsOf(hit.Id), string.Join(' ', hit.Versions.Select(v => $"{v.Lang}:{v.Id}").Order(StringComparer.Ordinal)));
        Assert.Equal(["alone-1", "alone-2"], hits.Where(h => h.Versions.Count == 0).Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_link_to_a_version_not_yet_there_waits_for_it()
    {
        Ingest(Arabic);
        Assert.Equal("", VersionsOf("s-12"));

        Ingest(English);
        Assert.Equal("en:s-12-en", VersionsOf("s-12"));
        Assert.Equal("ar:s-12", VersionsOf("s-12-en"));
    }

    [Fact]
    public void A_deleted_version_drops_out_and_a_replaced_document_keeps_the_links_to_it()
    {
        Ingest(Arabic);
        Ingest(English);
        Ingest(Russian);

        Ingest(English.Replace("resume next week", "resume on Monday"));
        Assert.Equal("en:s-12-en ru:s-12-ru", VersionsOf("s-12"));

        Assert.True(_engine.Delete("s-12-ru"));
        Assert.Equal("en:s-12-en", VersionsOf("s-12"));
        Assert.Empty(_engine.Get("s-12")!.Translations.Where(t => t.Target == "s-12-ru"));
        Assert.Equal("s-12-en", Assert.Single(_engine.Get("s-12")!.Translations).Target);
    }

    [Fact]
    public void Pages_are_linked_by_their_alternate_addresses_and_hits_say_their_versions()
    {
        const string arabicUrl = "https://mid.example/ar/statements/12";
        string Page(string lang, string title, string body, string self) => $$"""
            <html lang="{{lang}}"><head><title>{{title}}</title>
            <link rel="canonical" href="{{self}}">
            <link rel="alternate" hreflang="ar" href="{{arabicUrl}}">
            <link rel="alternate" hreflang="ru" href="{{RussianUrl}}">
            </head><body><article><h1>{{title}}</h1><p>{{body}}</p></article></body></html>
            """;
        var report = _engine.IngestPages([
            new PageFile("ru.html", Encoding.UTF8.GetBytes(Page("ru", "Заявление о переговорах", "Министерство заявило сегодня, что переговоры возобновятся на следующей неделе.", RussianUrl))),
            new PageFile("ar.html", Encoding.UTF8.GetBytes(Page("ar", "بيان حول المفاوضات", "أكدت الوزارة في بيان اليوم أن المفاوضات ستستأنف الأسبوع المقبل.", arabicUrl))),
        ]);
        Assert.Equal(2, report.Accepted);
        _engine.CatchUp();

        var russian = report.Items[0].Id!;
        var arabic = report.Items[1].Id!;
        Assert.Equal($"ar:{arabic}", VersionsOf(russian));
        Assert.Equal($"ru:{russian}", VersionsOf(arabic));
        var hit = Assert.Single(_engine.Search(new SearchRequest("المفاوضات")).Hits);
        Assert.Equal(("ar", "ru"), (hit.Lang, Assert.Single(hit.Versions).Lang));
    }
}
