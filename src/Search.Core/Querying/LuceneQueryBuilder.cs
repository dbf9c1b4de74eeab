using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Turns a parsed <see cref="UserQuery"/> into a Lucene query over the title and the body, analysing
/// every word exactly as documents are analysed, so the spelling variants the analyzer folds match.
/// A free word scores by its stem and, at a lower weight, by its exact form, in the title (boosted) and
/// the body; two neighbouring query words found near each other in the body score again; a quoted
/// phrase matches the exact forms in order. Stop words (question and function words) are dropped by the
/// analyzer and never score.
/// </summary>
public sealed class LuceneQueryBuilder(Analyzer analyzer, RankingOptions? ranking = null)
{
    private readonly RankingOptions _ranking = ranking ?? RankingOptions.Default;

    /// <summary>One analysed word: its stem, its exact form (null when the analyzer emits none) and its position.</summary>
    private readonly record struct Token(string Stem, string? Exact, int Position);

    /// <summary>Neighbouring query words further apart than this (stop words between them) are not rewarded for proximity.</summary>
    private const int MaxQueryGap = 3;

    public CompiledQuery Build(UserQuery userQuery)
    {
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var root = new BooleanQuery(disableCoord: true);
        var words = new BooleanQuery(disableCoord: true);
        var positives = 0;
        var sequence = new List<Token>();
        var queryPosition = 0;
        var lookups = new TermLookups();
        foreach (var clause in userQuery.Clauses)
        {
            Query? query;
            if (clause is { Part: WordPart word, Occurrence: Occurrence.Should })
            {
                var tokens = Analyze(word.Text);
                foreach (var token in tokens)
                {
                    highlight.Add(token.Stem);
                    words.Add(FreeWordQuery(token, lookups), Occur.SHOULD);
                    sequence.Add(token with { Position = queryPosition + token.Position });
                    positives++;
                }
                queryPosition += tokens.Count == 0 ? 1 : tokens[^1].Position + 1;
                continue;
            }

            queryPosition += MaxQueryGap + 1;
            query = BuildPart(clause.Part, clause.Occurrence == Occurrence.MustNot ? null : highlight);
            if (query is null)
                continue;
            root.Add(query, clause.Occurrence switch
            {
                Occurrence.Must => Occur.MUST,
                Occurrence.MustNot => Occur.MUST_NOT,
                _ => Occur.SHOULD,
            });
            if (clause.Occurrence != Occurrence.MustNot)
                positives++;
        }
        if (words.Clauses.Count == 1)
            root.Add(words.Clauses[0].Query, Occur.SHOULD);
        else if (words.Clauses.Count > 1)
            root.Add(words, Occur.SHOULD);
        if (root.Clauses.Count == 0)
            return new CompiledQuery(null, highlight);
        if (positives == 0)
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        else
            AddProximity(root, sequence, lookups);
        return new CompiledQuery(root, highlight);
    }

    /// <summary>A free word as <see cref="WordQuery"/>, or, when no document holds it, as its near spellings (<see cref="UnknownWordQuery"/>).</summary>
    private Query FreeWordQuery(Token token, TermLookups lookups) =>
        _ranking.TypoBoost > 0 && token.Stem.Length >= UnknownWordQuery.MinLength && IsArabicWord(token.Stem)
            ? new UnknownWordQuery(WordQuery(token, lookups), token.Stem, Fields.ToList(), _ranking.TypoBoost, _ranking.TypoExpansions, _ranking.TypoMaxDocFreq)
            : WordQuery(token, lookups);

    private static bool IsArabicWord(string stem) => stem.All(c => c is >= '\u0621' and <= '\u064A');

    /// <summary>A free word: its stem and, lower, its exact form (<see cref="WordTermsQuery"/>), in the title (boosted) or the body.</summary>
    private Query WordQuery(Token token, TermLookups? lookups = null)
    {
        var perField = Fields.Select(f => new WordTermsQuery(f.Field, [token.Stem], token.Exact, _ranking.ExactBoost, lookups) { Boost = f.Boost });
        if (_ranking.FieldTieBreaker is { } tie)
        {
            var best = new DisjunctionMaxQuery(tie);
            foreach (var query in perField)
                best.Add(query);
            return best;
        }
        var sum = new BooleanQuery(disableCoord: true);
        foreach (var query in perField)
            sum.Add(query, Occur.SHOULD);
        return sum;
    }

    /// <summary>For each two neighbouring free words, their stems near each other (<see cref="ProximityQuery"/>): documents where they occur close together score higher.</summary>
    private void AddProximity(BooleanQuery root, List<Token> sequence, TermLookups lookups)
    {
        for (var i = 0; i + 1 < sequence.Count; i++)
        {
            var (first, second) = (sequence[i], sequence[i + 1]);
            var gap = second.Position - first.Position;
            if (gap is < 1 or > MaxQueryGap || first.Stem == second.Stem)
                continue;
            foreach (var (field, boost) in (ReadOnlySpan<(string, float)>)[(IndexFields.Body, _ranking.ProximityBoost), (IndexFields.Title, _ranking.TitleProximityBoost)])
            {
                if (boost <= 0)
                    continue;
                root.Add(new ProximityQuery(field, [first.Stem], [second.Stem], gap, _ranking.ProximitySlop, lookups) { Boost = boost }, Occur.SHOULD);
            }
        }
    }

    private IEnumerable<(string Field, float Boost)> Fields => [(IndexFields.Title, _ranking.TitleBoost), (IndexFields.Body, 1f)];

    private Query? BuildPart(QueryPart part, HashSet<string>? highlight) => part switch
    {
        WordPart word => Required(Analyze(word.Text), exact: false, highlight),
        PhrasePart phrase => Required(Analyze(phrase.Text), exact: true, highlight),
        AnyOfPart anyOf => AnyOf(anyOf, highlight),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private Query? AnyOf(AnyOfPart anyOf, HashSet<string>? highlight)
    {
        var alternatives = new BooleanQuery(disableCoord: true);
        foreach (var alternative in anyOf.Alternatives)
            if (BuildPart(alternative, highlight) is { } query)
                alternatives.Add(query, Occur.SHOULD);
        return alternatives.Clauses.Count == 0 ? null : alternatives;
    }

    /// <summary>
    /// A word or phrase that is required, excluded or an alternative: one word matches its stem (and
    /// its exact form scores more), several match in order, in the title or the body. A quoted phrase
    /// matches the exact forms (the words as written, modulo normalisation), not their stems.
    /// </summary>
    private Query? Required(List<Token> tokens, bool exact, HashSet<string>? highlight)
    {
        if (tokens.Count == 0)
            return null;
        string TermOf(Token t) => exact && t.Exact is not null ? t.Exact : t.Stem;
        if (highlight is not null)
            foreach (var token in tokens)
                highlight.Add(TermOf(token));
        if (tokens.Count == 1 && !exact)
            return WordQuery(tokens[0]);

        var anyField = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields)
        {
            Query perField;
            if (tokens.Count == 1)
            {
                perField = new TermQuery(new Term(field, TermOf(tokens[0])));
            }
            else
            {
                var phrase = new PhraseQuery();
                foreach (var token in tokens)
                    phrase.Add(new Term(field, TermOf(token)), token.Position);
                perField = phrase;
            }
            perField.Boost = boost;
            anyField.Add(perField, Occur.SHOULD);
        }
        return anyField;
    }

    /// <summary>The analysed words of a text with their positions from 0 (stop words leave gaps).</summary>
    private List<Token> Analyze(string text)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (increment.PositionIncrement == 0 && tokens.Count > 0 && value.Length > 0 && value[0] == ArabicSearchAnalyzer.ExactPrefix)
            {
                tokens[^1] = tokens[^1] with { Exact = value };
                continue;
            }
            position += Math.Max(1, increment.PositionIncrement);
            tokens.Add(new Token(value, null, position));
        }
        stream.End();
        if (tokens.Count > 0 && tokens[0].Position > 0)
        {
            var shift = tokens[0].Position;
            tokens = tokens.Select(t => t with { Position = t.Position - shift }).ToList();
        }
        return tokens;
    }
}
