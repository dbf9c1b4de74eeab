using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>Snippets are HTML: the body escaped, the matches in <c>&lt;mark&gt;</c>, found through Arabic normalisation.</summary>
public sealed class SnippetTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    /// <summary>Stores a statement with a unique word after the body, and finds it by that word and the query.</summary>
    private async Task<SearchHit> PostAndFindAsync(string body, string query)
    {
        var id = Statements.UniqueId("snip");
        var word = Statements.UniqueWord();
        await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, $"{body} {word}")], wait: true)).ReadAcceptedAsync();
        var result = await factory.CreateApi().SearchAsync(new SearchQuery { Q = $"+{word} {query}" });
        return Assert.Single(result.Hits, h => h.Id == id);
    }

    [Fact]
    public async Task Marks_the_matching_word()
    {
        var hit = await PostAndFindAsync("أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة في المدارس.", "تطعيم");

        Assert.Contains("<mark>تطعيم</mark>", hit.Snippet);
    }

    [Fact]
    public async Task Escapes_markup_in_the_body()
    {
        var hit = await PostAndFindAsync(
            "بيان الوزارة <script>alert(1)</script> ثم <img src=x onerror=alert(1)> وأيضا \"اقتباس\" & رمز",
            "الوزارة");

        Assert.Contains("<mark>", hit.Snippet);
        Assert.DoesNotContain("<script", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", hit.Snippet);
        Assert.Contains("&lt;img", hit.Snippet);
        Assert.DoesNotContain(" & ", hit.Snippet);
        var tags = System.Text.RegularExpressions.Regex.Matches(hit.Snippet, "<[^>]*>").Select(m => m.Value).Distinct().Order();
        Assert.Equal(["</mark>", "<mark>"], tags);
    }

    [Fact]
    public async Task Escapes_markup_when_only_the_title_matches()
    {
        // Nothing in the body matches: the snippet is the start of the body, still escaped.
        var id = Statements.UniqueId("snip");
        var word = Statements.UniqueWord();
        var document = Statements.Doc(id, "<script>alert(1)</script> <img src=x onerror=alert(1)> نص البيان", title: $"عنوان {word}");
        await (await factory.CreateClient().PostNdjsonAsync([document], wait: true)).ReadAcceptedAsync();

        var hit = Assert.Single((await factory.CreateApi().SearchAsync(new SearchQuery { Q = word })).Hits);

        Assert.Equal(id, hit.Id);
        Assert.DoesNotContain("<script", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("&lt;script&gt;", hit.Snippet);
    }

    [Fact]
    public async Task A_query_with_hamza_and_taa_marbuta_marks_the_word_spelled_without()
    {
        var hit = await PostAndFindAsync("ناقشت الحكومة مع الشركات الامريكيه خطة الاستثمار في الطاقة.", "الأمريكية");

        Assert.Contains("<mark>الامريكيه</mark>", hit.Snippet);
    }

    [Fact]
    public async Task A_word_with_diacritics_and_tatweel_is_found_and_marked_as_written()
    {
        var hit = await PostAndFindAsync("قال الوزيـــر إن المُفاوَضات ستستمر.", "المفاوضات");

        Assert.Contains("<mark>المُفاوَضات</mark>", hit.Snippet);
    }

    [Fact]
    public async Task A_long_body_is_cut_around_the_match()
    {
        var filler = string.Concat(Enumerable.Repeat("كلام عادي لا علاقة له بالبحث ", 60));
        var hit = await PostAndFindAsync($"{filler} وفي الختام أعلن المتحدث عن الاتفاقية الجديدة. {filler}", "الاتفاقية");

        Assert.Contains("<mark>الاتفاقية</mark>", hit.Snippet);
        Assert.StartsWith("…", hit.Snippet);
        Assert.EndsWith("…", hit.Snippet);
        Assert.True(hit.Snippet.Length < 400, $"snippet of {hit.Snippet.Length} characters");
    }

    [Fact]
    public async Task A_highlighted_document_has_every_match_of_its_whole_body_marked_and_escaped()
    {
        var id = Statements.UniqueId("mark");
        var filler = string.Concat(Enumerable.Repeat("كلام عادي لا علاقة له بالبحث ", 40));
        var body = $"أعلنت الوزارة <script>alert(1)</script> الاتفاقية.\n{filler}\nووقعت الاتفاقيه أمس.";
        await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, body, title: "نص الاتفاقية")], wait: true)).ReadAcceptedAsync();

        var highlighted = await factory.CreateApi().GetHighlightedDocumentAsync(id, "الاتفاقية");

        Assert.Equal(id, highlighted.Document.Id);
        Assert.Equal(body, highlighted.Document.Body);
        Assert.Equal("نص <mark>الاتفاقية</mark>", highlighted.TitleHtml);
        Assert.Equal(2, highlighted.BodyHtml.Split("<mark>").Length - 1);
        Assert.Contains("<mark>الاتفاقيه</mark>", highlighted.BodyHtml);
        Assert.Contains("&lt;script&gt;", highlighted.BodyHtml);
        Assert.Equal(3, highlighted.BodyHtml.Split('\n').Length);
    }

    [Fact]
    public async Task A_highlighted_document_answers_a_query_it_cannot_read_with_a_problem_on_q()
    {
        var id = Statements.UniqueId("mark");
        await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, "نص")], wait: true)).ReadAcceptedAsync();

        var response = await factory.CreateClient().GetAsync($"/api/documents/{id}/highlighted?q=%22abc");
        var missing = await factory.CreateClient().GetAsync("/api/documents/no-such-document/highlighted?q=x");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }
}
