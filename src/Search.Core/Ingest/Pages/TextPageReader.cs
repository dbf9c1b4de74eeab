using Search.Core.Text.Dates;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Reads a statement page saved as text: language switches and menus at the top, the headline,
/// a date line, paragraphs and sub-headings, and a publisher line at the end, with share bars,
/// copyright notices and the like anywhere. Each non-blank line is a paragraph.
/// </summary>
internal static class TextPageReader
{
    /// <summary>How far down the page a date line still belongs to the headline.</summary>
    private const int HeadLines = 10;

    /// <summary>Paragraphs searched for a date in the text when the page has no date line.</summary>
    private const int ParagraphsSearchedForDate = 3;

    public static PageContent Read(string text)
    {
        var lines = PageText.Lines(text).Where(line => !Boilerplate.IsBoilerplate(line) && !Boilerplate.IsMenu(line)).ToList();
        string? url = null;
        var content = new List<string>();
        foreach (var line in lines)
        {
            if (PageText.UrlIn(line) is { } address) url ??= address;
            else content.Add(line);
        }

        var titleAt = HeadlineBeforeDateLine(content) ?? FirstHeadline(content);
        var title = titleAt is { } at ? content[at] : "";
        DateOnly? date = null, byline = null;
        var body = new List<string>();
        for (var i = (titleAt ?? -1) + 1; i < content.Count; i++)
        {
            if (DateReader.TryRead(content[i], out var dateLine)) date ??= dateLine;
            else if (PageText.IsDateline(content[i]) && DateReader.TryFind(content[i], out dateLine)) byline ??= dateLine;
            else body.Add(content[i]);
        }
        date ??= byline;
        // A date line above the headline (some sites print the date first).
        for (var i = 0; date is null && i < (titleAt ?? 0); i++)
            if (DateReader.TryRead(content[i], out var dateLine))
                date = dateLine;

        var source = PublisherLine.Take(body);
        date ??= FirstDateIn(body);
        return new PageContent(title, date, string.Join('\n', body), source, url);
    }

    /// <summary>
    /// The usual head of a statement page: headline, then date line. The headline is the nearest line
    /// above the first date line that is not a paragraph (which would be a lead); what lies above it
    /// is the site's header: a kicker, a section name, a menu.
    /// </summary>
    private static int? HeadlineBeforeDateLine(List<string> lines)
    {
        for (var d = 0; d < Math.Min(lines.Count, HeadLines); d++)
        {
            if (PageText.IsParagraph(lines[d]))
                return null;
            if (!PageText.IsDate(lines[d]))
                continue;
            for (var t = d - 1; t >= 0; t--)
                if (PageText.IsHeadline(lines[t]))
                    return t;
            return null;
        }
        return null;
    }

    /// <summary>
    /// Without a date line under it, the headline is the first line of three words or more: the
    /// short lines above it are menus and section names. A first line that is already a paragraph
    /// means the page has no headline.
    /// </summary>
    private static int? FirstHeadline(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (PageText.IsDate(lines[i]) || PageText.WordCount(lines[i]) < 3)
                continue;
            return PageText.IsHeadline(lines[i]) ? i : null;
        }
        return null;
    }

    private static DateOnly? FirstDateIn(List<string> body)
    {
        foreach (var paragraph in body.Take(ParagraphsSearchedForDate))
            if (DateReader.TryFind(paragraph, out var date))
                return date;
        return null;
    }
}
