namespace Search.Core.Ingest.Pages;

/// <summary>Refuses what is not a page before it is read: binary files, and markup nested deep enough to make parsing slow.</summary>
internal static class PageGuards
{
    /// <summary>The HTML parser takes time quadratic in the depth of nesting; articles nest a few dozen deep.</summary>
    public const int MaxDepth = 1_000;

    private static readonly HashSet<string> NoEndTagNeeded = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // End tags a page may leave out (the parser closes them).
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot", "colgroup", "caption",
        "html", "head", "body", "!doctype",
    };

    /// <summary>A reason when the text holds NUL or many other control characters (a binary file decoded as text), else null.</summary>
    public static string? NotText(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
                return "the file is not text (it holds NUL bytes)";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                controls++;
        }
        return controls > text.Length / 100 ? "the file is not text (too many control characters)" : null;
    }

    /// <summary>A reason when the markup nests deeper than <see cref="MaxDepth"/> (counting tags, roughly), else null.</summary>
    public static string? TooDeep(string html)
    {
        int depth = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '!'))
                end++;
            if (end == start)
            {
                i++;
                continue;
            }
            var name = html[start..end];
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            var tagEnd = html.IndexOf('>', end);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            if (!NoEndTagNeeded.Contains(name) && !selfClosing)
            {
                depth += closing ? -1 : 1;
                if (depth > MaxDepth)
                    return $"the page's markup is nested more than {MaxDepth} deep";
                depth = Math.Max(depth, 0);
            }
            i = tagEnd < 0 ? html.Length : tagEnd + 1;
        }
        return null;
    }
}
