using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// One query word in one field: its stem, held under one or more terms (its spellings), and, at a
/// lower weight, its exact form, read in one pass. The spellings score as one term: a document's
/// frequency is the sum of theirs, and so are the collection's statistics (<see cref="TermLookups.AsOneTerm"/>).
/// The index holds a stem under two terms when it is also a word of its own: the stem (words stemmed
/// to it) and that word's exact form (<see cref="Analysis.ArabicSearchFilter"/>). The exact form
/// may be one of the spellings (the query word is its own stem); its postings are then read once for both.
/// It scores what a sum of a stem query and an exact-form term query would, without the disjunction
/// between them and without reading a shared term twice.
/// </summary>
internal sealed class WordTermsQuery : Query
{
    private readonly string _field;
    private readonly Term[] _terms;
    private readonly int _spellings;
    private readonly int _exact;
    private readonly float _exactBoost;
    private readonly TermLookups _lookups;

    /// <param name="exact">The exact form, or null to score the stem alone.</param>
    /// <param name="lookups">Shared with the other parts of the query that read the same terms.</param>
    public WordTermsQuery(string field, IReadOnlyList<string> stemSpellings, string? exact, float exactBoost, TermLookups? lookups = null)
    {
        if (stemSpellings.Count == 0)
            throw new ArgumentException("A stem needs one or more spellings.", nameof(stemSpellings));
        var terms = stemSpellings.Distinct().Select(s => new Term(field, s)).ToList();
        _spellings = terms.Count;
        _exact = -1;
        if (exact is not null && exactBoost > 0)
        {
            _exact = terms.FindIndex(t => t.Text == exact);
            if (_exact < 0)
            {
                _exact = terms.Count;
                terms.Add(new Term(field, exact));
            }
        }
        (_field, _terms, _exactBoost, _lookups) = (field, [.. terms], exactBoost, lookups ?? new TermLookups());
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new WordTermsWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms)
            terms.Add(term);
    }

    public override string ToString(string field) =>
        $"{(field == _field ? "" : _field + ":")}word({string.Join('|', _terms.Take(_spellings).Select(t => t.Text))}"
        + (_exact >= 0 ? $", exact {_terms[_exact].Text}^{_exactBoost}" : "") + ")" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is WordTermsQuery other && other.Boost == Boost && other._spellings == _spellings && other._exact == _exact
        && other._exactBoost == _exactBoost && other._terms.SequenceEqual(_terms);

    public override int GetHashCode() => HashCode.Combine(_terms[0], _terms.Length, _exact, _exactBoost, Boost);

    internal sealed class WordTermsWeight : Weight
    {
        private readonly WordTermsQuery _query;
        private readonly Similarity _similarity;
        private readonly TermContext[] _contexts;
        /// <summary>Our BM25's tables where it scores the field (<see cref="Bm25Table"/>), else Lucene's weights of the field's similarity.</summary>
        private readonly Bm25Table? _stemTable, _exactTable;
        private readonly Similarity.SimWeight? _stem, _exact;

        public WordTermsWeight(WordTermsQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _contexts = [.. query._terms.Select(t => query._lookups.Get(searcher, t))];
            var collection = searcher.CollectionStatistics(query._field);
            var stem = TermLookups.AsOneTerm(query._terms[0], _contexts.Take(query._spellings));
            var documents = collection.DocCount > 0 ? collection.DocCount : collection.MaxDoc;
            Idf = (float)Math.Log(1 + (Math.Max(0, documents - stem.DocFreq) + 0.5) / (stem.DocFreq + 0.5));
            var exact = query._exact >= 0 ? TermLookups.AsOneTerm(query._terms[query._exact], [_contexts[query._exact]]) : null;
            _stemTable = SearchSimilarity.Table(_similarity, query._field, query.Boost, collection, stem);
            if (_stemTable is not null)
                _exactTable = exact is null ? null : SearchSimilarity.Table(_similarity, query._field, query.Boost * query._exactBoost, collection, exact);
            else
            {
                _stem = _similarity.ComputeWeight(query.Boost, collection, stem);
                _exact = exact is null ? null : _similarity.ComputeWeight(query.Boost * query._exactBoost, collection, exact);
            }
        }

        /// <summary>The stem's inverse document frequency in the field, as BM25 computes it: how much the word says.</summary>
        public float Idf { get; }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stemTable is not null
            ? _stemTable.ValueForNormalization + (_exactTable?.ValueForNormalization ?? 0)
            : _stem!.GetValueForNormalization() + (_exact?.GetValueForNormalization() ?? 0);

        public override void Normalize(float norm, float topLevelBoost)
        {
            _stemTable?.Normalize(topLevelBoost);
            _exactTable?.Normalize(topLevelBoost);
            _stem?.Normalize(norm, topLevelBoost);
            _exact?.Normalize(norm, topLevelBoost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (ReusedTerms.Of(context.AtomicReader, _query._field) is not { } termsEnum)
                return null;
            var postings = new DocsEnum?[_contexts.Length];
            var any = false;
            for (var i = 0; i < _contexts.Length; i++)
            {
                if (_contexts[i].Get(context.Ord) is not { } state)
                    continue;
                termsEnum.SeekExact(_query._terms[i].Bytes, state);
                postings[i] = ReusedPostings.Docs(context.AtomicReader, _query._field, termsEnum, acceptDocs);
                any = true;
            }
            if (!any)
                return null;
            return _stemTable is not null
                ? new WordTermsScorer(this, postings, _query._spellings, _query._exact,
                    SegmentNorms.For(context.AtomicReader, _query._field), _stemTable, _exactTable)
                : new WordTermsScorer(this, postings, _query._spellings, _query._exact,
                    _similarity.GetSimScorer(_stem!, context), _exact is null ? null : _similarity.GetSimScorer(_exact, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
                return new Explanation(scorer.GetScore(), $"{_query}, stem frequency {scorer.Freq}");
            return new Explanation(0, $"{_query}: no match");
        }
    }
}
