using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Two query words found near each other in one field: the second within <c>slop</c> positions of
/// <c>gap</c> after the first, in either order, each word under any of its spellings. It scores as
/// Lucene's sloppy <see cref="PhraseQuery"/> of two terms does (<see cref="ProximityScorer"/>), with each
/// word weighed once by its spellings' statistics summed, as <see cref="WordTermsQuery"/> weighs a stem.
/// Lucene's sloppy phrase scorer and its <see cref="MultiPhraseQuery"/> serve any number of terms and
/// repeated terms, and paid for that generality in every document holding both words.
/// </summary>
internal sealed class ProximityQuery : Query
{
    private readonly string _field;
    private readonly string[] _first, _second;
    private readonly int _gap, _slop;
    private readonly TermLookups _lookups;

    /// <param name="lookups">Shared with the other parts of the query that read the same terms.</param>
    public ProximityQuery(string field, string[] first, string[] second, int gap, int slop, TermLookups? lookups = null)
    {
        if (first.Length == 0 || second.Length == 0 || first.Intersect(second).Any())
            throw new ArgumentException("Each word needs one or more spellings, none shared with the other word.");
        ArgumentOutOfRangeException.ThrowIfLessThan(gap, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        (_field, _first, _second, _gap, _slop, _lookups) = (field, first, second, gap, slop, lookups ?? new TermLookups());
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new ProximityWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var spelling in _first.Concat(_second))
            terms.Add(new Term(_field, spelling));
    }

    public override string ToString(string field) =>
        $"{(field == _field ? "" : _field + ":")}\"{string.Join('|', _first)} {string.Join('|', _second)}\"~{_slop}/{_gap}{ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is ProximityQuery other && other.Boost == Boost && other._field == _field && other._gap == _gap && other._slop == _slop
        && other._first.SequenceEqual(_first) && other._second.SequenceEqual(_second);

    public override int GetHashCode() => HashCode.Combine(_field, _first[0], _second[0], _gap, _slop, Boost);

    private sealed class ProximityWeight : Weight
    {
        private readonly ProximityQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly (Term Term, TermContext Context)[] _first, _second;

        public ProximityWeight(ProximityQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _first = Contexts(searcher, query._first);
            _second = Contexts(searcher, query._second);
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query._field), Statistics(_first), Statistics(_second));
        }

        private (Term, TermContext)[] Contexts(IndexSearcher searcher, string[] spellings) =>
            [.. spellings.Select(s => new Term(_query._field, s)).Select(t => (t, _query._lookups.Get(searcher, t)))];

        private static TermStatistics Statistics((Term Term, TermContext Context)[] spellings) =>
            TermLookups.AsOneTerm(spellings[0].Term, spellings.Select(s => s.Context));

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (ReusedTerms.Of(context.AtomicReader, _query._field) is not { } termsEnum)
                return null;
            if (Postings(termsEnum, _first, context, acceptDocs) is not { } first || Postings(termsEnum, _second, context, acceptDocs) is not { } second)
                return null;
            return new ProximityScorer(this, first, second, _query._gap, _query._slop, _similarity.GetSimScorer(_stats, context));
        }

        /// <summary>The word's postings in this segment, or null when none of its spellings is in it.</summary>
        private static SpellingPostings? Postings(TermsEnum termsEnum, (Term Term, TermContext Context)[] spellings, AtomicReaderContext context, IBits acceptDocs)
        {
            var postings = new List<DocsAndPositionsEnum>(spellings.Length);
            foreach (var (term, termContext) in spellings)
            {
                if (termContext.Get(context.Ord) is not { } state)
                    continue;
                termsEnum.SeekExact(term.Bytes, state);
                postings.Add(ReusedPostings.Positions(context.AtomicReader, term.Field, termsEnum, acceptDocs)
                    ?? throw new InvalidOperationException($"field \"{term.Field}\" was indexed without positions"));
            }
            return postings.Count == 0 ? null : new SpellingPostings([.. postings]);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
                return new Explanation(scorer.GetScore(), $"{_query}, {scorer.Freq} pairing(s)");
            return new Explanation(0, $"{_query}: no match");
        }
    }
}
