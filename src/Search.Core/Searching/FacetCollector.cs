using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Wraps the collector of the top hits and, in the same pass over the matches, counts every match
/// per day (from the date doc values) and per source (from the source's sorted doc values, counted
/// by segment ordinal and named once a segment is done).
/// </summary>
internal sealed class FacetCollector(ICollector inner) : ICollector
{
    private readonly Dictionary<int, long> _days = [];
    private readonly Dictionary<string, long> _sources = new(StringComparer.Ordinal);
    private NumericDocValues? _dates;
    private IBits? _hasDate;
    private SortedDocValues? _segmentSources;
    private int[] _segmentSourceCounts = [];

    public long Total { get; private set; }

    public long Undated { get; private set; }

    public IReadOnlyDictionary<int, long> Days => _days;

    public IReadOnlyDictionary<string, long> Sources
    {
        get
        {
            FlushSegmentSources();
            return _sources;
        }
    }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentSources();
        inner.SetNextReader(context);
        var reader = context.AtomicReader;
        _dates = reader.GetNumericDocValues(IndexFields.Date);
        _hasDate = reader.GetDocsWithField(IndexFields.Date);
        _segmentSources = reader.GetSortedDocValues(IndexFields.Source);
        _segmentSourceCounts = _segmentSources is null ? [] : new int[_segmentSources.ValueCount];
    }

    public void Collect(int doc)
    {
        inner.Collect(doc);
        Total++;
        if (_dates is not null && _hasDate is not null && _hasDate.Get(doc))
            CollectionsMarshalIncrement(_days, (int)_dates.Get(doc));
        else
            Undated++;
        if (_segmentSources is not null)
        {
            var ord = _segmentSources.GetOrd(doc);
            if (ord >= 0)
                _segmentSourceCounts[ord]++;
        }
    }

    private void FlushSegmentSources()
    {
        if (_segmentSources is null)
            return;
        var name = new BytesRef();
        for (var ord = 0; ord < _segmentSourceCounts.Length; ord++)
        {
            if (_segmentSourceCounts[ord] == 0)
                continue;
            _segmentSources.LookupOrd(ord, name);
            var key = name.Utf8ToString();
            _sources[key] = _sources.GetValueOrDefault(key) + _segmentSourceCounts[ord];
        }
        _segmentSources = null;
        _segmentSourceCounts = [];
    }

    private static void CollectionsMarshalIncrement(Dictionary<int, long> counts, int key) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
}
