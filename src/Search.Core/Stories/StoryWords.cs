using System.Globalization;

namespace Search.Core.Stories;

/// <summary>
/// The words of a text as spans: runs of letters and digits, with the marks and invisible format
/// characters written inside a word (harakat, tatweel, ZWNJ) kept in it, so that they are folded
/// away rather than splitting the word. Everything else (punctuation, spaces, symbols) separates.
/// </summary>
internal static class StoryWords
{
    public static IEnumerable<(int Start, int Length)> Spans(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsWordChar(text[i]))
            {
                if (start < 0)
                    start = i;
            }
            else if (start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
        if (start >= 0)
            yield return (start, text.Length - start);
    }

    private static bool IsWordChar(char c)
    {
        if (c < '\u0080')
            return char.IsAsciiLetterOrDigit(c);
        if (char.IsLetterOrDigit(c))
            return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }
}
