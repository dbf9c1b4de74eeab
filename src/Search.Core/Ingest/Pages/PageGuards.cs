namespace Search.Core.Ingest.Pages;

/// <summary>Refuses what is not a page before it is read: binary files, and markup nested deep enough to make parsing slow.</summary>
internal static class PageGuards
{
    /// <summary>
    /// The parser's time per tag grows with the depth of open elements (<see cref="HtmlNesting"/>):
    /// articles nest a few dozen deep, and 4,000 unclosed <c>&lt;font&gt;</c> in a row still parsed in
    /// 0.35 s, 8,000 <c>&lt;div/&gt;</c> took 0.85 s.
    /// </summary>
    public const int MaxDepth = 2_000;

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

    /// <summary>A reason when the markup nests deeper than <see cref="MaxDepth"/>, else null.</summary>
    public static string? TooDeep(string html) =>
        HtmlNesting.Deepest(html, MaxDepth) > MaxDepth ? $"the page's markup is nested more than {MaxDepth} deep" : null;
}
