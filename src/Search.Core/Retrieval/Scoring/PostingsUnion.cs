using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Walks the postings of several terms as one list of documents: the current document is the least
/// any of them is on. Used for a word held under several terms (<see cref="WordTermsScorer"/>,
/// <see cref="SpellingPostings"/>); with one term it is that term's postings.
/// </summary>
internal static class PostingsUnion
{
    /// <summary>Moves the postings on <paramref name="current"/> past it and returns the next document of any.</summary>
    public static int NextDoc(DocsEnum[] postings, int current)
    {
        if (postings.Length == 1)
            return postings[0].NextDoc();
        foreach (var docs in postings)
            if (docs.DocID == current)
                docs.NextDoc();
        return Lowest(postings);
    }

    /// <summary>Moves every postings list behind <paramref name="target"/> to it or beyond and returns the first document of any.</summary>
    public static int Advance(DocsEnum[] postings, int target)
    {
        if (postings.Length == 1)
            return postings[0].Advance(target);
        foreach (var docs in postings)
            if (docs.DocID < target)
                docs.Advance(target);
        return Lowest(postings);
    }

    public static long Cost(DocsEnum[] postings)
    {
        long cost = 0;
        foreach (var docs in postings)
            cost += docs.GetCost();
        return cost;
    }

    private static int Lowest(DocsEnum[] postings)
    {
        var lowest = DocIdSetIterator.NO_MORE_DOCS;
        foreach (var docs in postings)
            lowest = Math.Min(lowest, docs.DocID);
        return lowest;
    }
}
