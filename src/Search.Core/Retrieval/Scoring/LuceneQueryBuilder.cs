using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Turns a parsed <see cref="UserQuery"/> into a Lucene query over the title and the body, analysing
/// every word exactly as documents are analysed, so the spelling variants the analyzer folds match.
/// A free word scores by its stem and, at a lower weight, by its exact form, in the title (boosted) and
/// the body; two neighbouring query words found near each other in the body score again; a quoted
/// phrase matches the exact forms in order. Stop words (question and function words) are dropped by the
/// analyzer and never score.
/// </summary>
internal sealed class LuceneQueryBuilder(Analyzer analyzer, RankingOptions? ranking = null)
{
    private readonly RankingOptions _ranking = ranking ?? RankingOptions.Default;

    /// <summary>The query for an archive of Arabic only (tests, tools).</summary>
    public CompiledQuery Build(UserQuery userQuery) => Build(userQuery, [LanguageAnalyses.Arabic]);

    /// <summary>
    /// The query analysed once for each language of <paramref name="languages"/>, each over its own fields:
    /// a document matches in its own language's analysis. With several, each language's query is kept to
    /// that language's documents, so that a query of exclusions alone excludes in every language.
    /// With <paramref name="onlyField"/> (<c>in=quotes</c>: the quotations' field), the words are matched
    /// in that field alone instead of the title and body, analysed as the body is.
    /// </summary>
    /// <summary>
    /// Words a query may hold once analysed, wherever they are (free, required, excluded, in phrases or
    /// alternatives), so that no query fans out without bound. Counted after analysis, not between
    /// spaces: words joined by punctuation (the Arabic comma «،», a slash) are one to the eye but each
    /// a word to the analyzer, and 188 of them joined so cost about 450 ms a search. Each language's
    /// analysis of the query is held to it.
    /// </summary>
    public const int MaxWords = 64;

    public CompiledQuery Build(UserQuery userQuery, IReadOnlyList<LanguageAnalysis> languages, string? onlyField = null)
    {
        if (languages.Count == 1)
            return new ForLanguage(analyzer, _ranking, languages[0], onlyField).Build(userQuery);
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var any = new BooleanQuery(disableCoord: true);
        foreach (var language in languages)
        {
            var compiled = new ForLanguage(analyzer, _ranking, language, onlyField).Build(userQuery);
            highlight.UnionWith(compiled.HighlightTerms);
            if (compiled.Query is not { } query)
                continue;
            var kept = new BooleanQuery(disableCoord: true)
            {
                { query, Occur.MUST },
                { new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Analysis, language.Name))) { Boost = 0 }, Occur.MUST },
            };
            any.Add(kept, Occur.SHOULD);
        }
        return new CompiledQuery(any.Clauses.Count == 0 ? null : any, highlight);
    }

    /// <summary>The query of one language: its analysis, over its title and body fields.</summary>
    private sealed class ForLanguage(Analyzer analyzer, RankingOptions ranking, LanguageAnalysis language, string? onlyField)
    {
        /// <summary>
        /// One analysed word: its stem, its exact form (null when the analyzer emits none) and its position.
        /// <paramref name="StemSpellings"/> are the terms the stem is indexed under: the stem, and its own
        /// exact form too when the stem is a word that is its own stem (the analyzer then writes only that).
        /// </summary>
        private readonly record struct Token(string Stem, string? Exact, int Position, string[] StemSpellings);

        /// <summary>Neighbouring query words further apart than this (stop words between them) are not rewarded for proximity.</summary>
        private const int MaxQueryGap = 3;

        /// <summary>The words analysed so far in one query, refused past <see cref="MaxWords"/>.</summary>
        private sealed class WordCount
        {
            private int _words;

            public List<Token> Add(List<Token> tokens)
            {
                _words += tokens.Count;
                if (_words > MaxWords)
                    throw new QuerySyntaxException($"The query holds more than {MaxWords} words once analysed (words joined by punctuation count one by one); at most {MaxWords} are allowed.", 0, QuerySyntaxError.TooManyWords);
                return tokens;
            }
        }

        public CompiledQuery Build(UserQuery userQuery)
        {
            var highlight = new HashSet<string>(StringComparer.Ordinal);
            var root = new BooleanQuery(disableCoord: true);
            var words = new List<Query>();
            var positives = 0;
            var sequence = new List<Token>();
            var queryPosition = 0;
            var lookups = new TermLookups();
            var count = new WordCount();
            foreach (var clause in userQuery.Clauses)
            {
                Query? query;
                if (clause is { Part: WordPart word, Occurrence: Occurrence.Should })
                {
                    var tokens = count.Add(Analyze(word.Text));
                    foreach (var token in tokens)
                    {
                        highlight.UnionWith(token.StemSpellings);
                        words.Add(WordQuery(token, lookups));
                        sequence.Add(token with { Position = queryPosition + token.Position });
                        positives++;
                    }
                    queryPosition += tokens.Count == 0 ? 1 : tokens[^1].Position + 1;
                    continue;
                }

                queryPosition += MaxQueryGap + 1;
                query = BuildPart(clause.Part, clause.Occurrence == Occurrence.MustNot ? null : highlight, count);
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
            List<Query> refiners = positives == 0 ? [] : [.. Proximity(sequence, lookups), .. WholeTitle(sequence, lookups)];
            // Free words alone (most questions): scored in windows, their refiners read only where a score is asked.
            if (root.Clauses.Count == 0 && words.Count > 0)
                return new CompiledQuery(new RefinedQuery(words, refiners), highlight);
            // The free words straight in the root, not in a disjunction of their own: the same sum of scores
            // (no coordination either way), but Lucene scores a nested disjunction with a bucket table of its own,
            // 2,048 buckets allocated a segment a search and every match passed up through both tables.
            foreach (var free in words)
                root.Add(free, Occur.SHOULD);
            if (root.Clauses.Count == 0)
                return new CompiledQuery(null, highlight);
            if (positives == 0)
                root.Add(new MatchAllDocsQuery(), Occur.MUST);
            foreach (var refiner in refiners)
                root.Add(refiner, Occur.SHOULD);
            return new CompiledQuery(root, highlight);
        }

        /// <summary>
        /// A free word: its stem and, lower, its exact form (<see cref="WordTermsQuery"/>), scored in its better
        /// field, the title (boosted) or the body (<see cref="RankingOptions.FieldTieBreaker"/>).
        /// </summary>
        private Query WordQuery(Token token, TermLookups? lookups = null)
        {
            var best = new DisjunctionMaxQuery(ranking.FieldTieBreaker);
            foreach (var (field, boost) in Fields)
                best.Add(new WordTermsQuery(field, token.StemSpellings, token.Exact, ranking.ExactBoost, lookups) { Boost = boost });
            return best;
        }

        /// <summary>
        /// For each two neighbouring free words, their stems near each other in the body (<see cref="ProximityQuery"/>):
        /// documents where they occur close together score higher. Not in the title, short enough for its words
        /// to be near each other anyway: rewarding them there too was measured to lose (docs/relevance.md).
        /// </summary>
        private IEnumerable<Query> Proximity(List<Token> sequence, TermLookups lookups)
        {
            if (ranking.ProximityBoost <= 0)
                yield break;
            var field = onlyField ?? language.BodyField;
            for (var i = 0; i + 1 < sequence.Count; i++)
            {
                var (first, second) = (sequence[i], sequence[i + 1]);
                var gap = second.Position - first.Position;
                if (gap is < 1 or > MaxQueryGap || first.Stem == second.Stem)
                    continue;
                yield return new ProximityQuery(field, first.StemSpellings, second.StemSpellings, gap, ranking.ProximitySlop, lookups) { Boost = ranking.ProximityBoost };
            }
        }

        /// <summary>The free words once more in the title of a document whose title they wholly make up (<see cref="WholeTitleQuery"/>).</summary>
        private IEnumerable<Query> WholeTitle(List<Token> sequence, TermLookups lookups)
        {
            // Searching the quotations only, no title counts.
            if (onlyField is not null || ranking.WholeTitleBoost <= 0 || sequence.Count == 0)
                yield break;
            var words = sequence.DistinctBy(t => t.Stem)
                .Select(t => new WordTermsQuery(language.TitleField, t.StemSpellings, t.Exact, ranking.ExactBoost, lookups) { Boost = ranking.TitleBoost })
                .ToList();
            yield return new WholeTitleQuery(language.TitleField, words) { Boost = ranking.WholeTitleBoost };
        }

        /// <summary>Words next to each other in order, each under any of its spellings.</summary>
        private static Query Phrase(string field, IReadOnlyList<(string[] Spellings, int Position)> words)
        {
            if (words.Any(w => w.Spellings.Length > 1))
                return new MergedPhraseQuery(field, words);
            var phrase = new PhraseQuery();
            foreach (var (spellings, position) in words)
                phrase.Add(new Term(field, spellings[0]), position);
            return phrase;
        }

        private IEnumerable<(string Field, float Boost)> Fields => onlyField is { } only ? [(only, 1f)] : [(language.TitleField, ranking.TitleBoost), (language.BodyField, 1f)];

        private Query? BuildPart(QueryPart part, HashSet<string>? highlight, WordCount count) => part switch
        {
            WordPart word => Required(count.Add(Analyze(word.Text)), exact: false, highlight),
            PhrasePart phrase => Required(count.Add(Analyze(phrase.Text)), exact: true, highlight),
            AnyOfPart anyOf => AnyOf(anyOf, highlight, count),
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };

        private Query? AnyOf(AnyOfPart anyOf, HashSet<string>? highlight, WordCount count)
        {
            var alternatives = new BooleanQuery(disableCoord: true);
            foreach (var alternative in anyOf.Alternatives)
                if (BuildPart(alternative, highlight, count) is { } query)
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
            string[] TermsOf(Token t) => exact && t.Exact is not null ? [t.Exact] : t.StemSpellings;
            if (highlight is not null)
                foreach (var token in tokens)
                    highlight.UnionWith(TermsOf(token));
            if (tokens.Count == 1 && !exact)
                return WordQuery(tokens[0]);

            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in Fields)
            {
                var perField = tokens.Count > 1 ? Phrase(field, [.. tokens.Select(t => (TermsOf(t), t.Position))])
                    : new TermQuery(new Term(field, TermsOf(tokens[0])[0]));
                perField.Boost = boost;
                anyField.Add(perField, Occur.SHOULD);
            }
            return anyField;
        }

        /// <summary>
        /// Whether the stem, read as a word, is written as its exact form alone, so words spelt as the stem
        /// are indexed under that form: a stem is then looked up under both terms.
        /// </summary>
        private bool IsOwnStem(string stem)
        {
            using var stream = analyzer.GetTokenStream(language.BodyField, stem);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var own = stream.IncrementToken() && term.Length == stem.Length + 1 && term.Buffer[0] == ArabicSearchAnalyzer.ExactPrefix
                && term.Buffer.AsSpan(1, stem.Length).SequenceEqual(stem) && !stream.IncrementToken();
            stream.End();
            return own;
        }

        /// <summary>The analysed words of a text with their positions from 0 (stop words leave gaps).</summary>
        private List<Token> Analyze(string text)
        {
            var words = new List<(string Stem, string? Exact, int Position, bool OwnStem)>();
            using (var stream = analyzer.GetTokenStream(language.BodyField, text))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                var increment = stream.AddAttribute<IPositionIncrementAttribute>();
                stream.Reset();
                var position = -1;
                while (stream.IncrementToken())
                {
                    var value = term.ToString();
                    var marked = value.Length > 0 && value[0] == ArabicSearchAnalyzer.ExactPrefix;
                    if (increment.PositionIncrement == 0 && words.Count > 0 && marked)
                    {
                        words[^1] = words[^1] with { Exact = value };
                        continue;
                    }
                    position += Math.Max(1, increment.PositionIncrement);
                    // A marked term at a position of its own is a word written as its exact form alone: its own stem.
                    words.Add(marked ? (value[1..], value, position, true) : (value, null, position, false));
                }
                stream.End();
            }
            // Positions from 0, and the other stems' spellings looked up once the text's stream is closed.
            var shift = words.Count > 0 ? words[0].Position : 0;
            return [.. words.Select(w => new Token(w.Stem, w.Exact, w.Position - shift,
                w.OwnStem || IsOwnStem(w.Stem) ? [w.Stem, ArabicSearchAnalyzer.ExactPrefix + w.Stem] : [w.Stem]))];
        }
    }
}
