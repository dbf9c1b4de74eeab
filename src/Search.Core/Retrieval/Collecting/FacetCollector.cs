using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// Wraps the collector of the top hits and, in the same pass over the matches, counts every match
/// per day and per source: by segment ordinal into pooled arrays (<see cref="SegmentValues"/>), named
/// once a segment is done.
/// </summary>
internal sealed class FacetCollector(ICollector inner) : ICollector
{
    private readonly Dictionary<int, long> _days = [];
    private readonly Dictionary<string, long> _sources = new(StringComparer.Ordinal);
    private SegmentValues? _segment;
    private int[] _dayCounts = [];
    private int[] _sourceCounts = [];
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
            return _sources;
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
        _sourceCounts = Rent(_segment.Sources.Length);
    }

    public void Collect(int doc)
    {
        inner.Collect(doc);
        _total++;
        var segment = _segment!;
        var day = segment.DayOrdinals[doc];
        if (day == SegmentValues.None)
            _undated++;
        else
            _dayCounts[day]++;
        var source = segment.SourceOrdinals[doc];
        if (source != SegmentValues.None)
            _sourceCounts[source]++;
    }

    private void FlushSegment()
    {
        if (_segment is null)
            return;
        for (var i = 0; i < _segment.Days.Length; i++)
            if (_dayCounts[i] != 0)
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_days, _segment.Days[i], out _) += _dayCounts[i];
        for (var i = 0; i < _segment.Sources.Length; i++)
            if (_sourceCounts[i] != 0)
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sources, _segment.Sources[i], out _) += _sourceCounts[i];
        Return(_dayCounts);
        Return(_sourceCounts);
        _dayCounts = _sourceCounts = [];
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
}
