using System.Text;
using AngleSharp.Dom;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// The text of an element as paragraphs: each block (paragraph, heading, list item, cell, …) and
/// each <c>br</c> ends a line, inline elements run on, and white space is what the page shows.
/// </summary>
internal static class HtmlParagraphs
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "figure", "figcaption", "address", "hr", "details", "summary", "center", "fieldset", "caption",
    };

    /// <summary>The lines of <paramref name="root"/>, leaving out the elements <paramref name="leaveOut"/> names.</summary>
    public static List<string> Read(IElement root, Func<IElement, bool> leaveOut)
    {
        var paragraphs = new List<string>();
        var line = new StringBuilder();
        Walk(root, leaveOut, line, paragraphs);
        Flush(line, paragraphs);
        return paragraphs;
    }

    private static void Walk(IElement element, Func<IElement, bool> leaveOut, StringBuilder line, List<string> paragraphs)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                line.Append(child.TextContent);
                continue;
            }
            if (child is not IElement childElement || leaveOut(childElement))
                continue;
            if (childElement.LocalName == "br")
            {
                Flush(line, paragraphs);
                continue;
            }
            var block = Blocks.Contains(childElement.LocalName);
            if (block)
                Flush(line, paragraphs);
            Walk(childElement, leaveOut, line, paragraphs);
            if (block)
                Flush(line, paragraphs);
        }
    }

    private static void Flush(StringBuilder line, List<string> paragraphs)
    {
        var text = PageText.Clean(line.ToString());
        if (text.Length > 0)
            paragraphs.Add(text);
        line.Clear();
    }
}
