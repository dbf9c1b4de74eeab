using System.Globalization;

namespace Search.Core.Quotes;

/// <summary>
/// Splits a body into words and the punctuation attribution is read from. One pass, no copies of the
/// text: a token is its offsets, and for a word its shape (<see cref="QuoteLexicon.ShapeOf"/>), which
/// answers for most words that they are in no list of the lexicon.
/// </summary>
internal static class QuoteTokenizer
{
    /// <summary>What the tokenizer asks of every character below U+0700, in one table read.</summary>
    [Flags]
    private enum CharFlags : byte
    {
        None = 0,
        Word = 1,

        /// <summary><see cref="QuoteLexicon.KeepsShape"/>: the word's shape is read from its edges.</summary>
        KeepsShape = 2,
    }

    private const int TableSize = 0x0700;

    private static readonly CharFlags[] Flags = CreateFlags();

    /// <summary>
    /// Fills <paramref name="tokens"/> (cleared first) with the tokens of <paramref name="text"/>. The list is the
    /// caller's to reuse: a new list a document cost a third of the tokenizer's time in allocation and zeroing.
    /// Every character is read once, its word class and whether it keeps a word's shape from one table; the
    /// tokenizer that read each word twice (once for its extent, once for <see cref="QuoteLexicon.ShapeOf"/>)
    /// took 0.43 s of the corpus's 1.70 s of extraction.
    /// </summary>
    public static void Tokenize(string text, List<QuoteToken> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            if (LetterRuns.IsSupported && LetterRuns.Fits(text, i) && LetterRuns.Take(text, i, tokens) is var next && next > i)
            {
                i = next;
                continue;
            }
            var c = text[i];
            if (c == ' ')
            {
                i++;                                                 // most characters between words
                continue;
            }
            var flags = FlagsOf(c);
            if ((flags & CharFlags.Word) != 0)
            {
                var start = i;
                var keepsShape = true;
                do
                {
                    keepsShape &= (flags & CharFlags.KeepsShape) != 0;
                    if (++i == text.Length)
                        break;
                    flags = FlagsOf(text[i]);
                }
                while ((flags & CharFlags.Word) != 0 || IsJoiner(text, i));
                var word = text.AsSpan(start, i - start);
                tokens.Add(new QuoteToken(start, i, TokenKind.Word, Shape: keepsShape ? QuoteLexicon.ShapeOfKept(word) : QuoteLexicon.NoShape));
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
    public static bool IsWordChar(char c) => (FlagsOf(c) & CharFlags.Word) != 0;

    private static CharFlags FlagsOf(char c) => c < TableSize ? Flags[c] : Classify(c);

    /// <summary>Word characters are letters, digits, marks and invisible format characters.</summary>
    private static CharFlags Classify(char c) =>
        (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format ? CharFlags.Word : CharFlags.None)
        | (QuoteLexicon.KeepsShape(c) ? CharFlags.KeepsShape : CharFlags.None);

    private static CharFlags[] CreateFlags()
    {
        var table = new CharFlags[TableSize];
        for (var c = 0; c < table.Length; c++)
            table[c] = Classify((char)c);
        return table;
    }

    /// <summary>A hyphen inside a name (<c>كيم جونغ-أون</c>) or a point inside a number (<c>3.4</c>) joins its neighbours.</summary>
    private static bool IsJoiner(string text, int i) =>
        i + 1 < text.Length && i > 0
        && ((text[i] == '-' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            || (text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])));
}
