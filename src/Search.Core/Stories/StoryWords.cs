using System.Globalization;

namespace Search.Core.Stories;

/// <summary>
/// What a word of a body is made of for story detection: letters and digits, with the marks and
/// invisible format characters written inside a word (harakat, tatweel, ZWNJ) kept in it, so that they
/// are folded away rather than splitting the word. Everything else (punctuation, spaces, symbols) separates.
/// </summary>
internal static class StoryWords
{
    public static bool IsWordChar(char c)
    {
        if (c < '\u0080')
            return char.IsAsciiLetterOrDigit(c);
        if (c is >= '\u0621' and <= '\u065F')   // Arabic letters, tatweel and harakat: nearly every character of a body
            return true;
        if (char.IsLetterOrDigit(c))
            return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }
}
