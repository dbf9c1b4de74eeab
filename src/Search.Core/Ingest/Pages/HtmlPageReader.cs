using AngleSharp.Html.Parser;
using Search.Core.Languages;
using Search.Core.Text.Dates;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Reads a statement page saved as HTML: the article's text without the page around it
/// (<see cref="HtmlLayout"/>), its headline (<see cref="HtmlHeadline"/>), publication date and publisher.
/// </summary>
internal static class HtmlPageReader
{
    /// <summary>Paragraphs searched for a date in the text when nothing else dates the page.</summary>
    private const int ParagraphsSearchedForDate = 3;

    /// <param name="sentUrl">The address the page was sent with, if any: its own canonical address wins.</param>
    public static PageContent Read(string html, string? sentUrl = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadata.Read(document);
        var layout = new HtmlLayout(document);
        var headline = HtmlHeadline.Find(document, layout, metadata);

        DateOnly? dateLine = null, byline = null;
        var body = new List<string>();
        foreach (var paragraph in HtmlParagraphs.Read(layout.Root, e => e == headline.Element || layout.IsLeftOut(e)))
        {
            if (paragraph == headline.Text || Boilerplate.IsBoilerplate(paragraph) || Boilerplate.IsMenu(paragraph))
                continue;
            if (DateReader.TryRead(paragraph, out var date)) dateLine ??= date;
            else if (PageText.IsDateline(paragraph) && DateReader.TryFind(paragraph, out date)) byline ??= date;
            else body.Add(paragraph);
        }
        headline = headline.PreferFirstLineOf(body);

        var dates = new HtmlDates(document, layout, headline);
        var source = metadata.SiteName
            ?? (metadata.DocumentTitle is { } documentTitle ? SiteTitle.Split(documentTitle, null).SiteName : null)
            ?? PublisherLine.Take(body);
        var languages = HtmlLanguageLinks.Read(document, metadata.Url ?? sentUrl);
        return new PageContent(
            headline.Text,
            metadata.Date ?? dates.FromTimeElements() ?? dates.FromMarkedElements() ?? dateLine ?? byline
                ?? dates.UnderHeadline() ?? FirstDateIn(body),
            string.Join('\n', body),
            source,
            metadata.Url,
            languages.Declared ?? metadata.Lang,
            languages.Versions);
    }

    private static DateOnly? FirstDateIn(List<string> body)
    {
        foreach (var paragraph in body.Take(ParagraphsSearchedForDate))
            if (DateReader.TryFind(paragraph, out var date))
                return date;
        return null;
    }
}
