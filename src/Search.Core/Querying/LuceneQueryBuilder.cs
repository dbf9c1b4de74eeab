using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Turns a parsed <see cref="UserQuery"/> into a Lucene query over the title and the body, analysing
/// every word exactly as documents are analysed, so spelling variants the analyzer folds match.
/// </summary>
public sealed class LuceneQueryBuilder(Analyzer analyzer, float titleBoost = 2f)
{
    private readonly (string Field, float Boost)[] _fields = [(IndexFields.Title, titleBoost), (IndexFields.Body, 1f)];

    public CompiledQuery Build(UserQuery userQuery)
    {
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var root = new BooleanQuery();
        var positives = 0;
        foreach (var clause in userQuery.Clauses)
        {
            var query = BuildPart(clause.Part, clause.Occurrence == Occurrence.MustNot ? null : highlight);
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
        if (root.Clauses.Count == 0)
            return new CompiledQuery(null, highlight);
        if (positives == 0)
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        return new CompiledQuery(root, highlight);
    }

    private Query? BuildPart(QueryPart part, HashSet<string>? highlight) => part switch
    {
        WordPart word => TermsQuery(Analyze(word.Text), highlight),
        PhrasePart phrase => TermsQuery(Analyze(phrase.Text), highlight),
        AnyOfPart anyOf => AnyOf(anyOf, highlight),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private Query? AnyOf(AnyOfPart anyOf, HashSet<string>? highlight)
    {
        var alternatives = new BooleanQuery();
        foreach (var alternative in anyOf.Alternatives)
            if (BuildPart(alternative, highlight) is { } query)
                alternatives.Add(query, Occur.SHOULD);
        return alternatives.Clauses.Count == 0 ? null : alternatives;
    }

    /// <summary>One term: that term in any field; several (a phrase, or a word the analyzer split): them in order.</summary>
    private Query? TermsQuery(List<(string Term, int Position)> terms, HashSet<string>? highlight)
    {
        if (terms.Count == 0)
            return null;
        if (highlight is not null)
            foreach (var (term, _) in terms)
                highlight.Add(term);

        var anyField = new BooleanQuery();
        foreach (var (field, boost) in _fields)
        {
            Query perField;
            if (terms.Count == 1)
            {
                perField = new TermQuery(new Term(field, terms[0].Term));
            }
            else
            {
                var phrase = new PhraseQuery();
                foreach (var (term, position) in terms)
                    phrase.Add(new Term(field, term), position);
                perField = phrase;
            }
            perField.Boost = boost;
            anyField.Add(perField, Occur.SHOULD);
        }
        return anyField;
    }

    /// <summary>The analysed terms of a text with their positions (stop words leave gaps).</summary>
    private List<(string Term, int Position)> Analyze(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        if (terms.Count > 0 && terms[0].Item2 > 0)
        {
            var shift = terms[0].Item2;
            terms = terms.Select(t => (t.Item1, t.Item2 - shift)).ToList();
        }
        return terms;
    }
}
