namespace Search.Core.Documents.Dates;

/// <summary>
/// Folds the ways one word is spelled in Arabic text to one form, so that a table of names
/// written once matches them all: hamza on alef, alef maqsura, taa marbuta, Persian letters,
/// diacritics and tatweel, and Latin case.
/// </summary>
internal static class ArabicLetters
{
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..Fold(word, buffer)]);
    }

    /// <summary>Folds a word into <paramref name="folded"/>, as long as the word at least, without allocating; returns the folded length.</summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> folded)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (IsIgnorableInWord(c))
                continue;
            folded[length++] = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' or 'ی' or 'ئ' => 'ي',
                'ة' or 'ھ' => 'ه',
                'ک' => 'ك',
                _ => char.ToLowerInvariant(c),
            };
        }
        return length;
    }

    /// <summary>Diacritics, tatweel and zero-width joiners: they decorate a word without changing it.</summary>
    public static bool IsIgnorableInWord(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or '\u200C' or '\u200D';

    /// <summary>Direction marks and isolates that copy-and-paste leaves around dates and numbers.</summary>
    public static bool IsDirectionMark(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';

    /// <summary>The value of a Western, Arabic-Indic (U+0660–0669) or Eastern Arabic-Indic (U+06F0–06F9) digit, else -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };
}
