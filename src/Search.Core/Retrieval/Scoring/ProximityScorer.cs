using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The documents holding both words of a <see cref="ProximityQuery"/> somewhere near each other. A
/// document's frequency is what Lucene's sloppy phrase scorer counts for two terms: walking the
/// positions from the least, every closest pairing of the two words within the slop adds
/// <see cref="Similarity.SimScorer.ComputeSlopFactor"/> of its distance, where the distance is how far
/// the pair is from where the query has them (the second word <c>gap</c> positions after the first).
/// </summary>
internal sealed class ProximityScorer : Scorer
{
    private readonly SpellingPostings _first, _second, _lead, _follow;
    private readonly int _gap, _slop;
    private readonly Similarity.SimScorer _docScorer;
    private int _doc = -1;
    private float _frequency;
    private int _matches;

    public ProximityScorer(Weight weight, SpellingPostings first, SpellingPostings second, int gap, int slop, Similarity.SimScorer docScorer) : base(weight)
    {
        (_first, _second, _gap, _slop, _docScorer) = (first, second, gap, slop, docScorer);
        // The rarer word leads: the other is only asked about the documents that hold the first.
        (_lead, _follow) = first.Cost <= second.Cost ? (first, second) : (second, first);
    }

    public override int DocID => _doc;

    /// <summary>How many pairings were counted in the current document.</summary>
    public override int Freq => _matches;

    public override float GetScore() => _docScorer.Score(_doc, _frequency);

    public override long GetCost() => _lead.Cost;

    public override int NextDoc() => _doc = Align(_lead.NextDoc());

    public override int Advance(int target) => _doc = Align(_lead.Advance(target));

    /// <summary>From the lead's document <paramref name="doc"/> on, the first document with both words near each other.</summary>
    private int Align(int doc)
    {
        while (doc != NO_MORE_DOCS)
        {
            var other = _follow.Doc < doc ? _follow.Advance(doc) : _follow.Doc;
            if (other == NO_MORE_DOCS)
                return NO_MORE_DOCS;
            if (other > doc)
            {
                doc = _lead.Advance(other);
                continue;
            }
            if (Count())
                return doc;
            doc = _lead.NextDoc();
        }
        return NO_MORE_DOCS;
    }

    /// <summary>
    /// Counts the pairings of the current document. Each word's positions are shifted by its place in
    /// the query (the second by the gap), so a pairing exactly as in the query is at distance 0. The
    /// lesser of the two is advanced while it stays at or below the other (ties go to the first word),
    /// keeping the smallest span seen; when it passes the other, that span is one pairing.
    /// </summary>
    private bool Count()
    {
        var first = _first.Positions();
        var second = _second.Positions();
        int i = 0, j = 0;
        var a = first[0];
        var b = second[0] - _gap;
        var end = Math.Max(a, b);
        var onFirst = a <= b;
        var current = onFirst ? a : b;
        var next = onFirst ? b : a;
        var span = end - current;
        var frequency = 0f;
        var matches = 0;
        while (true)
        {
            if (onFirst)
            {
                if (++i >= first.Length)
                    break;
                current = first[i];
            }
            else
            {
                if (++j >= second.Length)
                    break;
                current = second[j] - _gap;
            }
            if (current > end)
                end = current;
            if (current > next)
            {
                if (span <= _slop)
                {
                    frequency += _docScorer.ComputeSlopFactor(span);
                    matches++;
                }
                (current, next) = (next, current);
                onFirst = !onFirst;
                span = end - current;
            }
            else if (end - current < span)
            {
                span = end - current;
            }
        }
        if (span <= _slop)
        {
            frequency += _docScorer.ComputeSlopFactor(span);
            matches++;
        }
        (_frequency, _matches) = (frequency, matches);
        return frequency != 0;
    }
}
