using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A document whose whole title is named by the query: every word of its title is one of the query's
/// words (<c>رادار</c> for <c>ما هو الرادار؟</c>, <c>ريتشارد فاغنر</c> for <c>من هو ريتشارد فاغنر؟</c>). Such a
/// title says what the document is about, and the question asks about just that; its words then score
/// in the title once more, beside the best field each word already scored in. A title sharing only
/// some of the query's words (<c>نظام الحكم في الأردن</c> for a question on the Philippines) gets nothing,
/// which is why this, unlike a heavier title or a summed title and body, leaves other questions be.
/// </summary>
/// <remarks>
/// The title's length comes from its norm, where BM25 keeps it (one byte, exact up to eight words, within a
/// few words beyond); the words of the query that are in the title, from their postings. No index change.
/// </remarks>
internal sealed class WholeTitleQuery : Query
{
    private readonly string _field;
    private readonly WordTermsQuery[] _words;

    /// <param name="words">The query's distinct words in the title field, each as it scores there.</param>
    public WholeTitleQuery(string field, IReadOnlyList<WordTermsQuery> words)
    {
        if (words.Count == 0)
            throw new ArgumentException("A title is named by one or more words.", nameof(words));
        (_field, _words) = (field, [.. words]);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new WholeTitleWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var word in _words)
            word.ExtractTerms(terms);
    }

    public override string ToString(string field) => $"wholetitle({string.Join(' ', _words.Select(w => w.ToString(field)))}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is WholeTitleQuery other && other.Boost == Boost && other._field == _field && other._words.SequenceEqual(_words);

    public override int GetHashCode() => HashCode.Combine(_field, _words.Length, _words[0], Boost);

    private sealed class WholeTitleWeight(WholeTitleQuery query, IndexSearcher searcher) : Weight
    {
        private readonly WordTermsQuery.WordTermsWeight[] _words = [.. query._words.Select(w => (WordTermsQuery.WordTermsWeight)w.CreateWeight(searcher))];

        public override Query Query => query;

        public override float GetValueForNormalization() => _words.Sum(w => w.GetValueForNormalization()) * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var word in _words)
                word.Normalize(norm, topLevelBoost * query.Boost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (context.AtomicReader.GetNormValues(query._field) is not { } norms)
                return null;
            var total = _words.Sum(w => w.Idf);
            var present = _words.Select(w => (Scorer: w.GetScorer(context, acceptDocs), Share: w.Idf / total)).Where(w => w.Scorer is not null).ToArray();
            return present.Length == 0 ? null : new WholeTitleScorer(this, [.. present.Select(w => w.Scorer!)], [.. present.Select(w => w.Share)], norms);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
                return new Explanation(scorer.GetScore(), $"{query}: the whole title of {scorer.Freq} word(s) is in the query");
            return new Explanation(0, $"{query}: the title is not wholly in the query");
        }
    }
}
