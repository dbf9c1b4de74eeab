using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Search.Core.Documents.Dates;

namespace Search.Core.Documents.Pages;

/// <summary>
/// Reads a statement page saved as HTML: the article's text without the page around it
/// (<see cref="HtmlLayout"/>), its headline, publication date and publisher.
/// </summary>
public static class HtmlPageReader
{
    /// <summary>Paragraphs searched for a date in the text when nothing else dates the page.</summary>
    private const int ParagraphsSearchedForDate = 3;

    /// <summary>An element marked as a date holds a date, maybe a label and a time; more text is something else.</summary>
    private const int MaxDateElementChars = 120;

    private static readonly HashSet<string> DateClassWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "time", "published", "publish", "pubdate", "posted", "timestamp", "datetime", "dateline", "datePublished",
    };

    public static PageContent Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadata.Read(document);
        var layout = new HtmlLayout(document);
        var title = Headline(document, layout, metadata);

        DateOnly? dateLine = null;
        var body = new List<string>();
        foreach (var paragraph in HtmlParagraphs.Read(layout.Root, layout.IsLeftOut))
        {
            if (paragraph == title || Boilerplate.IsBoilerplate(paragraph) || Boilerplate.IsMenu(paragraph))
                continue;
            if (DateReader.TryRead(paragraph, out var date)) dateLine ??= date;
            else body.Add(paragraph);
        }

        var source = metadata.SiteName
            ?? (metadata.DocumentTitle is { } documentTitle ? SiteTitle.Split(documentTitle, null).SiteName : null)
            ?? PublisherLine.Take(body);
        return new PageContent(
            title,
            metadata.Date ?? TimeElementDate(document, layout) ?? MarkedDate(document, layout) ?? dateLine
                ?? DateLineOfPage(document, layout) ?? FirstDateIn(body),
            string.Join('\n', body),
            source,
            metadata.Url,
            metadata.Lang);
    }

    /// <summary>
    /// The <c>h1</c> of the article, else the page's first <c>h1</c> outside its chrome that is not the
    /// site's name (a logo), else <c>og:title</c> and its kin, else <c>&lt;title&gt;</c>; the last two
    /// without the site's name.
    /// </summary>
    private static string Headline(IDocument document, HtmlLayout layout, HtmlMetadata metadata)
    {
        var siteName = metadata.SiteName is { } name ? PageText.Clean(name) : null;
        var heading = layout.Root.QuerySelectorAll("h1").Select(Text).FirstOrDefault(text => text.Length > 0)
            ?? document.QuerySelectorAll("h1").Where(h => !layout.IsInChrome(h)).Select(Text)
                .FirstOrDefault(text => text.Length > 0 && text != siteName);
        if (heading is not null)
            return heading;
        foreach (var title in (string?[])[metadata.Title, metadata.DocumentTitle])
            if (!string.IsNullOrWhiteSpace(title))
                return SiteTitle.Split(title, siteName).Headline;
        return "";
    }

    /// <summary>A <c>&lt;time&gt;</c> of the article, else the first of the page outside its chrome.</summary>
    private static DateOnly? TimeElementDate(IDocument document, HtmlLayout layout)
    {
        var times = layout.Root.QuerySelectorAll("time")
            .Concat(document.QuerySelectorAll("time").Where(t => !layout.IsInChrome(t)));
        foreach (var time in times)
        {
            if (DateReader.TryRead(time.GetAttribute("datetime"), out var date) || DateReader.TryRead(Text(time), out date))
                return date;
        }
        return null;
    }

    /// <summary>An element outside the chrome whose class, id or itemprop says it is a date (<c>post-date</c>, <c>datePublished</c>).</summary>
    private static DateOnly? MarkedDate(IDocument document, HtmlLayout layout)
    {
        foreach (var element in document.QuerySelectorAll("[class], [id], [itemprop]"))
        {
            var marked = HtmlChrome.Words(element.GetAttribute("class")).Concat(HtmlChrome.Words(element.Id))
                .Concat(HtmlChrome.Words(element.GetAttribute("itemprop"))).Any(DateClassWords.Contains);
            if (!marked || layout.IsInChrome(element))
                continue;
            var text = Text(element);
            if (text.Length > MaxDateElementChars)
                continue;
            if (DateReader.TryRead(element.GetAttribute("content") ?? element.GetAttribute("datetime"), out var date)
                || DateReader.TryFind(text, out date))
                return date;
        }
        return null;
    }

    /// <summary>A line of the page outside its chrome that is a date and nothing else (often between headline and article).</summary>
    private static DateOnly? DateLineOfPage(IDocument document, HtmlLayout layout)
    {
        var page = document.Body ?? document.DocumentElement;
        foreach (var line in HtmlParagraphs.Read(page, layout.IsLeftOut))
            if (DateReader.TryRead(line, out var date))
                return date;
        return null;
    }

    private static DateOnly? FirstDateIn(List<string> body)
    {
        foreach (var paragraph in body.Take(ParagraphsSearchedForDate))
            if (DateReader.TryFind(paragraph, out var date))
                return date;
        return null;
    }

    private static string Text(IElement element) => PageText.Clean(element.TextContent);
}
