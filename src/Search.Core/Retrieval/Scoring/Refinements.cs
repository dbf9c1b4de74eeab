using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The refiners of a <see cref="RefinedQuery"/> in one segment: clauses that only add to the score of a
/// document the matchers found. They are asked about a document only when its full score is wanted, and
/// each is then moved forward to it; documents arrive in order, so a refiner is never asked to go back.
/// </summary>
internal sealed class Refinements(Scorer[] refiners)
{
    private readonly int[] _docs = [.. refiners.Select(r => r.DocID)];

    /// <summary><paramref name="sum"/> plus what each refiner on <paramref name="doc"/> scores there.</summary>
    public double AddTo(int doc, double sum)
    {
        for (var i = 0; i < refiners.Length; i++)
        {
            if (_docs[i] < doc)
                _docs[i] = refiners[i].Advance(doc);
            if (_docs[i] == doc)
                sum += refiners[i].GetScore();
        }
        return sum;
    }
}
