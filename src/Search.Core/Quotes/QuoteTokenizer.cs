using System.Globalization;

namespace Search.Core.Quotes;

/// <summary>
/// Splits a body into words and the punctuation attribution is read from. One pass, no copies of the
/// text: a token is its offsets, and for a word its shape (<see cref="QuoteLexicon.ShapeOf"/>), which
/// answers for most words that they are in no list of the lexicon.
/// </summary>
internal static class QuoteTokenizer
{
    /// <summary>The characters below U+0700 that belong to words: a table, as the tokenizer asks for every character.</summary>
    private static readonly bool[] WordChars = CreateWordChars();

    public static List<QuoteToken> Tokenize(string text)
    {
        var tokens = new List<QuoteToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || IsJoiner(text, i)))
                    i++;
                tokens.Add(new QuoteToken(start, i, TokenKind.Word, Shape: QuoteLexicon.ShapeOf(text.AsSpan(start, i - start))));
                continue;
            }
            if (c == '\n')
            {
                if (tokens.Count == 0 || tokens[^1].Kind != TokenKind.Paragraph)
                    tokens.Add(new QuoteToken(i, i + 1, TokenKind.Paragraph));
            }
            else if (!char.IsWhiteSpace(c) && c is not ('#' or '_'))   // #وزارة_الخارجية reads as words
            {
                tokens.Add(new QuoteToken(i, i + 1, KindOf(c, tokens), IsQuoteMark(c) ? c : '\0'));
            }
            i++;
        }
        return tokens;
    }

    public static bool IsQuoteMark(char c) => c is '"' or '«' or '»' or '“' or '”' or '„' or '‟' or '″';

    private static TokenKind KindOf(char c, List<QuoteToken> tokens) => c switch
    {
        ',' or '،' or '٫' => TokenKind.Comma,
        ':' or '：' => TokenKind.Colon,
        // A full stop after a one-letter word is an abbreviation (د. for الدكتور), not a sentence's end.
        '.' when tokens.Count > 0 && tokens[^1] is { Kind: TokenKind.Word } last && last.End - last.Start == 1 => TokenKind.Other,
        '.' or '!' or '?' or '؟' or '…' => TokenKind.SentenceEnd,
        _ when IsQuoteMark(c) => TokenKind.QuoteMark,
        _ => TokenKind.Other,
    };

    /// <summary>Letters, digits, marks and invisible format characters.</summary>
    private static bool IsWordChar(char c) => c < WordChars.Length ? WordChars[c] : IsWordCharSlow(c);

    private static bool IsWordCharSlow(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format;

    private static bool[] CreateWordChars()
    {
        var table = new bool[0x0700];
        for (var c = 0; c < table.Length; c++)
            table[c] = IsWordCharSlow((char)c);
        return table;
    }

    /// <summary>A hyphen inside a name (<c>كيم جونغ-أون</c>) or a point inside a number (<c>3.4</c>) joins its neighbours.</summary>
    private static bool IsJoiner(string text, int i) =>
        i + 1 < text.Length && i > 0
        && ((text[i] == '-' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            || (text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])));
}
