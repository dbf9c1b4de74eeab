using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A <see cref="RefinedQuery"/> a document at a time, in order: where it is nested in another query (a
/// language's conjunction) or asked to explain. Its current document and score are <see cref="RefinedMatch"/>'s.
/// </summary>
internal sealed class RefinedScorer(Weight weight, Scorer[] matchers, RefinedMatch match) : Scorer(weight)
{
    private readonly PostingsUnion<Scorer> _matchers = new(matchers);

    public override int DocID => _matchers.Doc;

    public override int Freq => match.Freq;

    public override float GetScore() => match.GetScore();

    public override int NextDoc() => Matched(_matchers.NextDoc());

    public override int Advance(int target) => Matched(_matchers.Advance(target));

    public override long GetCost() => _matchers.Cost();

    private int Matched(int doc)
    {
        if (doc == NO_MORE_DOCS)
            return doc;
        double sum = 0;
        var count = 0;
        for (var i = 0; i < _matchers.Count; i++)
            if (_matchers.IsOn(i))
            {
                sum += _matchers.Lists[i].GetScore();
                count++;
            }
        match.Set(doc, sum, count);
        return doc;
    }
}
