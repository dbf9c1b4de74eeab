using System.Net;
using System.Text;
using Spectre.Console;

namespace Search.Cli.Output;

/// <summary>Turns a service snippet (HTML-escaped text with <c>&lt;mark&gt;</c> around matches) into Spectre markup.</summary>
public static class SnippetMarkup
{
    private const string OpenMark = "<mark>";
    private const string CloseMark = "</mark>";
    private const string HighlightStyle = "black on yellow";

    public static string From(string snippet)
    {
        var markup = new StringBuilder();
        var parts = snippet.Split(OpenMark);
        markup.Append(Text(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            var (marked, after) = part.IndexOf(CloseMark, StringComparison.Ordinal) is var end and >= 0
                ? (part[..end], part[(end + CloseMark.Length)..])
                : (part, "");
            markup.Append('[').Append(HighlightStyle).Append(']').Append(Text(marked)).Append("[/]").Append(Text(after));
        }
        return markup.ToString();
    }

    /// <summary>Decoded only after the split, so an escaped "&lt;mark&gt;" in the text stays text.</summary>
    private static string Text(string html) => Markup.Escape(WebUtility.HtmlDecode(html));
}
