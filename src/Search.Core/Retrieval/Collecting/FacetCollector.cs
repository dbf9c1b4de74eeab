using System.Buffers;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// Wraps the collector of the top hits and, in the same pass over the matches, counts every match per
/// day and per keyword (source, language): by segment ordinal into pooled arrays
/// (<see cref="SegmentValues"/>), named once a segment is done.
/// </summary>
internal sealed class FacetCollector(ICollector inner) : ICollector
{
    private readonly Dictionary<int, long> _days = [];
    private readonly KeywordCounts _sources = new(values => values.Sources);
    private readonly KeywordCounts _languages = new(values => values.Languages);
    private SegmentValues? _segment;
    private int[] _dayCounts = [];
    private long _total;
    private long _undated;

    public long Total => _total;

    public long Undated => _undated;

    public IReadOnlyDictionary<int, long> Days
    {
        get
        {
            FlushSegment();
            return _days;
        }
    }

    public IReadOnlyDictionary<string, long> Sources
    {
        get
        {
            FlushSegment();
            return _sources.Totals;
        }
    }

    public IReadOnlyDictionary<string, long> Languages
    {
        get
        {
            FlushSegment();
            return _languages.Totals;
        }
    }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        inner.SetNextReader(context);
        _segment = SegmentValues.For(context.AtomicReader);
        _dayCounts = Rent(_segment.Days.Length);
        _sources.Begin(_segment);
        _languages.Begin(_segment);
    }

    public void Collect(int doc)
    {
        inner.Collect(doc);
        _total++;
        var day = _segment!.DayOrdinals[doc];
        if (day == SegmentValues.None)
            _undated++;
        else
            _dayCounts[day]++;
        _sources.Count(doc);
        _languages.Count(doc);
    }

    private void FlushSegment()
    {
        if (_segment is null)
            return;
        for (var i = 0; i < _segment.Days.Length; i++)
            if (_dayCounts[i] != 0)
                CollectionsMarshal.GetValueRefOrAddDefault(_days, _segment.Days[i], out _) += _dayCounts[i];
        Return(_dayCounts);
        _dayCounts = [];
        _sources.End();
        _languages.End();
        _segment = null;
    }

    private static void Return(int[] counts)
    {
        if (counts.Length > 0)
            ArrayPool<int>.Shared.Return(counts);
    }

    private static int[] Rent(int length)
    {
        var counts = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(counts, 0, length);
        return counts;
    }

    /// <summary>The counts of one keyword facet: per ordinal within a segment, per value across segments.</summary>
    private sealed class KeywordCounts(Func<SegmentValues, KeywordColumn> column)
    {
        private KeywordColumn? _column;
        private int[] _counts = [];

        public Dictionary<string, long> Totals { get; } = new(StringComparer.Ordinal);

        public void Begin(SegmentValues segment)
        {
            _column = column(segment);
            _counts = Rent(_column.Values.Length);
        }

        public void Count(int doc)
        {
            var ordinal = _column!.Ordinals[doc];
            if (ordinal != KeywordColumn.None)
                _counts[ordinal]++;
        }

        public void End()
        {
            if (_column is null)
                return;
            for (var i = 0; i < _column.Values.Length; i++)
                if (_counts[i] != 0)
                    CollectionsMarshal.GetValueRefOrAddDefault(Totals, _column.Values[i], out _) += _counts[i];
            Return(_counts);
            _counts = [];
            _column = null;
        }
    }
}
