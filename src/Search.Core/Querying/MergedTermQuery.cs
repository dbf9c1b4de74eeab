using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// Terms of one field scored as if they were one term: a document's frequency is the sum of theirs,
/// and so is the number of documents holding the term (an upper bound: a document may hold both; the
/// largest of them instead lost 0.001 to 0.004 nDCG@10 on dev-eval). It is how a stem is looked up, since the
/// index holds it under two terms: the stem alone (words stemmed to it) and the exact form of the
/// words that are their own stem (<see cref="Analysis.ExactFormMode.Stemmed"/>). Summing two term
/// queries instead would reward a document for holding the word in both spellings.
/// </summary>
internal sealed class MergedTermQuery : Query
{
    private readonly Term[] _terms;

    public MergedTermQuery(IReadOnlyList<Term> terms)
    {
        if (terms.Count == 0 || terms.Any(t => t.Field != terms[0].Field))
            throw new ArgumentException("Merged terms must be one or more terms of one field.", nameof(terms));
        _terms = [.. terms];
    }

    public string Field => _terms[0].Field;

    public override Weight CreateWeight(IndexSearcher searcher) => new MergedWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms)
            terms.Add(term);
    }

    public override string ToString(string field) =>
        $"merged({string.Join(" | ", _terms.Select(t => t.Field == field ? t.Text : t.ToString()))})" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is MergedTermQuery other && other.Boost == Boost && other._terms.SequenceEqual(_terms);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var term in _terms)
            hash.Add(term);
        return hash.ToHashCode();
    }

    private sealed class MergedWeight : Weight
    {
        private readonly MergedTermQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext[] _contexts;

        public MergedWeight(MergedTermQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _contexts = [.. query._terms.Select(t => TermContext.Build(searcher.TopReaderContext, t))];
            long docFreq = 0, totalTermFreq = 0;
            foreach (var context in _contexts)
            {
                docFreq += context.DocFreq;
                totalTermFreq = totalTermFreq < 0 || context.TotalTermFreq < 0 ? -1 : totalTermFreq + context.TotalTermFreq;
            }
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Field),
                new TermStatistics(query._terms[0].Bytes, docFreq, totalTermFreq));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var terms = context.AtomicReader.GetTerms(_query.Field);
            if (terms is null)
                return null;
            var postings = new List<DocsEnum>(_contexts.Length);
            for (var i = 0; i < _contexts.Length; i++)
            {
                if (_contexts[i].Get(context.Ord) is not { } state)
                    continue;
                var termsEnum = terms.GetEnumerator();
                termsEnum.SeekExact(_query._terms[i].Bytes, state);
                postings.Add(termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS));
            }
            return postings.Count == 0 ? null : new MergedScorer(this, [.. postings], _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
                return new Explanation(scorer.GetScore(), $"{_query}, frequency {scorer.Freq}");
            return new Explanation(0, $"{_query}: no match");
        }
    }

    /// <summary>The union of the terms' postings, a document at a time, with their frequencies summed.</summary>
    private sealed class MergedScorer(Weight weight, DocsEnum[] postings, Similarity.SimScorer scorer) : Scorer(weight)
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                var freq = 0;
                foreach (var docs in postings)
                    if (docs.DocID == _doc)
                        freq += docs.Freq;
                return freq;
            }
        }

        public override float GetScore() => scorer.Score(_doc, Freq);

        public override int NextDoc()
        {
            foreach (var docs in postings)
                if (docs.DocID == _doc)
                    docs.NextDoc();
            return _doc = Lowest();
        }

        public override int Advance(int target)
        {
            foreach (var docs in postings)
                if (docs.DocID < target)
                    docs.Advance(target);
            return _doc = Lowest();
        }

        public override long GetCost() => postings.Sum(d => d.GetCost());

        private int Lowest()
        {
            var lowest = NO_MORE_DOCS;
            foreach (var docs in postings)
                lowest = Math.Min(lowest, docs.DocID);
            return lowest;
        }
    }
}
