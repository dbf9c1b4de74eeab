using System.Text;
using Search.Core.Documents.Dates;

namespace Search.Core.Documents.Pages;

/// <summary>Line-level helpers shared by the text and HTML readers.</summary>
internal static class PageText
{
    /// <summary>The page's non-blank lines, each cleaned with <see cref="Clean"/>.</summary>
    public static List<string> Lines(string text) =>
        text.Split(['\n', '\r', '\u2028', '\u2029', '\f', '\v'])
            .Select(Clean)
            .Where(line => line.Length > 0)
            .ToList();

    /// <summary>
    /// One line as it reads: direction marks and controls removed, every run of white space (tabs,
    /// no-break spaces) one space, no space at either end. Letters and diacritics are kept as written.
    /// </summary>
    public static string Clean(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (ArabicLetters.IsDirectionMark(c) || (char.IsControl(c) && !char.IsWhiteSpace(c)))
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>True when the line ends as a sentence does, not as a headline, label or signature.</summary>
    public static bool EndsLikeSentence(string line) =>
        line.Length > 0 && line[^1] is '.' or '!' or '?' or '؟' or '…' or ':' or ';' or '؛' or '،' or ',';

    /// <summary>A paragraph of running text rather than a headline: a long line that ends as a sentence.</summary>
    public static bool IsParagraph(string line) => EndsLikeSentence(line) && WordCount(line) >= 12;

    public static bool IsUrl(string line) =>
        !line.Contains(' ')
        && (line.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    public static bool IsDate(string line) => DateReader.TryRead(line, out _);
}
