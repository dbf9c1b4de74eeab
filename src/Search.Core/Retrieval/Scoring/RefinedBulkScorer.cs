using System.Numerics;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A <see cref="RefinedQuery"/> over a whole segment, a window of documents at a time: each matcher adds its
/// scores into the window's table, then the window's matches go to the collector in order, each as a
/// <see cref="RefinedMatch"/> whose refiners are read only if the collector wants its full score. This is
/// Lucene's <c>BooleanScorer</c> (a table of 2,048 documents a clause at a time) without its linked buckets
/// and a virtual call a posting, and with matches handed out in order, which the refiners need.
/// </summary>
internal sealed class RefinedBulkScorer(Scorer[] matchers, RefinedMatch match) : BulkScorer
{
    private const int Window = 2048;

    private readonly double[] _sums = new double[Window];
    private readonly int[] _counts = new int[Window];
    private readonly ulong[] _matched = new ulong[Window / 64];
    private readonly int[] _docs = [.. matchers.Select(m => m.NextDoc())];

    public override bool Score(ICollector collector, int max)
    {
        collector.SetScorer(match);
        while (true)
        {
            var start = _docs.Min();
            if (start >= max)
                return start != DocIdSetIterator.NO_MORE_DOCS;
            var end = (int)Math.Min((long)start + Window, max);
            for (var m = 0; m < matchers.Length; m++)
            {
                var matcher = matchers[m];
                var doc = _docs[m];
                while (doc < end)
                {
                    var i = doc - start;
                    _sums[i] += matcher.GetScore();
                    _counts[i]++;
                    _matched[i >> 6] |= 1UL << i;
                    doc = matcher.NextDoc();
                }
                _docs[m] = doc;
            }
            for (var word = 0; word < _matched.Length; word++)
            {
                var bits = _matched[word];
                if (bits == 0)
                    continue;
                _matched[word] = 0;
                do
                {
                    var i = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    match.Set(start + i, _sums[i], _counts[i]);
                    _sums[i] = 0;
                    _counts[i] = 0;
                    collector.Collect(start + i);
                }
                while (bits != 0);
            }
        }
    }
}
