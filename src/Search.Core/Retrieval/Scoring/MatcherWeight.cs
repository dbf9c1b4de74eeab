using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The weight of one matcher of a <see cref="RefinedQuery"/>, opened into the fields it is scored in: a word's title and body
/// (Lucene's <see cref="DisjunctionMaxQuery"/> of one or two fields, which <see cref="RefinedBulkScorer"/> scores a
/// field at a time into its window, without the disjunction's heap), or any other query as one field.
/// </summary>
internal sealed class MatcherWeight
{
    private readonly Weight[] _fields;
    private readonly float _boost;

    /// <summary>What a field other than the best adds, as a share of its score.</summary>
    private readonly float _tie;

    private MatcherWeight(Weight[] fields, float tie, float boost) => (_fields, _tie, _boost) = (fields, tie, boost);

    public static MatcherWeight Of(Query query, IndexSearcher searcher) => query is DisjunctionMaxQuery { Disjuncts.Count: 1 or 2 } best
        ? new([.. best.Disjuncts.Select(q => q.CreateWeight(searcher))], best.TieBreakerMultiplier, best.Boost)
        : new([query.CreateWeight(searcher)], 0f, 1f);

    /// <summary>
    /// The score of a word found in two fields, exactly as Lucene's <c>DisjunctionMaxScorer</c> computes it in float:
    /// the best field's score plus the other's times the tie. Found in one field, a word scores that field's score.
    /// </summary>
    public static float Combine(float first, float second, float tie)
    {
        var sum = first + second;
        var best = Math.Max(first, second);
        return best + (sum - best) * tie;
    }

    /// <summary>As <c>DisjunctionMaxWeight</c>: the best field's value plus the others' times the tie squared, times the boost squared.</summary>
    public float GetValueForNormalization()
    {
        float sum = 0f, max = 0f;
        foreach (var field in _fields)
        {
            var value = field.GetValueForNormalization();
            sum += value;
            max = Math.Max(max, value);
        }
        return ((sum - max) * _tie * _tie + max) * _boost * _boost;
    }

    public void Normalize(float norm, float topLevelBoost)
    {
        foreach (var field in _fields)
            field.Normalize(norm, topLevelBoost * _boost);
    }

    /// <summary>The scorers of the fields holding the word in this segment (none, one or two), with the tie that combines them.</summary>
    public MatcherScorers Scorers(AtomicReaderContext context, IBits acceptDocs) =>
        new([.. _fields.Select(w => w.GetScorer(context, acceptDocs)).OfType<Scorer>()], _tie);

    public Explanation Explain(AtomicReaderContext context, int doc)
    {
        var found = _fields.Select(w => w.Explain(context, doc)).Where(e => e.IsMatch).ToArray();
        if (found.Length == 0)
            return new ComplexExplanation(false, 0f, "the word is in none of its fields");
        if (_fields.Length == 1)
            return found[0];
        var explanation = new ComplexExplanation(true, found.Length == 1 ? found[0].Value : Combine(found[0].Value, found[1].Value, _tie),
            $"the best field plus {_tie} times the other of:");
        foreach (var field in found)
            explanation.AddDetail(field);
        return explanation;
    }
}
