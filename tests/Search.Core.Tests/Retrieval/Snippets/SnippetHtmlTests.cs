using System.Net;
using System.Text;
using Search.Core.Retrieval.Snippets;

namespace Search.Core.Tests.Retrieval.Snippets;

/// <summary>Snippets are escaped in place: the result must be what WebUtility.HtmlEncode gives for the same range.</summary>
public sealed class SnippetHtmlTests
{
    /// <summary>Every kind of character the escaping treats apart, with ordinary Arabic and Latin text around.</summary>
    private static readonly string[] Pieces =
    [
        "بيان", "السفارة", " ", "abc", "<", ">", "\"", "'", "&", "\u00A0", "é", "\u00FF", "\u0100", "\u009F",
        "\r", "\n", "\r\n", "\f", "\u0085", "\u2028", "\u2029", "\t", "😀", "\uD83D", "\uDE00", "\uFFFD", "٣",
    ];

    private static string Oracle(string range, bool flatten) =>
        WebUtility.HtmlEncode(flatten ? range.ReplaceLineEndings(" ") : range);

    private static string Escaped(string text, int start, int end, bool flatten)
    {
        var html = new StringBuilder();
        SnippetHtml.Append(html, text, start, end, flatten);
        return html.ToString();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Escapes_any_range_as_WebUtility_does(bool flatten)
    {
        var random = new Random(20261207);
        for (var round = 0; round < 2_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);

            Assert.Equal(Oracle(text[start..end], flatten), Escaped(text, start, end, flatten));
        }
    }

    [Fact]
    public void A_pair_cut_by_the_range_is_two_replacement_characters()
    {
        const string text = "a😀b";

        Assert.Equal("a\uFFFD", Escaped(text, 0, 2, flatten: true));
        Assert.Equal("\uFFFDb", Escaped(text, 2, 4, flatten: true));
        Assert.Equal("a&#128512;b", Escaped(text, 0, 4, flatten: true));
    }

    [Fact]
    public void Line_endings_are_flattened_only_when_asked()
    {
        const string text = "سطر\r\nثان\u2028<ثالث>";

        Assert.Equal("سطر ثان &lt;ثالث&gt;", Escaped(text, 0, text.Length, flatten: true));
        Assert.Equal("سطر\r\nثان\u2028&lt;ثالث&gt;", Escaped(text, 0, text.Length, flatten: false));
    }
}
