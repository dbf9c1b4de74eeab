using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The documents of <see cref="WholeTitleQuery"/>: those holding any of the query's words in the title
/// whose title has no other word, scored as the sum of those words' title scores times the share of the
/// query they make up.
/// </summary>
internal sealed class WholeTitleScorer : Scorer
{
    /// <summary>Per norm byte, the fewest words a field encoded to it can have (BM25 stores 1/√length in one byte).</summary>
    private static readonly int[] FewestWords = BuildFewestWords();

    private readonly PostingsUnion<Scorer> _words;
    private readonly float[] _shares;
    private readonly NumericDocValues _norms;

    /// <param name="shares">Per word, its share of what the whole query says (its inverse document frequency over the query's total).</param>
    public WholeTitleScorer(Weight weight, Scorer[] words, float[] shares, NumericDocValues norms) : base(weight) =>
        (_words, _shares, _norms) = (new(words), shares, norms);

    public override int DocID => _words.Doc;

    /// <summary>How many of the title's words are the query's (its length, on a document this scorer is on).</summary>
    public override int Freq
    {
        get
        {
            var covered = 0;
            for (var i = 0; i < _words.Count; i++)
                if (_words.IsOn(i))
                    covered += _words.Lists[i].Freq;
            return covered;
        }
    }

    /// <summary>
    /// The title's words' scores, times the share of the query the title names: a title naming a question's
    /// whole subject (<c>رونالد ريغان</c> in <c>في أي عام ولد رونالد ريغان؟</c>) scores nearly in full, one naming
    /// a side of it (<c>فلسطين</c> in <c>لماذا جذبت فلسطين مختلف الحضارات؟</c>) little.
    /// </summary>
    public override float GetScore()
    {
        float score = 0f, share = 0f;
        for (var i = 0; i < _words.Count; i++)
            if (_words.IsOn(i))
            {
                score += _words.Lists[i].GetScore();
                share += _shares[i];
            }
        return score * share;
    }

    public override int NextDoc() => Covered(_words.NextDoc());

    public override int Advance(int target) => Covered(_words.Advance(target));

    public override long GetCost() => _words.Cost();

    /// <summary>From <paramref name="doc"/> on, the first document whose title is wholly made of the query's words.</summary>
    private int Covered(int doc)
    {
        while (doc != NO_MORE_DOCS)
        {
            if (Freq >= FewestWords[(byte)_norms.Get(doc)])
                return doc;
            doc = _words.NextDoc();
        }
        return doc;
    }

    private static int[] BuildFewestWords()
    {
        var fewest = new int[256];
        Array.Fill(fewest, int.MaxValue);
        for (var length = 1; length <= 10_000; length++)
        {
            var norm = SmallSingle.SingleToByte315(1f / MathF.Sqrt(length));
            fewest[norm] = Math.Min(fewest[norm], length);
        }
        return fewest;
    }
}
