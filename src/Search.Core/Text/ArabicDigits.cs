namespace Search.Core.Text;

/// <summary>
/// Digit folding: Arabic-Indic (<c>٠–٩</c>, U+0660–U+0669) and Eastern Arabic-Indic (<c>۰–۹</c>,
/// U+06F0–U+06F9, Persian and Urdu) digits become ASCII <c>0–9</c>, so <c>٢٠٢١</c> finds <c>2021</c>.
/// </summary>
internal static class ArabicDigits
{
    public static char Fold(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    public static bool IsArabicDigit(char c) => c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9');

    /// <summary>Folds every digit of a text; other characters are left as they are.</summary>
    public static string Fold(string text)
    {
        if (!text.Any(IsArabicDigit))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = Fold(source[i]);
        });
    }
}
