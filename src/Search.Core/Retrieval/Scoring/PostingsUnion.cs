using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Walks the postings of several terms as one list of documents: the current document is the least
/// any of them is on. Used for a word held under several terms (<see cref="WordTermsScorer"/>,
/// <see cref="SpellingPostings"/>) and for a title's words (<see cref="WholeTitleScorer"/>); with one term
/// it is that term's postings. Where each list is, is kept here (<see cref="IsOn"/>) rather than asked of
/// it: a list's <c>DocID</c> is a virtual call, asked of every list at every step and by every score, and it
/// was 3% of a search's processor time under perf.py's load (a perf profile).
/// </summary>
internal sealed class PostingsUnion<T>(T[] lists) where T : DocIdSetIterator
{
    private readonly int[] _docs = [.. lists.Select(list => list.DocID)];

    public T[] Lists => lists;

    /// <summary>The current document: the least any list is on (-1 before the first step).</summary>
    public int Doc { get; private set; } = -1;

    public int Count => lists.Length;

    /// <summary>Whether list <paramref name="i"/> holds the current document.</summary>
    public bool IsOn(int i) => _docs[i] == Doc;

    /// <summary>Moves the lists on the current document past it and returns the next document of any.</summary>
    public int NextDoc()
    {
        if (lists.Length == 1)
            return Doc = _docs[0] = lists[0].NextDoc();
        var lowest = DocIdSetIterator.NO_MORE_DOCS;
        for (var i = 0; i < lists.Length; i++)
        {
            if (_docs[i] == Doc)
                _docs[i] = lists[i].NextDoc();
            lowest = Math.Min(lowest, _docs[i]);
        }
        return Doc = lowest;
    }

    /// <summary>Moves every list behind <paramref name="target"/> to it or beyond and returns the first document of any.</summary>
    public int Advance(int target)
    {
        if (lists.Length == 1)
            return Doc = _docs[0] = lists[0].Advance(target);
        var lowest = DocIdSetIterator.NO_MORE_DOCS;
        for (var i = 0; i < lists.Length; i++)
        {
            if (_docs[i] < target)
                _docs[i] = lists[i].Advance(target);
            lowest = Math.Min(lowest, _docs[i]);
        }
        return Doc = lowest;
    }

    public long Cost()
    {
        long cost = 0;
        foreach (var list in lists)
            cost += list.GetCost();
        return cost;
    }
}
