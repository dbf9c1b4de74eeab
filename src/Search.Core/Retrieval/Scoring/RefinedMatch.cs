using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The current document of a <see cref="RefinedQuery"/> as its collector sees it: the matchers' summed score,
/// known, and the refiners' part, computed only when the score is asked for.
/// </summary>
internal sealed class RefinedMatch(Weight weight, Refinements refinements) : Scorer(weight)
{
    private int _doc = -1;
    private int _matchers;
    private double _matched;
    private float _score;
    private bool _scored;

    public void Set(int doc, double matched, int matchers) => (_doc, _matched, _matchers, _scored) = (doc, matched, matchers, false);

    public override int DocID => _doc;

    /// <summary>How many matchers hold the document.</summary>
    public override int Freq => _matchers;

    /// <summary>
    /// The sum of every clause's score in double, as Lucene's <c>BooleanScorer</c> adds them; the clauses' scores
    /// are floats of like size, whose sums in double are exact, so the order of the additions does not matter.
    /// </summary>
    public override float GetScore()
    {
        if (!_scored)
        {
            _score = (float)refinements.AddTo(_doc, _matched);
            _scored = true;
        }
        return _score;
    }

    public override int NextDoc() => throw new NotSupportedException("A refined match is moved by its scorer.");

    public override int Advance(int target) => throw new NotSupportedException("A refined match is moved by its scorer.");

    public override long GetCost() => 1;
}
