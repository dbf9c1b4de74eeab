using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Languages;

/// <summary>
/// Statements in several languages through the engine's door, on a real archive and index: each is
/// detected (no <c>lang</c> given), indexed in its language's fields, and found by a query analysed
/// once for each language the index holds; the <c>lang</c> filter and facet; hits say their language.
/// </summary>
public sealed class MultilingualSearchTests : IDisposable
{
    private static readonly DocumentRecord[] Documents =
    [
        new("ar-1", "بيان وزارة الخارجية", new DateOnly(2021, 7, 27), "أصدر وزير الخارجية بيانا حول اتفاق وقف إطلاق النار وجائحة COVID.", "وكالة"),
        new("en-1", "Statement of the Ministry", new DateOnly(2021, 7, 27), "The minister issued a statement on the ceasefire agreement and the COVID pandemic.", "agency"),
        new("ru-1", "Заявление министерства", new DateOnly(2021, 7, 28), "Министр сделал заявление о соглашении о прекращении огня.", "агентство"),
        new("fr-1", "Communiqué du ministère", new DateOnly(2021, 7, 29), "Le ministre a publié un communiqué sur l'accord de cessez-le-feu.", "agence"),
        new("de-1", "Erklärung des Ministeriums", new DateOnly(2021, 7, 30), "Der Minister gab eine Erklärung zum Waffenstillstand ab.", "Agentur"),
    ];

    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public MultilingualSearchTests() => _engine = _folder.OpenEngineWith(Documents);

    public void Dispose() => _folder.Dispose();

    private string Ids(SearchRequest request) => string.Join(' ', _engine.Search(request).Hits.Select(h => h.Id).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("statements", "en-1")]
    [InlineData("Ministry's", "en-1")]
    [InlineData("заявлению", "ru-1")]
    [InlineData("министерству", "ru-1")]
    [InlineData("accords", "fr-1")]
    [InlineData("l'accord", "fr-1")]
    [InlineData("ministere", "fr-1")]
    [InlineData("ministers", "en-1")]
    [InlineData("الوزير", "ar-1")]
    [InlineData("للوزير", "ar-1")]
    [InlineData("erklarung", "de-1")]
    [InlineData("COVID", "ar-1 en-1")]
    [InlineData("\"ceasefire agreement\"", "en-1")]
    public void A_query_finds_each_document_in_its_own_languages_analysis(string query, string expected) =>
        Assert.Equal(expected, Ids(new SearchRequest(query)));

    [Theory]
    [InlineData("COVID", "en", "en-1")]
    [InlineData("COVID", "ar", "ar-1")]
    [InlineData("statements", "fr", "")]
    [InlineData("", "ru", "ru-1")]
    public void The_lang_filter_keeps_one_language_and_analyses_the_query_for_it_alone(string query, string lang, string expected) =>
        Assert.Equal(expected, Ids(new SearchRequest(query, Lang: lang)));

    [Fact]
    public void An_exclusion_excludes_in_every_language()
    {
        Assert.Equal("ar-1 de-1 fr-1 ru-1", Ids(new SearchRequest("-statement")));
        Assert.Equal("de-1 en-1 fr-1 ru-1", Ids(new SearchRequest("-الوزير")));
    }

    [Fact]
    public void Hits_and_the_language_facet_say_each_documents_language()
    {
        var result = _engine.Search(new SearchRequest(Size: 10));

        Assert.Equal(["ar", "de", "en", "fr", "ru"], result.Facets.Languages.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.All(result.Facets.Languages, bucket => Assert.Equal(1, bucket.Count));
        Assert.Equal(Documents.Select(d => d.Id[..2]).Order(StringComparer.Ordinal), result.Hits.Select(h => h.Lang!).Order(StringComparer.Ordinal));
        Assert.Equal("en", _engine.Get("en-1")!.Lang);
    }

    [Fact]
    public void A_snippet_marks_the_words_as_written_in_their_own_language()
    {
        var hit = Assert.Single(_engine.Search(new SearchRequest("statements")).Hits);

        Assert.Contains("<mark>statement</mark>", hit.Snippet);
        var russian = Assert.Single(_engine.Search(new SearchRequest("заявлению")).Hits);
        Assert.Contains("<mark>заявление</mark>", russian.Snippet);
    }
}
