using System.Text;
using Search.Core.Text.Dates;
using Search.Core.Text;

namespace Search.Core.Ingest.Pages;

/// <summary>Line-level helpers shared by the text and HTML readers.</summary>
internal static class PageText
{
    /// <summary>A headline is one line of at most this many characters; a longer line is already the text.</summary>
    private const int MaxHeadlineChars = 300;

    private const int MaxDatelineWords = 15;

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

    /// <summary>Words of the line: what lies between spaces and holds a letter or digit (a lone dash is no word).</summary>
    public static int WordCount(string line) => line.Split(' ').Count(word => word.Any(char.IsLetterOrDigit));

    /// <summary>True when the line ends as a sentence does, not as a headline, label or signature.</summary>
    public static bool EndsLikeSentence(string line) =>
        line.Length > 0 && line[^1] is '.' or '!' or '?' or '؟' or '…' or ':' or ';' or '؛' or '،' or ',';

    /// <summary>A paragraph of running text rather than a headline: a long line that ends as a sentence.</summary>
    public static bool IsParagraph(string line) => EndsLikeSentence(line) && WordCount(line) >= 12;

    /// <summary>The address a line gives, alone or after a short label (<c>المصدر: https://…</c>, <c>URL: …</c>); else null.</summary>
    public static string? UrlIn(string line)
    {
        var words = line.Split(' ');
        var last = words[^1];
        var isUrl = last.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || last.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || last.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        return isUrl && (words.Length == 1 || (words.Length <= 4 && words[^2].EndsWith(':'))) ? last : null;
    }

    public static bool IsDate(string line) => DateReader.TryRead(line, out _);

    /// <summary>A line that can be a headline: one line, not a paragraph, not a date (a question mark is fine).</summary>
    public static bool IsHeadline(string line) => line.Length <= MaxHeadlineChars && !IsParagraph(line) && !IsDate(line);

    /// <summary>
    /// A short line about the page rather than of it that carries a date: a byline
    /// (<c>كتب: محمد علي | 28 يوليو 2021 - 10:45 ص</c>), "published on … by …", "last updated …".
    /// </summary>
    public static bool IsDateline(string line) =>
        WordCount(line) <= MaxDatelineWords && !EndsLikeSentence(line) && DateReader.TryFind(line, out _);
}
