using System.Numerics;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A <see cref="RefinedQuery"/> over a whole segment, a window of documents at a time: each matcher adds its
/// scores into the window's table, a field at a time, then the window's matches go to the collector in order,
/// each as a <see cref="RefinedMatch"/> whose refiners are read only if the collector wants its full score. This is
/// Lucene's <c>BooleanScorer</c> (a table of 2,048 documents a clause at a time) without its linked buckets,
/// a virtual call a posting, and a heap for each word's title and body; and with matches handed out in order,
/// which the refiners need.
/// </summary>
internal sealed class RefinedBulkScorer : BulkScorer
{
    private const int Window = 2048;

    /// <summary>
    /// The window's table a segment scored on this thread last used, clean once that segment was scored to its end:
    /// a table is 32 KB, and one a segment a search was a tenth of what a search over HTTP allocated, and so of
    /// the collections that followed (docs/performance.md). A table is taken by one scorer at a time, and a scorer
    /// stopped before its end (a failure, a search cut short) leaves its table to the collector.
    /// </summary>
    [ThreadStatic]
    private static Table? t_spare;

    private readonly MatcherScorers[] _words;
    private readonly RefinedMatch _match;
    private Table? _table;
    private readonly double[] _sums;
    private readonly int[] _counts;
    private readonly ulong[] _matched;
    /// <summary>A word's score in its first field, where it is found there, until its second field is read.</summary>
    private readonly float[] _first;
    private readonly ulong[] _inFirst;
    /// <summary>Each field's current document, in the order of the words' fields.</summary>
    private readonly int[] _docs;

    /// <summary>The postings readers the scorers read, given back with the table.</summary>
    private ReusedPostings.Taken? _readers;

    public RefinedBulkScorer(MatcherScorers[] words, RefinedMatch match, ReusedPostings.Taken readers)
    {
        (_words, _match, _readers) = (words, match, readers);
        var table = t_spare ?? new Table();
        (_table, t_spare) = (table, null);
        (_sums, _counts, _matched, _first, _inFirst) = (table.Sums, table.Counts, table.Matched, table.First, table.InFirst);
        _docs = [.. words.SelectMany(w => w.Fields).Select(f => f.NextDoc())];
    }

    public override bool Score(ICollector collector, int max)
    {
        collector.SetScorer(_match);
        while (true)
        {
            var start = _docs.Min();
            if (start >= max)
            {
                if (start != DocIdSetIterator.NO_MORE_DOCS)
                    return true;
                // Every window was collected, which clears what it counted: the table is clean for the next segment,
                // and no scorer reads its postings again. Given back once, however often a finished scorer is asked again.
                (t_spare, _table) = (_table ?? t_spare, null);
                if (_readers is { } readers)
                {
                    _readers = null;
                    ReusedPostings.GiveBack(readers);
                }
                return false;
            }
            var end = (int)Math.Min((long)start + Window, max);
            var list = 0;
            foreach (var (fields, tie) in _words)
            {
                if (fields.Length == 1)
                    _docs[list] = AddScores(fields[0], _docs[list], start, end);
                else
                {
                    _docs[list] = KeepFirst(fields[0], _docs[list], start, end);
                    _docs[list + 1] = AddWithFirst(fields[1], _docs[list + 1], start, end, tie);
                    AddFirstAlone();
                }
                list += fields.Length;
            }
            Collect(collector, start);
        }
    }

    /// <summary>A word found in one field: its score there, for every document of the window.</summary>
    private int AddScores(Scorer field, int doc, int start, int end)
    {
        while (doc < end)
        {
            var i = doc - start;
            _sums[i] += field.GetScore();
            _counts[i]++;
            _matched[i >> 6] |= 1UL << i;
            doc = field.NextDoc();
        }
        return doc;
    }

    private int KeepFirst(Scorer field, int doc, int start, int end)
    {
        while (doc < end)
        {
            var i = doc - start;
            _first[i] = field.GetScore();
            _inFirst[i >> 6] |= 1UL << i;
            doc = field.NextDoc();
        }
        return doc;
    }

    /// <summary>The second field's scores, each combined with the first's where the word is in both (<see cref="MatcherWeight.Combine"/>).</summary>
    private int AddWithFirst(Scorer field, int doc, int start, int end, float tie)
    {
        while (doc < end)
        {
            var i = doc - start;
            var score = field.GetScore();
            var bit = 1UL << i;
            if ((_inFirst[i >> 6] & bit) != 0)
            {
                _inFirst[i >> 6] &= ~bit;
                score = MatcherWeight.Combine(_first[i], score, tie);
            }
            _sums[i] += score;
            _counts[i]++;
            _matched[i >> 6] |= bit;
            doc = field.NextDoc();
        }
        return doc;
    }

    /// <summary>The documents where the word is in its first field alone: that field's score.</summary>
    private void AddFirstAlone()
    {
        for (var word = 0; word < _inFirst.Length; word++)
        {
            var bits = _inFirst[word];
            if (bits == 0)
                continue;
            _inFirst[word] = 0;
            _matched[word] |= bits;
            do
            {
                var i = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                _sums[i] += _first[i];
                _counts[i]++;
            }
            while (bits != 0);
        }
    }

    /// <summary>The window's matches to the collector, in order, and the table cleared for the next window.</summary>
    private void Collect(ICollector collector, int start)
    {
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
                _match.Set(start + i, _sums[i], _counts[i]);
                _sums[i] = 0;
                _counts[i] = 0;
                collector.Collect(start + i);
            }
            while (bits != 0);
        }
    }

    /// <summary>The window's arrays: zero but for <see cref="First"/>, which is read only where <see cref="InFirst"/> says.</summary>
    private sealed class Table
    {
        public readonly double[] Sums = new double[Window];
        public readonly int[] Counts = new int[Window];
        public readonly ulong[] Matched = new ulong[Window / 64];
        public readonly float[] First = new float[Window];
        public readonly ulong[] InFirst = new ulong[Window / 64];
    }
}
