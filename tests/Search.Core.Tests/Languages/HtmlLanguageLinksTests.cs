using AngleSharp.Html.Parser;
using Search.Core.Languages;

namespace Search.Core.Tests.Languages;

public class HtmlLanguageLinksTests
{
    private const string Page = "https://example.org/ar/news/2021/statement-12";

    private static PageLanguages Read(string html, string? url = Page) =>
        HtmlLanguageLinks.Read(new HtmlParser().ParseDocument(html), url);

    private static string Versions(PageLanguages page) => string.Join(" ", page.Versions.Select(v => $"{v.Lang}={v.Target}"));

    [Fact]
    public void Reads_alternate_links_without_the_page_itself_and_x_default()
    {
        var page = Read("""
            <html lang="ar"><head>
            <link rel="alternate" hreflang="ar" href="https://example.org/ar/news/2021/statement-12">
            <link rel="alternate" hreflang="en-GB" href="https://example.org/en/news/2021/statement-12">
            <link rel="alternate" hreflang="ru" href="/ru/news/2021/statement-12">
            <link rel="alternate" hreflang="x-default" href="https://example.org/">
            </head><body><p>نص البيان</p></body></html>
            """);

        Assert.Equal("ar", page.Declared);
        Assert.Equal("en=https://example.org/en/news/2021/statement-12 ru=https://example.org/ru/news/2021/statement-12", Versions(page));
    }

    [Fact]
    public void Reads_a_language_switch_by_the_names_of_its_links()
    {
        var page = Read("""
            <html lang="ru"><body>
            <nav><a href="/en/press/12">English</a> | <a href="/ru/press/12">Русский</a> | <a href="/fr/press/12">Français</a>
            | <a href="/ar/press/12">العربية</a></nav>
            <h1>Заявление</h1><p>Текст заявления.</p><a href="/ru/press/">Все заявления</a></body></html>
            """, "https://example.org/ru/press/12");

        Assert.Equal("ru", page.Declared);
        Assert.Equal("en=https://example.org/en/press/12 fr=https://example.org/fr/press/12 ar=https://example.org/ar/press/12", Versions(page));
    }

    [Fact]
    public void Reads_the_ru_en_switch_above_an_arabic_statement()
    {
        var page = Read("""
            <html><head><meta property="og:locale" content="ar_AR"></head><body>
            <div class="lang"><a href="https://example.org/ru/statements/7">Ru</a> <a href="https://example.org/en/statements/7">En</a></div>
            <h1>بيان</h1><p>نص البيان.</p></body></html>
            """, "https://example.org/ar/statements/7");

        Assert.Equal("ar", page.Declared);
        Assert.Equal("ru=https://example.org/ru/statements/7 en=https://example.org/en/statements/7", Versions(page));
    }

    [Fact]
    public void Reads_switch_links_marked_with_hreflang_or_lang_whatever_their_text()
    {
        var page = Read("""
            <html><head><meta http-equiv="Content-Language" content="fr, en"></head><body>
            <a hreflang="en" href="/en/communique-3"><img alt="" src="/flags/gb.png"></a>
            <a lang="ar" href="/ar/communique-3">ع</a>
            <p>Le texte du communiqué.</p></body></html>
            """, "https://example.org/fr/communique-3");

        Assert.Equal("fr", page.Declared);
        Assert.Equal("en=https://example.org/en/communique-3 ar=https://example.org/ar/communique-3", Versions(page));
    }

    [Fact]
    public void Alternate_links_come_before_a_switch_for_the_same_language()
    {
        var page = Read("""
            <html lang="ar"><head><link rel="alternate" hreflang="en" href="https://example.org/en/statement-12"></head>
            <body><a href="/en/">English</a><a href="https://example.org/english/statement-12-copy">English</a><p>نص</p></body></html>
            """);

        Assert.Equal("en=https://example.org/en/statement-12", Versions(page));
    }

    [Theory]
    [InlineData("""<a href="/en/">English</a>""")]
    [InlineData("""<a href="https://example.org/en/index.html">English</a>""")]
    [InlineData("""<a href="/?lang=en">English</a>""")]
    [InlineData("""<a href="#en">English</a>""")]
    [InlineData("""<a href="javascript:setLang('en')">English</a>""")]
    [InlineData("""<a href="mailto:press@example.org">English</a>""")]
    [InlineData("""<a href="/ar/news/2021/statement-12">English</a>""")]
    [InlineData("""<a href="/ar/other-statement">العربية</a>""")]
    [InlineData("""<a href="/en/news/12">Read more</a>""")]
    public void Leaves_out_home_pages_the_page_itself_its_own_language_and_links_that_are_no_address(string link) =>
        Assert.Empty(Read($"""<html lang="ar"><body>{link}<p>نص</p></body></html>""").Versions);

    [Fact]
    public void Keeps_a_version_told_by_its_parameters()
    {
        var page = Read("""<html lang="ar"><body><a href="/news.php?id=12&lang=en">EN</a><p>نص</p></body></html>""", "https://example.org/news.php?id=12&lang=ar");

        Assert.Equal("en=https://example.org/news.php?id=12&lang=en", Versions(page));
    }

    [Fact]
    public void Resolves_against_the_base_element_and_needs_an_address_for_relative_links()
    {
        const string html = """<html lang="en"><head>{0}</head><body><a href="ru/12">Русский</a><p>Text</p></body></html>""";

        Assert.Equal("ru=https://example.org/press/ru/12", Versions(Read(string.Format(html, """<base href="https://example.org/press/">"""), null)));
        Assert.Empty(Read(string.Format(html, ""), null).Versions);
    }

    [Fact]
    public void Takes_its_own_language_from_the_alternate_link_to_itself_when_it_declares_none()
    {
        var page = Read("""
            <html><head><link rel="alternate" hreflang="ar" href="https://www.example.org/ar/news/2021/statement-12/">
            <link rel="alternate" hreflang="en" href="https://example.org/en/news/2021/statement-12"></head><body><p>نص</p></body></html>
            """);

        Assert.Equal("ar", page.Declared);
        Assert.Equal("en=https://example.org/en/news/2021/statement-12", Versions(page));
    }
}
