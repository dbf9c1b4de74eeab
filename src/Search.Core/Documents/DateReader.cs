using System.Globalization;

namespace Search.Core.Documents;

/// <summary>
/// Reads calendar dates as people write them in Arabic archives. For now ISO <c>yyyy-MM-dd</c>
/// (optionally followed by a time, which is ignored) in Western, Arabic-Indic or Eastern
/// Arabic-Indic digits.
/// </summary>
public static class DateReader
{
    public static bool TryRead(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var folded = FoldDigits(text.Trim());
        if (folded.Length > 10 && (folded[10] == 'T' || folded[10] == ' '))
            folded = folded[..10];
        return DateOnly.TryParseExact(folded, DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits to ASCII.</summary>
    public static string FoldDigits(string text)
    {
        if (!text.Any(IsEasternDigit))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                    >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                    _ => c,
                };
            }
        });
    }

    private static bool IsEasternDigit(char c) => c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9';
}
