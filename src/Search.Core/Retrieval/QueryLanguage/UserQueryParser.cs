using System.Text;

namespace Search.Core.Retrieval.QueryLanguage;

/// <summary>
/// Reads what users type into a search box: words (any of them may match, more matches rank
/// higher), <c>"exact phrases"</c> (required), <c>-excluded</c> words or phrases,
/// <c>+required</c> words, and <c>OR</c> / <c>AND</c> between two parts. Anything it cannot read
/// raises a <see cref="QuerySyntaxException"/> naming the position.
/// </summary>
internal static class UserQueryParser
{
    public const int MaxLength = 1_000;

    /// <summary>Words a query may hold (phrases count their words), so that no query fans out without bound.</summary>
    public const int MaxTerms = 64;

    private enum Kind { Word, Phrase, Or, And }

    private sealed record Token(Kind Kind, string Text, int Position, Occurrence? Prefix);

    public static UserQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new UserQuery([]);
        if (text.Length > MaxLength)
            throw new QuerySyntaxException($"The query is {text.Length} characters long; at most {MaxLength} are allowed.", MaxLength);
        // Direction marks and other invisible format characters (pasted along with Arabic text) would stick to the words.
        text = string.Concat(text.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format));
        var tokens = Tokenize(text);
        var terms = tokens.Where(t => t.Kind is Kind.Word or Kind.Phrase)
            .Sum(t => t.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        if (terms > MaxTerms)
            throw new QuerySyntaxException($"The query has {terms} words; at most {MaxTerms} are allowed.", 0);
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
            if (text[i] is '-' or '+')
            {
                prefix = text[i] == '-' ? Occurrence.MustNot : Occurrence.Must;
                i++;
                if (i >= text.Length || IsSeparator(text[i]))
                    throw new QuerySyntaxException($"'{text[start]}' at position {start + 1} must be followed directly by a word or a quoted phrase.", start);
                if (text[i] is '-' or '+')
                    throw new QuerySyntaxException($"'{text[start]}{text[i]}' at position {start + 1}: use one sign before a word.", start);
            }
            if (IsQuote(text[i]))
            {
                var open = i;
                var close = i + 1;
                while (close < text.Length && !IsQuote(text[close]))
                    close++;
                if (close >= text.Length)
                    throw new QuerySyntaxException($"The quotation mark at position {open + 1} is not closed.", open);
                tokens.Add(new Token(Kind.Phrase, text[(open + 1)..close], start, prefix));
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

    /// <summary>Joins operands separated by OR into alternatives and marks operands around AND as required.</summary>
    private static UserQuery Combine(List<Token> tokens)
    {
        var clauses = new List<QueryClause>();
        var i = 0;
        var requireNext = false;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind is Kind.Or or Kind.And)
                throw new QuerySyntaxException($"'{token.Text}' at position {token.Position + 1} needs a word or phrase before it.", token.Position);

            var group = new List<Token> { token };
            i++;
            while (i < tokens.Count && tokens[i].Kind == Kind.Or)
            {
                var operand = Operand(tokens, i);
                group.Add(operand);
                i += 2;
            }

            var joinedByAnd = i < tokens.Count && tokens[i].Kind == Kind.And;
            if (joinedByAnd)
            {
                Operand(tokens, i);
                i++;
            }
            clauses.Add(ToClause(group, requireNext || joinedByAnd));
            requireNext = joinedByAnd;
        }
        return new UserQuery(clauses);
    }

    private static Token Operand(List<Token> tokens, int operatorIndex)
    {
        var op = tokens[operatorIndex];
        if (operatorIndex + 1 >= tokens.Count || tokens[operatorIndex + 1].Kind is Kind.Or or Kind.And)
            throw new QuerySyntaxException($"'{op.Text}' at position {op.Position + 1} needs a word or phrase after it.", op.Position);
        return tokens[operatorIndex + 1];
    }

    private static QueryClause ToClause(List<Token> group, bool required)
    {
        if (group.Count == 1)
        {
            var single = group[0];
            var occurrence = single.Prefix ?? (required || single.Kind == Kind.Phrase ? Occurrence.Must : Occurrence.Should);
            return new QueryClause(ToPart(single), occurrence);
        }
        if (group.FirstOrDefault(t => t.Prefix == Occurrence.MustNot) is { } excluded)
            throw new QuerySyntaxException($"An excluded part (position {excluded.Position + 1}) cannot be one of the alternatives of OR.", excluded.Position);
        var mustMatch = required || group.Any(t => t.Kind == Kind.Phrase || t.Prefix == Occurrence.Must);
        return new QueryClause(new AnyOfPart(group.Select(ToPart).ToList()), mustMatch ? Occurrence.Must : Occurrence.Should);
    }

    private static QueryPart ToPart(Token token) =>
        token.Kind == Kind.Phrase ? new PhrasePart(token.Text) : new WordPart(token.Text);

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>ASCII quotes and the typographic ones Arabic keyboards and word processors produce.</summary>
    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';
}
