using System.Globalization;

namespace Search.Core.Quotes;

/// <summary>
/// Splits a body into words and the punctuation attribution is read from, each word classified by
/// the <see cref="QuoteLexicon"/>. One pass, no copies of the text: a token is its offsets.
/// </summary>
internal static class QuoteTokenizer
{
    public static List<QuoteToken> Tokenize(string text, QuoteLexicon lexicon)
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
                tokens.Add(new QuoteToken(start, i, TokenKind.Word, lexicon.Classify(text.AsSpan(start, i - start))));
                continue;
            }
            if (c == '\n')
            {
                if (tokens.Count == 0 || tokens[^1].Kind != TokenKind.Paragraph)
                    tokens.Add(new QuoteToken(i, i + 1, TokenKind.Paragraph, WordClass.None));
            }
            else if (!char.IsWhiteSpace(c))
            {
                tokens.Add(new QuoteToken(i, i + 1, KindOf(c, tokens), WordClass.None, IsQuoteMark(c) ? c : '\0'));
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

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format;

    /// <summary>A hyphen inside a name (<c>كيم جونغ-أون</c>) or a point inside a number (<c>3.4</c>) joins its neighbours.</summary>
    private static bool IsJoiner(string text, int i) =>
        i + 1 < text.Length && i > 0
        && ((text[i] == '-' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            || (text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])));
}
