using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Pages;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest.Pages;

public class PageReaderTests
{
    private readonly PageReader _reader = new();

    private DocumentRecord ReadDocument(PageFile page)
    {
        var reading = _reader.Read(page);
        Assert.True(reading.Document is not null, $"{page.Name} refused: {reading.Refusal}");
        return reading.Document!;
    }

    [Theory]
    [MemberData(nameof(PageEncodingTests.Encodings), MemberType = typeof(PageEncodingTests))]
    public void A_text_page_reads_the_same_and_gets_the_same_id_in_every_encoding(string encoding, string detected)
    {
        var reading = _reader.Read(new PageFile("statement.txt", PageEncodingTests.Encode(StatementText, encoding)));
        var utf8 = ReadDocument(new PageFile("elsewhere/other-name.txt", Encoding.UTF8.GetBytes(StatementText)));

        Assert.Equal(detected, reading.Encoding);
        Assert.Equal(utf8, reading.Document);
        Assert.Equal((Title, (DateOnly?)Date, Publisher), (utf8.Title, utf8.Date, utf8.Source));
    }

    [Fact]
    public void An_html_page_in_windows_1256_that_declares_it_is_read()
    {
        var html = Html(articleHeader: $"<h1>{HtmlTitle}</h1><time datetime=\"2022-03-14\">١٤ مارس ٢٠٢٢</time>")
            .Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">");
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(html);

        var reading = _reader.Read(new PageFile("old-site/news.htm", bytes));

        Assert.Equal("windows-1256", reading.Encoding);
        Assert.Equal(HtmlTitle, reading.Document!.Title);
        Assert.Contains(HtmlFirstParagraph, reading.Document.Body);
    }

    [Fact]
    public void Tells_html_from_text_by_content_when_the_name_does_not()
    {
        var html = ReadDocument(new PageFile("upload", Encoding.UTF8.GetBytes(Html(articleHeader: $"<h1>{HtmlTitle}</h1>"))));
        var text = ReadDocument(new PageFile("upload", Encoding.UTF8.GetBytes(StatementText)));

        Assert.Equal(HtmlTitle, html.Title);
        Assert.Equal(Title, text.Title);
    }

    [Fact]
    public void A_page_with_an_address_is_identified_by_it_and_keeps_it()
    {
        const string url = "https://example.org/culture/book-fair-25";
        var head = $"<link rel=\"canonical\" href=\"{url}\">";
        var first = ReadDocument(new PageFile("a.html", Encoding.UTF8.GetBytes(Html(head, $"<h1>{HtmlTitle}</h1>"))));
        var updated = ReadDocument(new PageFile("b.html", Encoding.UTF8.GetBytes(Html(head, "<h1>عنوان معدل</h1>"))));
        var given = ReadDocument(new PageFile("c.txt", Encoding.UTF8.GetBytes(StatementText), Url: url));

        Assert.Equal(PageIds.FromUrl(url), first.Id);
        Assert.Equal(first.Id, updated.Id);
        Assert.Equal(first.Id, given.Id);
        Assert.Equal(url, first.Url);
    }

    [Fact]
    public void A_page_without_an_address_is_identified_by_its_content()
    {
        var one = ReadDocument(new PageFile("a.txt", Encoding.UTF8.GetBytes(StatementText)));
        var sameUnderAnotherName = ReadDocument(new PageFile("x/y/z.txt", Encoding.UTF8.GetBytes(StatementText.Replace("\n", "\r\n"))));
        var another = ReadDocument(new PageFile("a.txt", Encoding.UTF8.GetBytes(StatementText.Replace("الطاقة", "المياه"))));

        Assert.Equal(one.Id, sameUnderAnotherName.Id);
        Assert.NotEqual(one.Id, another.Id);
        Assert.Null(one.Url);
    }

    [Fact]
    public void A_given_id_wins_and_the_host_of_a_given_address_is_the_publisher_when_the_page_names_none()
    {
        var page = ReadDocument(new PageFile("a.txt", Encoding.UTF8.GetBytes($"{Title}\n{FirstParagraph}"), Url: "https://www.example.org/1", Id: "chosen-1"));

        Assert.Equal("chosen-1", page.Id);
        Assert.Equal("example.org", page.Source);
    }

    [Fact]
    public void A_page_without_a_date_is_kept_undated()
    {
        var page = ReadDocument(new PageFile("a.txt", Encoding.UTF8.GetBytes($"{Title}\nتستمر المشاورات بين الجانبين دون تحديد موعد.")));

        Assert.Null(page.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("Ru En\nالرئيسية\nشارك\n© 2022 جميع الحقوق محفوظة")]
    [InlineData("<html><body><nav><a href='/'>الرئيسية</a></nav><script>var x = 1;</script></body></html>")]
    public void A_page_without_article_text_is_refused_with_the_reason(string content)
    {
        var reading = _reader.Read(new PageFile("empty.html", Encoding.UTF8.GetBytes(content)));

        Assert.Null(reading.Document);
        Assert.Equal("no article text was found in the page", reading.Refusal);
    }

    [Fact]
    public void A_page_over_the_body_limit_is_refused()
    {
        var reader = new PageReader(DocumentLimits.Default with { MaxBodyChars = 50 });

        var reading = reader.Read(new PageFile("long.txt", Encoding.UTF8.GetBytes(StatementText)));

        Assert.Null(reading.Document);
        Assert.Contains("50", reading.Refusal);
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("a.HTML", true)]
    [InlineData("dir/a.htm", true)]
    [InlineData("a.jsonl", false)]
    [InlineData("a.txt.tmp", false)]
    public void Knows_page_files_by_their_extension(string name, bool isPage)
    {
        Assert.Equal(isPage, PageReader.IsPage(name));
    }
}
