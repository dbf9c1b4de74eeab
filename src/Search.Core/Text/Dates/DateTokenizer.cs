namespace Search.Core.Text.Dates;

/// <summary>
/// Cuts text into numbers, words and symbols. A run of digits and a run of letters are separate
/// tokens even when written together, so <c>2021م</c> and <c>١٤٤٢هـ</c> read as a year and a marker.
/// </summary>
internal static class DateTokenizer
{
    public static List<DateToken> Tokenize(string text)
    {
        var tokens = new List<DateToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || ArabicLetters.IsDirectionMark(c))
            {
                i++;
            }
            else if (ArabicLetters.DigitValue(c) >= 0)
            {
                var digits = new System.Text.StringBuilder();
                for (; i < text.Length && ArabicLetters.DigitValue(text[i]) is var d and >= 0; i++)
                    digits.Append((char)('0' + d));
                tokens.Add(new DateToken(DateTokenKind.Number, digits.ToString()));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                    i++;
                var folded = ArabicLetters.Fold(text.AsSpan(start, i - start));
                if (folded.Length > 0)
                    tokens.Add(new DateToken(DateTokenKind.Word, folded));
            }
            else
            {
                tokens.Add(new DateToken(DateTokenKind.Symbol, FoldSymbol(c).ToString()));
                i++;
            }
        }
        return tokens;
    }

    private static bool IsWordChar(char c) =>
        (char.IsLetter(c) || ArabicLetters.IsIgnorableInWord(c)) && ArabicLetters.DigitValue(c) < 0;

    private static char FoldSymbol(char c) => c switch
    {
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u060C' => ',',
        '\u066B' => '.',
        '\u060D' => '/',
        _ => c,
    };
}
