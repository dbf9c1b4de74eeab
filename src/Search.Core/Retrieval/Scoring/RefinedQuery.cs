using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A question's free words (the matchers: a document matches if it holds any, and their scores add up) and
/// the clauses that only reward a document already matched (the refiners: its words near each other,
/// <see cref="ProximityQuery"/>; its whole title in the question, <see cref="WholeTitleQuery"/>). It scores
/// exactly what Lucene's disjunction of all of them scores, through a scorer of its own
/// (<see cref="RefinedBulkScorer"/>), and reads a refiner only for a document whose score is asked for
/// (<see cref="RefinedMatch"/>): a search in date order never reads the positions its refiners need.
/// </summary>
/// <remarks>A refiner must match only documents some matcher matches: a document found by a refiner alone is never seen.</remarks>
internal sealed class RefinedQuery : Query
{
    private readonly Query[] _matchers;
    private readonly Query[] _refiners;

    public RefinedQuery(IEnumerable<Query> matchers, IEnumerable<Query> refiners)
    {
        (_matchers, _refiners) = ([.. matchers], [.. refiners]);
        if (_matchers.Length == 0)
            throw new ArgumentException("A refined query needs a clause that matches.", nameof(matchers));
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new RefinedWeight(this, searcher);

    public override Query Rewrite(IndexReader reader)
    {
        var matchers = _matchers.Select(q => q.Rewrite(reader)).ToArray();
        var refiners = _refiners.Select(q => q.Rewrite(reader)).ToArray();
        if (matchers.SequenceEqual(_matchers, ReferenceEqualityComparer.Instance) && refiners.SequenceEqual(_refiners, ReferenceEqualityComparer.Instance))
            return this;
        return new RefinedQuery(matchers, refiners) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var query in _matchers.Concat(_refiners))
            query.ExtractTerms(terms);
    }

    public override string ToString(string field) =>
        $"refined(({string.Join(' ', _matchers.Select(q => q.ToString(field)))}) + ({string.Join(' ', _refiners.Select(q => q.ToString(field)))})){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is RefinedQuery other && other.Boost == Boost && other._matchers.SequenceEqual(_matchers) && other._refiners.SequenceEqual(_refiners);

    public override int GetHashCode() => HashCode.Combine(_matchers.Length, _matchers[0], _refiners.Length, Boost);

    private sealed class RefinedWeight(RefinedQuery query, IndexSearcher searcher) : Weight
    {
        private readonly MatcherWeight[] _matchers = [.. query._matchers.Select(q => MatcherWeight.Of(q, searcher))];
        private readonly Weight[] _refiners = [.. query._refiners.Select(q => q.CreateWeight(searcher))];

        public override Query Query => query;

        /// <summary>As Lucene's <c>BooleanWeight</c>: every clause's value summed, times the boost squared.</summary>
        public override float GetValueForNormalization()
        {
            var sum = 0f;
            foreach (var word in _matchers)
                sum += word.GetValueForNormalization();
            foreach (var weight in _refiners)
                sum += weight.GetValueForNormalization();
            return sum * query.Boost * query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var word in _matchers)
                word.Normalize(norm, topLevelBoost * query.Boost);
            foreach (var weight in _refiners)
                weight.Normalize(norm, topLevelBoost * query.Boost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
            Parts(context, acceptDocs) is var (matchers, match) ? new RefinedScorer(this, matchers, match) : null;

        /// <summary>
        /// Always the windowed scorer: it hands matches out in order, whatever the collector accepts. The postings
        /// readers its parts open are its own, given back for the thread's next segment once it is done (<see cref="ReusedPostings"/>).
        /// </summary>
        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs) =>
            ReusedPostings.Opening(context.AtomicReader, () => Parts(context, acceptDocs)) is ({ } parts, var readers)
                ? new RefinedBulkScorer(parts.Matchers, parts.Match, readers)
                : null;

        /// <summary>Each word's fields in this segment (words in none left out), and the match its scorers hand out.</summary>
        private (MatcherScorers[] Matchers, RefinedMatch Match)? Parts(AtomicReaderContext context, IBits acceptDocs)
        {
            MatcherScorers[] words = [.. _matchers.Select(w => w.Scorers(context, acceptDocs)).Where(w => w.Fields.Length > 0)];
            if (words.Length == 0)
                return null;
            return (words, new RefinedMatch(this, new Refinements(Scorers(_refiners, context, acceptDocs))));
        }

        private static Scorer[] Scorers(Weight[] weights, AtomicReaderContext context, IBits acceptDocs) =>
            [.. weights.Select(w => w.GetScorer(context, acceptDocs)).OfType<Scorer>()];

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var sum = new ComplexExplanation { Description = "sum of:" };
            double total = 0;
            foreach (var word in _matchers)
                if (word.Explain(context, doc) is { IsMatch: true } explained)
                {
                    sum.AddDetail(explained);
                    total += explained.Value;
                }
            if (sum.GetDetails() is not { Length: > 0 })
                return new ComplexExplanation(false, 0f, "no matching word");
            foreach (var weight in _refiners)
                if (weight.Explain(context, doc) is { IsMatch: true } explained)
                {
                    sum.AddDetail(explained);
                    total += explained.Value;
                }
            sum.Value = (float)total;
            sum.Match = true;
            return sum;
        }
    }
}
