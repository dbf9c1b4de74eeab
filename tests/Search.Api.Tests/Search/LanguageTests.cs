using System.Net;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>
/// Statements in Arabic, English, Russian and French through HTTP: sent without <c>lang</c>, found by
/// inflected forms in their own language, filtered and counted by <c>lang</c>, and their versions
/// linked both ways on the document and on the hit.
/// </summary>
public sealed class LanguageTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static ArchiveDocument Doc(string id, string title, string body, IReadOnlyList<TranslationLink>? translations = null) =>
        new(id, title, "2021-07-27", body, "ministry", null, null, null, translations);

    private async Task<(string Word, string Arabic, string English, string Russian)> PostStatementAsync()
    {
        var word = Statements.UniqueWord();
        var (ar, en, ru) = (Statements.UniqueId("ar"), Statements.UniqueId("en"), Statements.UniqueId("ru"));
        await (await factory.CreateClient().PostNdjsonAsync([
            Doc(en, "Statement on the talks", $"The ministry issued statements today on the talks {word}."),
            Doc(ru, "Заявление о переговорах", $"Министерство сделало заявление о переговорах {word}.", [new TranslationLink("en", en, null)]),
            Doc(ar, "بيان حول المفاوضات", $"أصدرت الوزارة بيانا حول المفاوضات {word}.", [new TranslationLink(null, ru, null)]),
        ], wait: true)).ReadAcceptedAsync();
        return (word, ar, en, ru);
    }

    [Fact]
    public async Task Each_language_is_detected_filtered_counted_and_found_by_its_inflected_forms()
    {
        var (word, ar, en, ru) = await PostStatementAsync();
        var api = factory.CreateApi();

        var all = await api.SearchAsync(new SearchQuery { Q = word });
        var english = await api.SearchAsync(new SearchQuery { Q = $"statement {word}", Lang = "EN" });
        var russian = await api.SearchAsync(new SearchQuery { Q = "заявлению" });

        Assert.Equal(3, all.Total);
        Assert.Equal(["ar", "en", "ru"], all.Facets.Lang!.Select(b => b.Key).Order());
        Assert.Equal(en, Assert.Single(english.Hits).Id);
        Assert.Equal("en", english.Hits[0].Lang);
        Assert.Contains(russian.Hits, hit => hit.Id == ru && hit.Lang == "ru");
        Assert.Equal(["en", "ru"], all.Hits.Single(h => h.Id == ar).Versions!.Select(v => v.Lang).Order());
    }

    [Fact]
    public async Task A_document_lists_its_versions_both_ways()
    {
        var (_, ar, en, ru) = await PostStatementAsync();
        var api = factory.CreateApi();

        var english = await api.GetDocumentAsync(en);
        var arabic = await api.GetDocumentAsync(ar);

        Assert.Equal("en", english.Lang);
        Assert.Equal([(ar, "ar"), (ru, "ru")], english.Versions!.Select(v => (v.Id, v.Lang)).Order());
        Assert.Equal([(en, "en"), (ru, "ru")], arabic.Versions!.Select(v => (v.Id, v.Lang)).Order());
        Assert.Equal(ru, Assert.Single(arabic.Translations!).Id);
    }

    [Theory]
    [InlineData("lang=not%20a%20language")]
    [InlineData("lang=12")]
    public async Task A_lang_that_names_no_language_is_a_problem_naming_the_parameter(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/api/search?{query}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task Translations_that_are_not_a_list_of_versions_refuse_the_document_and_say_why()
    {
        var response = await factory.CreateClient().PostNdjsonAsync("""{"id": "t-bad", "body": "نص", "translations": 42}""" + "\n");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("translations", problem);
    }
}
