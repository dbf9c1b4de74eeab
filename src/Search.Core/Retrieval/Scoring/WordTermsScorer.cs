using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The documents of any of a <see cref="WordTermsQuery"/>'s terms, a document at a time: the stem's
/// spellings' frequencies summed and scored as one term, plus the exact form's score where it occurs.
/// </summary>
internal sealed class WordTermsScorer : Scorer
{
    private readonly PostingsUnion<DocsEnum> _postings;
    private readonly bool[] _isSpelling;
    private readonly bool[] _isExact;
    private readonly Similarity.SimScorer? _stem;
    private readonly Similarity.SimScorer? _exact;
    private readonly byte[]? _norms;
    private readonly Bm25Table? _stemTable;
    private readonly Bm25Table? _exactTable;

    /// <summary>Scored by Lucene's similarity.</summary>
    /// <param name="postings">Per term, its postings in this segment or null; the first <paramref name="spellings"/> are the stem's.</param>
    /// <param name="exact">Which term is the exact form, -1 for none.</param>
    public WordTermsScorer(Weight weight, DocsEnum?[] postings, int spellings, int exact, Similarity.SimScorer stem, Similarity.SimScorer? exactScorer)
        : this(weight, postings, spellings, exact) => (_stem, _exact) = (stem, exactScorer);

    /// <summary>Scored by our BM25's tables from the segment's norms (null where the field has none), as Lucene's similarity would score it.</summary>
    public WordTermsScorer(Weight weight, DocsEnum?[] postings, int spellings, int exact, byte[]? norms, Bm25Table stem, Bm25Table? exactTable)
        : this(weight, postings, spellings, exact) => (_norms, _stemTable, _exactTable) = (norms, stem, exactTable);

    private WordTermsScorer(Weight weight, DocsEnum?[] postings, int spellings, int exact) : base(weight)
    {
        var present = Enumerable.Range(0, postings.Length).Where(i => postings[i] is not null).ToArray();
        _postings = new([.. present.Select(i => postings[i]!)]);
        _isSpelling = [.. present.Select(i => i < spellings)];
        _isExact = [.. present.Select(i => i == exact)];
    }

    public override int DocID => _postings.Doc;

    /// <summary>The stem's frequency in the current document, all spellings summed.</summary>
    public override int Freq
    {
        get
        {
            var freq = 0;
            for (var i = 0; i < _postings.Count; i++)
                if (_isSpelling[i] && _postings.IsOn(i))
                    freq += _postings.Lists[i].Freq;
            return freq;
        }
    }

    public override float GetScore()
    {
        int stem = 0, exact = 0;
        for (var i = 0; i < _postings.Count; i++)
        {
            if (!_postings.IsOn(i))
                continue;
            var freq = _postings.Lists[i].Freq;
            if (_isSpelling[i])
                stem += freq;
            if (_isExact[i])
                exact = freq;
        }
        var doc = _postings.Doc;
        if (_stemTable is not null)
        {
            var byTable = stem > 0 ? _stemTable.Score(_norms, doc, stem) : 0f;
            return exact > 0 ? byTable + _exactTable!.Score(_norms, doc, exact) : byTable;
        }
        var score = stem > 0 ? _stem!.Score(doc, stem) : 0f;
        return exact > 0 ? score + _exact!.Score(doc, exact) : score;
    }

    public override int NextDoc() => _postings.NextDoc();

    public override int Advance(int target) => _postings.Advance(target);

    public override long GetCost() => _postings.Cost();
}
