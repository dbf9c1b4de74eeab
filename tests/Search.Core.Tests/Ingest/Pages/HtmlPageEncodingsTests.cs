using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Pages;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest.Pages;

/// <summary>
/// An HTML page saved in any of the encodings Arabic sites use, declaring it as saved pages do,
/// reads as the same document as in UTF-8, with its site menu left out.
/// </summary>
public class HtmlPageEncodingsTests
{
    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    /// <summary>A ministry's page: a bar of links and a menu list whose sections are in no word list, the statement, a footer.</summary>
    private static string MinistryPage(string charset) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head>
        <meta http-equiv="Content-Type" content="text/html; charset={charset}">
        <title>{HtmlTitle} | وزارة الثقافة</title></head>
        <body>
        <div class="top"><a href="/">الرئيسية</a> <a href="/about">عن الوزارة</a> <a href="/media">المركز الإعلامي</a></div>
        <ul><li><a href="/">الرئيسية</a></li><li><a href="/statements">البيانات الصحفية</a></li><li><a href="/minister">الوزير</a></li></ul>
        <h1>{HtmlTitle}</h1>
        <p>الاثنين ١٤ مارس ٢٠٢٢</p>
        <p>{HtmlFirstParagraph}</p>
        <p>{HtmlLastParagraph}</p>
        <div class="bottom">جميع الحقوق محفوظة © ٢٠٢٢</div>
        </body></html>
        """;

    private static DocumentRecord Read(byte[] bytes)
    {
        var reading = new PageReader().Read(new PageFile("news.html", bytes));
        Assert.True(reading.Document is not null, reading.Refusal);
        return reading.Document!;
    }

    [Theory]
    [MemberData(nameof(PageEncodingTests.Encodings), MemberType = typeof(PageEncodingTests))]
    public void A_page_reads_as_the_same_document_in_every_encoding_without_its_menu(string encoding, string declared)
    {
        var page = Read(PageEncodingTests.Encode(MinistryPage(declared), encoding));
        var utf8 = Read(PageEncodingTests.Encode(MinistryPage("utf-8"), "utf-8"));

        // Windows-1256 has no Arabic-Indic digits: an encoder writes them as ASCII ones, which read the same.
        Assert.Equal((utf8.Title, utf8.Date, utf8.Body, utf8.Source), (page.Title, page.Date, page.Body, page.Source));
        Assert.Equal(utf8.Id, page.Id);
        Assert.Equal($"{HtmlFirstParagraph}\n{HtmlLastParagraph}", page.Body);
        foreach (var menu in (string[])["الرئيسية", "عن الوزارة", "المركز الإعلامي", "البيانات الصحفية", "الوزير", "محفوظة"])
            Assert.DoesNotContain(menu, page.Body);
    }

    [Fact]
    public void A_page_in_windows_1256_labelled_utf_16_is_read_as_windows_1256()
    {
        // A page whose markup reads as ASCII cannot be in UTF-16, whatever it says (as browsers read it).
        var page = Read(Windows1256.GetBytes(MinistryPage("utf-16")));

        Assert.Equal(HtmlTitle, page.Title);
        Assert.Equal($"{HtmlFirstParagraph}\n{HtmlLastParagraph}", page.Body);
    }

    [Fact]
    public void Links_alone_inside_the_article_go_but_a_list_of_text_and_a_sentence_with_links_stay()
    {
        var page = HtmlPageReader.Read($"""
            <html><body><article><h1>{HtmlTitle}</h1><p>{HtmlFirstParagraph}</p>
            <ul><li>ندوات فكرية يومية</li><li>أمسيات شعرية</li></ul>
            <ol><li><a href="/a">خبر آخر عن المعرض</a></li><li><a href="/b">خبر عن الكتاب</a></li></ol>
            <p>وشارك في الافتتاح <a href="/p/1">وزير الثقافة</a> و<a href="/p/2">رئيس اتحاد الناشرين</a>.</p>
            <p>{HtmlLastParagraph}</p></article></body></html>
            """);

        Assert.Equal($"{HtmlFirstParagraph}\nندوات فكرية يومية\nأمسيات شعرية\nوشارك في الافتتاح وزير الثقافة ورئيس اتحاد الناشرين.\n{HtmlLastParagraph}", page.Body);
    }
}
