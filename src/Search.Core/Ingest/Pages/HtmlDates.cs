using AngleSharp.Dom;
using Search.Core.Text.Dates;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Where an HTML page gives its date in its body rather than its head: <c>&lt;time&gt;</c>, an
/// element marked as a date, a date line under the headline. Elements of the article come first,
/// then those after the headline: sites often print today's date in a bar above everything.
/// </summary>
internal sealed class HtmlDates(IDocument document, HtmlLayout layout, HtmlHeadline headline)
{
    /// <summary>An element marked as a date holds a date, maybe a label and a time; more text is something else.</summary>
    private const int MaxDateElementChars = 120;

    /// <summary>Lines under the headline looked at for a date line.</summary>
    private const int LinesUnderHeadline = 4;

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "time", "published", "publish", "pubdate", "posted", "timestamp", "datetime", "dateline", "datePublished",
    };

    public DateOnly? FromTimeElements()
    {
        foreach (var time in Candidates("time"))
            if (DateReader.TryRead(time.GetAttribute("datetime"), out var date) || DateReader.TryRead(HtmlHeadline.TextOf(time), out date))
                return date;
        return null;
    }

    /// <summary>An element whose class, id or itemprop says it is a date (<c>post-date</c>, <c>datePublished</c>).</summary>
    public DateOnly? FromMarkedElements()
    {
        foreach (var element in Candidates("[class], [id], [itemprop]"))
        {
            var marked = HtmlChrome.Words(element.GetAttribute("class")).Concat(HtmlChrome.Words(element.Id))
                .Concat(HtmlChrome.Words(element.GetAttribute("itemprop"))).Any(DateWords.Contains);
            if (!marked)
                continue;
            var text = HtmlHeadline.TextOf(element);
            if (text.Length > MaxDateElementChars)
                continue;
            if (DateReader.TryRead(element.GetAttribute("content") ?? element.GetAttribute("datetime"), out var date) || DateReader.TryFind(text, out date))
                return date;
        }
        return null;
    }

    /// <summary>
    /// A date line (or a short line with a date, such as a byline) among the lines under the headline,
    /// outside the article; when the headline is no line of the page (it came from <c>&lt;title&gt;</c>),
    /// among the lines just above the article, nearest first: a page whose article is its longest
    /// paragraph alone has its heading and date line above it (<c>&lt;h2&gt;…&lt;/h2&gt;&lt;p&gt;27 يوليو 2021&lt;/p&gt;&lt;p&gt;…</c>).
    /// </summary>
    public DateOnly? UnderHeadline()
    {
        var lines = HtmlParagraphs.Read(document.Body ?? document.DocumentElement, layout.IsLeftOut);
        var at = headline.Text.Length == 0 ? -1 : lines.IndexOf(headline.Text);
        var candidates = at >= 0 ? lines.Skip(at + 1).Take(LinesUnderHeadline) : AboveTheArticle(lines);
        foreach (var line in candidates)
            if (DateReader.TryRead(line, out var date) || (PageText.IsDateline(line) && DateReader.TryFind(line, out date)))
                return date;
        return null;
    }

    private IEnumerable<string> AboveTheArticle(List<string> lines)
    {
        var article = HtmlParagraphs.Read(layout.Root, layout.IsLeftOut);
        var first = article.Count == 0 ? -1 : lines.IndexOf(article[0]);
        if (first <= 0)
            return [];
        return lines.Take(first).Reverse().Take(LinesUnderHeadline);
    }

    /// <summary>Matching elements of the article, then those outside the chrome after the headline (anywhere, when no heading is the headline).</summary>
    private IEnumerable<IElement> Candidates(string selector) =>
        layout.Root.QuerySelectorAll(selector).Concat(
            document.QuerySelectorAll(selector).Where(e => !layout.IsInChrome(e)
                && (headline.Element is null || headline.Element.CompareDocumentPosition(e).HasFlag(DocumentPositions.Following))));
}
