using Search.Core.Ingest.Pages;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest.Pages;

/// <summary>
/// The depth of open elements the HTML parser reaches, as <see cref="HtmlNesting"/> finds it: markup
/// built to nest deep is caught however it is written, and ordinary markup, however sloppy, is not.
/// </summary>
public class HtmlNestingTests
{
    private const int Limit = PageGuards.MaxDepth;

    private static string Body(string inner, int times) => "<html><body>" + string.Concat(Enumerable.Repeat(inner, times)) + "<p>نص البيان</p></body></html>";

    public static TheoryData<string, string> Deep => new()
    {
        { "30,000 <div/> (HTML ignores the slash)", Body("<div/>", 30_000) },
        { "nested divs", Body("<div>", 5_000) },
        { "unclosed spans", Body("<span>", 5_000) },
        { "unclosed fonts in a row", Body("<font size=2>سطر<br>", 5_000) },
        { "an inline end tag past a block is ignored", Body("<span><div/></span>", 3_000) },
        { "a formatting end tag past a block", Body("<b><div></b>", 3_000) },
        { "nested lists", Body("<ul><li>", 3_000) },
        { "nested tables", Body("<table><tr><td>", 1_000) },
        { "links with a block between", Body("<a href=x><div>", 3_000) },
        { "self-closing tags after the svg is closed", "<html><body><svg></svg>" + string.Concat(Enumerable.Repeat("<div/>", 3_000)) + "</body></html>" },
    };

    [Theory]
    [MemberData(nameof(Deep))]
    public void Markup_that_nests_deep_is_caught(string what, string html)
    {
        Assert.True(HtmlNesting.Deepest(html, Limit) > Limit, what);
        Assert.NotNull(PageGuards.TooDeep(html));
    }

    public static TheoryData<string, string> Shallow => new()
    {
        { "an article page", Html(articleHeader: $"<h1>{HtmlTitle}</h1>") },
        { "comments", Body("<!-- <div> <span> -->", 10_000) },
        { "conditional comments and doctypes", "<!DOCTYPE html>" + Body("<!--[if IE]><div><![endif]--><![CDATA[<div>]]>", 5_000) },
        { "unclosed fonts in paragraphs", Body("<p><font face=\"Arial\" size=2>فقرة من البيان", 10_000) },
        { "unclosed fonts in closed paragraphs", Body("<p><font size=2><b>فقرة</p>", 10_000) },
        { "unclosed fonts in table cells", "<table>" + string.Concat(Enumerable.Repeat("<tr><td><font size=2>خلية<td><font>خلية", 5_000)) + "</table>" },
        { "unclosed list items", Body("<ul><li><font>بند<li>بند</ul>", 5_000) },
        { "void elements written with and without a slash", Body("<br><br/><img src=x><hr/><meta charset=utf-8><input>", 5_000) },
        { "self-closing shapes in svg", "<html><body><svg>" + string.Concat(Enumerable.Repeat("<path d='M0'/><circle r='1'/>", 5_000)) + "</svg></body></html>" },
        { "tags in scripts and styles", "<html><head><style>" + string.Concat(Enumerable.Repeat("div>p{}", 5_000)) + "</style></head><body><script>" + string.Concat(Enumerable.Repeat("document.write('<div>');", 5_000)) + "</script></body></html>" },
        { "a '>' inside a quoted attribute", Body("<div title=\"a > b\"></div>", 5_000) },
        { "links in a row", Body("<a href=x>رابط", 5_000) },
        { "headings that close each other", Body("<h2>عنوان<h3>عنوان فرعي", 5_000) },
    };

    [Theory]
    [MemberData(nameof(Shallow))]
    public void Ordinary_markup_however_sloppy_is_not(string what, string html)
    {
        var depth = HtmlNesting.Deepest(html, Limit);

        Assert.True(depth <= 20, $"{what}: {depth}");
        Assert.Null(PageGuards.TooDeep(html));
    }

    [Fact]
    public void Counts_the_depth_the_parser_reaches()
    {
        Assert.Equal(5, HtmlNesting.Deepest("<html><body><div><p>نص <b>غامق</b></p></div></body></html>", Limit));
        Assert.Equal(3, HtmlNesting.Deepest("<div><div/><span>", Limit));
        Assert.Equal(0, HtmlNesting.Deepest("نص بلا وسوم < 3 و 4 > 2", Limit));
    }
}
