using Lucene.Net.Index;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The postings of one word held under one or more terms (its spellings): the documents of any of
/// them, and in each document all their positions in order. A word is at one position under one
/// spelling only, so no position repeats.
/// </summary>
internal sealed class SpellingPostings(DocsAndPositionsEnum[] spellings)
{
    private readonly PostingsUnion<DocsAndPositionsEnum> _spellings = new(spellings);
    private int[] _positions = new int[16];

    public int Doc => _spellings.Doc;

    public long Cost => _spellings.Cost();

    public int NextDoc() => _spellings.NextDoc();

    public int Advance(int target) => _spellings.Advance(target);

    /// <summary>The word's positions in the current document, ascending; valid until the next call.</summary>
    public ReadOnlySpan<int> Positions()
    {
        var count = 0;
        var spellingsHere = 0;
        for (var s = 0; s < spellings.Length; s++)
        {
            if (!_spellings.IsOn(s))
                continue;
            var spelling = spellings[s];
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
