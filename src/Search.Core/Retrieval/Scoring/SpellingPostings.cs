using Lucene.Net.Index;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The postings of one word held under one or more terms (its spellings): the documents of any of
/// them, and in each document all their positions in order. A word is at one position under one
/// spelling only, so no position repeats.
/// </summary>
internal sealed class SpellingPostings(DocsAndPositionsEnum[] spellings)
{
    private int[] _positions = new int[16];

    public int Doc { get; private set; } = -1;

    public long Cost => PostingsUnion.Cost(spellings);

    public int NextDoc() => Doc = PostingsUnion.NextDoc(spellings, Doc);

    public int Advance(int target) => Doc = PostingsUnion.Advance(spellings, target);

    /// <summary>The word's positions in the current document, ascending; valid until the next call.</summary>
    public ReadOnlySpan<int> Positions()
    {
        var count = 0;
        var spellingsHere = 0;
        foreach (var spelling in spellings)
        {
            if (spelling.DocID != Doc)
                continue;
            spellingsHere++;
            var freq = spelling.Freq;
            if (count + freq > _positions.Length)
                Array.Resize(ref _positions, Math.Max(count + freq, _positions.Length * 2));
            for (var i = 0; i < freq; i++)
                _positions[count++] = spelling.NextPosition();
        }
        var positions = _positions.AsSpan(0, count);
        if (spellingsHere > 1)
            positions.Sort();
        return positions;
    }
}
