using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval.Snippets;

namespace Search.Core.Tests.Retrieval.Snippets;

public sealed partial class SnippetBuilderTests : IDisposable
{
    private const string Ellipsis = "…";
    private readonly Analyzer _analyzer = ArabicSearchAnalyzer.Create();
    private readonly SnippetBuilder _snippets;

    public SnippetBuilderTests() => _snippets = new SnippetBuilder(_analyzer);

    public void Dispose() => _analyzer.Dispose();

    /// <summary>Builds the snippet the way a search does: the query's highlight terms come from the query builder.</summary>
    private string Snippet(string body, string query) =>
        _snippets.Build(body, new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse(query)).HighlightTerms);

    private static IEnumerable<string> Marked(string snippet) =>
        MarkPattern().Matches(snippet).Select(m => m.Groups[1].Value);

    private static string WithoutMarks(string snippet) => snippet.Replace("<mark>", "").Replace("</mark>", "");

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkPattern();

    [Fact]
    public void Marks_the_matched_words_and_keeps_a_short_body_whole()
    {
        const string body = "أصدرت السفارة الأمريكية بيانا حول الانتخابات.";

        var snippet = Snippet(body, "السفارة الانتخابات");

        Assert.Equal("أصدرت <mark>السفارة</mark> الأمريكية بيانا حول <mark>الانتخابات</mark>.", snippet);
    }

    [Fact]
    public void Marks_the_word_as_written_in_the_body_when_found_through_normalisation()
    {
        const string body = "ناقشت الحكومة مع الشركات الامريكيه خطة الاستثمار.";

        var snippet = Snippet(body, "الأمريكية");

        Assert.Equal(["الامريكيه"], Marked(snippet));
        Assert.Equal(body, WithoutMarks(snippet));
    }

    [Fact]
    public void Marks_the_words_of_a_phrase_and_not_excluded_words()
    {
        var snippet = Snippet("قال وزير الخارجية إن وزير الدفاع سيحضر.", "\"وزير الخارجية\" -الدفاع");

        Assert.Equal(["وزير", "الخارجية", "وزير"], Marked(snippet));
    }

    [Fact]
    public void Escapes_html_in_the_body_so_only_its_own_marks_are_tags()
    {
        const string body = "تحذير: <script>alert(1)</script> & \"اقتباس\" من الموقع";

        var snippet = Snippet(body, "script تحذير");

        Assert.Contains("&lt;", snippet);
        Assert.Contains("&amp;", snippet);
        Assert.Contains("&quot;", snippet);
        Assert.DoesNotContain("<script", snippet);
        Assert.DoesNotContain("</script", snippet);
        Assert.Equal(["تحذير", "script", "script"], Marked(snippet));
        var tags = Regex.Matches(snippet, "<[^>]*>").Select(m => m.Value).Distinct();
        Assert.Equal(["<mark>", "</mark>"], tags);
        Assert.Equal(System.Net.WebUtility.HtmlEncode(body), WithoutMarks(snippet));
    }

    [Fact]
    public void Escapes_a_body_without_matches_too()
    {
        var snippet = Snippet("<b>عنوان</b> نص", "البرتقال");

        Assert.Equal("&lt;b&gt;عنوان&lt;/b&gt; نص", snippet);
    }

    [Fact]
    public void Cuts_a_long_body_around_the_match()
    {
        var before = string.Concat(Enumerable.Repeat("هذه جملة تمهيدية لا علاقة لها بالموضوع. ", 40));
        var after = string.Concat(Enumerable.Repeat("وهذه جملة ختامية طويلة بعد الخبر. ", 40));
        var body = before + "وأعلنت الوزارة افتتاح مستشفى جديد في المدينة. " + after;

        var snippet = Snippet(body, "مستشفى");

        Assert.StartsWith(Ellipsis, snippet);
        Assert.EndsWith(Ellipsis, snippet);
        Assert.Equal(["مستشفى"], Marked(snippet));
        var text = WithoutMarks(snippet).Trim(Ellipsis[0]);
        Assert.InRange(text.Length, 100, 300);
        Assert.Contains(text, body);
    }

    [Fact]
    public void Prefers_the_passage_with_the_most_distinct_query_words()
    {
        var filler = string.Concat(Enumerable.Repeat("كلام عام لا يحمل أي معلومة مفيدة للقارئ. ", 30));
        var body = "الوزارة تعلن. " + filler + "أكدت الوزارة أن المستشفى سيفتتح قريبا. " + filler;

        var snippet = Snippet(body, "الوزارة المستشفى");

        Assert.Contains("<mark>المستشفى</mark>", snippet);
        Assert.Contains("<mark>الوزارة</mark>", snippet);
        Assert.StartsWith(Ellipsis, snippet);
    }

    [Theory]
    [InlineData("البرتقال")]
    [InlineData("")]
    [InlineData("في")]
    public void Without_a_match_gives_the_beginning_of_the_body_unmarked(string query)
    {
        var body = string.Concat(Enumerable.Repeat("نص البيان الرسمي الصادر اليوم عن المكتب الإعلامي. ", 30));

        var snippet = Snippet(body, query);

        Assert.DoesNotContain("<mark>", snippet);
        Assert.StartsWith("نص البيان الرسمي", snippet);
        Assert.EndsWith(Ellipsis, snippet);
        Assert.InRange(snippet.Length, 100, 300);
        Assert.StartsWith(snippet.TrimEnd(Ellipsis[0]), body);
    }

    [Fact]
    public void Flattens_line_breaks_to_spaces()
    {
        var snippet = Snippet("السطر الأول\nالسطر الثاني\r\nالسطر الثالث", "الثاني");

        Assert.DoesNotContain('\n', snippet);
        Assert.DoesNotContain('\r', snippet);
        Assert.Contains("<mark>الثاني</mark>", snippet);
    }

    private string MarkAll(string text, string query) =>
        _snippets.MarkAll(text, new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse(query)).HighlightTerms);

    [Fact]
    public void MarkAll_marks_every_match_of_a_long_text_and_keeps_it_whole()
    {
        var filler = string.Concat(Enumerable.Repeat("كلام عادي لا علاقة له بالبحث ", 40));
        var text = $"الاتفاقية أولا. {filler}ثم الاتفاقيه في الوسط. {filler}والاتفاقية في الآخر.";

        var marked = MarkAll(text, "الاتفاقية");

        Assert.Equal(3, Marked(marked).Count());
        Assert.Equal(text, WithoutMarks(marked));
        Assert.DoesNotContain(Ellipsis, marked);
    }

    [Fact]
    public void MarkAll_keeps_paragraphs_as_line_feeds_and_escapes_markup()
    {
        var marked = MarkAll("الفقرة الأولى <script>alert(1)</script>\r\nالفقرة الثانية & <img src=x onerror=alert(1)>", "الثانية");

        Assert.Equal(
            "الفقرة الأولى &lt;script&gt;alert(1)&lt;/script&gt;\nالفقرة <mark>الثانية</mark> &amp; &lt;img src=x onerror=alert(1)&gt;",
            marked);
    }

    [Fact]
    public void MarkAll_without_terms_is_the_escaped_text()
    {
        Assert.Equal("نص &quot;البيان&quot;\nسطر", _snippets.MarkAll("نص \"البيان\"\nسطر", new HashSet<string>()));
    }
}
