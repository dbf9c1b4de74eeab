using System.Text;

namespace Search.Core.Retrieval.QueryLanguage;

/// <summary>
/// Reads what users type into a search box: words (any of them may match, more matches rank
/// higher), <c>"exact phrases"</c> (required), <c>-excluded</c> words or phrases,
/// <c>+required</c> words, and <c>OR</c> / <c>AND</c> between two parts. Every text is read: an
/// operator that has nothing to apply to is taken as the text it is (a list dash before a pasted
/// question, <c>-</c> or <c>OR</c> at the end, two signs in a row), and an unclosed quotation mark
/// opens no phrase. Only a query beyond <see cref="MaxLength"/> raises a <see cref="QuerySyntaxException"/>
/// here; its words are counted once analysed (<see cref="Scoring.LuceneQueryBuilder.MaxWords"/>).
/// </summary>
internal static class UserQueryParser
{
    public const int MaxLength = 1_000;

    private enum Kind { Word, Phrase, Or, And }

    private sealed record Token(Kind Kind, string Text, int Position, Occurrence? Prefix);

    public static UserQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new UserQuery([]);
        if (text.Length > MaxLength)
            throw new QuerySyntaxException($"The query is {text.Length} characters long; at most {MaxLength} are allowed.", MaxLength, QuerySyntaxError.TooLong);
        // Direction marks and other invisible format characters (pasted along with Arabic text) would stick to the words.
        text = string.Concat(text.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format));
        var tokens = Tokenize(text);
        ReadStrayOperatorsAsWords(tokens);
        return Combine(tokens);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            Occurrence? prefix = null;
            if (text[i] is '-' or '+' && IsSignedOperand(text, i + 1))
            {
                prefix = text[i] == '-' ? Occurrence.MustNot : Occurrence.Must;
                i++;
            }
            if (IsQuote(text[i]))
            {
                var close = ClosingQuote(text, i);
                if (close < 0)
                {
                    // An unclosed quotation mark opens no phrase: the words after it are read as words.
                    i++;
                    continue;
                }
                tokens.Add(new Token(Kind.Phrase, text[(i + 1)..close], start, prefix));
                i = close + 1;
                continue;
            }
            var word = new StringBuilder();
            while (i < text.Length && !IsSeparator(text[i]) && !IsQuote(text[i]))
                word.Append(text[i++]);
            var value = word.ToString();
            var kind = prefix is null ? value switch { "OR" or "||" => Kind.Or, "AND" or "&&" => Kind.And, _ => Kind.Word } : Kind.Word;
            tokens.Add(new Token(kind, value, start, prefix));
        }
        return tokens;
    }

    /// <summary>
    /// Whether a sign before <paramref name="at"/> applies to what follows: a word or a closed phrase right
    /// after it. A sign before a space (a list dash, <c>- ما هي عاصمة …</c>), at the end, before another sign
    /// or before an unclosed quotation mark is no operator, and is read with the text as written.
    /// </summary>
    private static bool IsSignedOperand(string text, int at) =>
        at < text.Length && !IsSeparator(text[at]) && text[at] is not ('-' or '+') && (!IsQuote(text[at]) || ClosingQuote(text, at) >= 0);

    private static int ClosingQuote(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
            if (IsQuote(text[i]))
                return i;
        return -1;
    }

    /// <summary>
    /// <c>OR</c> and <c>AND</c> are operators only between two parts (for <c>OR</c>, two parts that are not
    /// excluded); elsewhere (first, last, next to another operator) they are read as the words they are.
    /// </summary>
    private static void ReadStrayOperatorsAsWords(List<Token> tokens)
    {
        static bool IsOperand(Token token, Kind op) => token.Kind is Kind.Word or Kind.Phrase && (op == Kind.And || token.Prefix != Occurrence.MustNot);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (Kind.Or or Kind.And))
                continue;
            var between = i > 0 && i + 1 < tokens.Count && IsOperand(tokens[i - 1], token.Kind) && IsOperand(tokens[i + 1], token.Kind);
            if (!between)
                tokens[i] = token with { Kind = Kind.Word };
        }
    }

    /// <summary>Joins operands separated by OR into alternatives and marks operands around AND as required.</summary>
    private static UserQuery Combine(List<Token> tokens)
    {
        var clauses = new List<QueryClause>();
        var i = 0;
        var requireNext = false;
        while (i < tokens.Count)
        {
            var group = new List<Token> { tokens[i] };
            i++;
            while (i < tokens.Count && tokens[i].Kind == Kind.Or)
            {
                group.Add(tokens[i + 1]);
                i += 2;
            }
            var joinedByAnd = i < tokens.Count && tokens[i].Kind == Kind.And;
            if (joinedByAnd)
                i++;
            clauses.Add(ToClause(group, requireNext || joinedByAnd));
            requireNext = joinedByAnd;
        }
        return new UserQuery(clauses);
    }

    private static QueryClause ToClause(List<Token> group, bool required)
    {
        if (group.Count == 1)
        {
            var single = group[0];
            var occurrence = single.Prefix ?? (required || single.Kind == Kind.Phrase ? Occurrence.Must : Occurrence.Should);
            return new QueryClause(ToPart(single), occurrence);
        }
        var mustMatch = required || group.Any(t => t.Kind == Kind.Phrase || t.Prefix == Occurrence.Must);
        return new QueryClause(new AnyOfPart(group.Select(ToPart).ToList()), mustMatch ? Occurrence.Must : Occurrence.Should);
    }

    private static QueryPart ToPart(Token token) =>
        token.Kind == Kind.Phrase ? new PhrasePart(token.Text) : new WordPart(token.Text);

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>ASCII quotes and the typographic ones Arabic keyboards and word processors produce.</summary>
    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';
}
