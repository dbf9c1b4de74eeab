using AngleSharp.Dom;
using Search.Core.Text;

namespace Search.Core.Ingest.Pages;

/// <summary>The headline of an HTML page and where it was found.</summary>
/// <param name="Element">The heading element, when the headline is one.</param>
/// <param name="OnlyFromTitleElement">
/// Nothing but <c>&lt;title&gt;</c> named the page, which on older sites is often the site's name
/// alone: a headline-like first line of the article is then the better headline.
/// </param>
internal sealed record HtmlHeadline(string Text, IElement? Element, bool OnlyFromTitleElement)
{
    /// <summary>
    /// The <c>h1</c> of the article, else the page's first <c>h1</c> outside its chrome that is not the
    /// site's name (a logo), else <c>og:title</c> and its kin, else <c>&lt;title&gt;</c>; the last two
    /// without the site's name.
    /// </summary>
    public static HtmlHeadline Find(IDocument document, HtmlLayout layout, HtmlMetadata metadata)
    {
        var siteName = metadata.SiteName is { } name ? PageText.Clean(name) : null;
        var heading = layout.Root.QuerySelectorAll("h1").FirstOrDefault(h => TextOf(h).Length > 0)
            ?? document.QuerySelectorAll("h1").FirstOrDefault(h => !layout.IsInChrome(h) && TextOf(h) is { Length: > 0 } text && text != siteName);
        if (heading is not null)
            return new HtmlHeadline(TextOf(heading), heading, false);
        if (!string.IsNullOrWhiteSpace(metadata.Title))
            return new HtmlHeadline(SiteTitle.Split(metadata.Title, siteName).Headline, null, false);
        return new HtmlHeadline(
            string.IsNullOrWhiteSpace(metadata.DocumentTitle) ? "" : SiteTitle.Split(metadata.DocumentTitle, siteName).Headline, null, true);
    }

    /// <summary>
    /// When only <c>&lt;title&gt;</c> named the page: the article's first line instead, if it reads as
    /// a headline and the title is short (a site's name) or says the same. The line leaves the body.
    /// </summary>
    public HtmlHeadline PreferFirstLineOf(List<string> body)
    {
        if (!OnlyFromTitleElement || body.Count < 2 || !PageText.IsHeadline(body[0]) || PageText.WordCount(body[0]) < 3)
            return this;
        var line = Fold(body[0]);
        var title = Fold(Text);
        if (PageText.WordCount(Text) > 3 && !title.Contains(line, StringComparison.Ordinal) && !line.Contains(title, StringComparison.Ordinal))
            return this;
        var headline = this with { Text = body[0] };
        body.RemoveAt(0);
        return headline;
    }

    /// <summary>The element's text as shown: a line break or block inside it (<c>&lt;h1&gt;عنوان&lt;br&gt;فرعي&lt;/h1&gt;</c>) is a space.</summary>
    public static string TextOf(IElement element) => string.Join(' ', HtmlParagraphs.Read(element, _ => false));

    private static string Fold(string text) => string.Join(' ', text.Split(' ').Select(word => ArabicLetters.Fold(word)));
}
