using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The best <c>n</c> matches by score, ties broken by document id (ordinal string order), optionally
/// only those after a cursor's (score, id). It does what a <see cref="TopFieldCollector"/> sorting by
/// score then id does, at the cost of a plain score collector: a document's id is read only when its
/// score ties with the weakest kept hit or with the cursor's, which is rare, and then in place
/// (<see cref="ColumnId"/>); Lucene.NET's field comparators cost about as much as the scoring itself on
/// long questions.
/// </summary>
internal sealed class TopByScoreCollector(int size, SearchCursor? after) : ICollector
{
    /// <summary>A kept hit: its global document number, score and where its id is.</summary>
    public readonly record struct Entry(int Doc, float Score, ColumnId IdAt)
    {
        public string Id => IdAt.ToString();
    }

    /// <summary>Min-heap on the weakest hit (lowest score, then greatest id) at the root.</summary>
    private readonly Entry[] _heap = new Entry[size];
    private readonly float? _afterScore = after is null ? null : (float)after.Key;
    private readonly byte[]? _afterId = after?.IdBytes();
    private int _count;
    private Scorer? _scorer;
    private Utf8Column? _ids;
    private int _docBase;

    public long TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _ids = SegmentValues.For(context.AtomicReader).Ids;
    }

    public void Collect(int doc)
    {
        var score = _scorer!.GetScore();
        var id = new ColumnId(_ids, doc);
        if (_afterScore is { } cursorScore)
        {
            if (score > cursorScore)
                return;
            if (score == cursorScore && id.CompareTo(_afterId) <= 0)
                return;
        }
        TotalHits++;
        if (_count < _heap.Length)
        {
            _heap[_count] = new Entry(_docBase + doc, score, id);
            SiftUp(_count++);
            return;
        }
        var weakest = _heap[0];
        if (score < weakest.Score)
            return;
        if (score == weakest.Score && id.CompareTo(weakest.IdAt) >= 0)
            return;
        _heap[0] = new Entry(_docBase + doc, score, id);
        SiftDown(0);
    }

    /// <summary>The kept hits, best first.</summary>
    public Entry[] Top() => WeakestFirstHeap.BestFirst(_heap, _count, default(ByScore));

    private void SiftUp(int i) => WeakestFirstHeap.SiftUp(_heap, i, default(ByScore));

    private void SiftDown(int i) => WeakestFirstHeap.SiftDown(_heap, _count, i, default(ByScore));

    /// <summary>Lower score, then greater id, is weaker.</summary>
    private readonly struct ByScore : IHeapOrder<Entry>
    {
        public bool Weaker(in Entry a, in Entry b) =>
            a.Score < b.Score || (a.Score == b.Score && a.IdAt.CompareTo(b.IdAt) > 0);

        public void Moved(in Entry entry, int place)
        {
        }
    }
}
