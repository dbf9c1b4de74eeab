using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The stories the pages before a cursor showed: those with a match at or before the cursor's place. A
/// story is shown once, as its best match, so any story with a match that far up was shown already; the
/// page after the cursor leaves them out (<see cref="TopStoriesCollector"/>). Costs a pass over the
/// matches, paid by cursor pages only.
/// </summary>
internal sealed class ShownStoriesCollector(SortOrder order, SearchCursor cursor) : ICollector
{
    private readonly double _cursorValue = StoryOrder.ValueOfCursor(order, cursor.Key);
    private readonly byte[] _cursorId = cursor.IdBytes();
    private Scorer? _scorer;
    private SegmentValues? _values;
    private StoryValues? _stories;
    private int _docBase;

    public HashSet<long> Shown { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _values = SegmentValues.For(context.AtomicReader);
        _stories = StoryValues.For(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        var value = StoryOrder.Value(order, _scorer, _values!, doc);
        // Ties compared as TopStoriesCollector compares them, in place: in a date order a whole day ties with the cursor.
        if (value < _cursorValue || (value == _cursorValue && new ColumnId(_values!.Ids, doc).CompareTo(_cursorId) > 0))
            return;
        Shown.Add(_stories!.StoryOf(doc, _docBase));
    }
}
