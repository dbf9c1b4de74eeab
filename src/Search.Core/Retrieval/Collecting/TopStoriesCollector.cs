using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The best <c>n</c> stories among the matches, each as its best matching copy, in the order of a search
/// (relevance, newest or oldest; ties by document id): a search that shows each story once. A heap of the
/// stories kept so far, weakest at the root, and where each kept story sits in it: a match weaker than the
/// weakest kept story costs one comparison (most do), a match of a kept story may only raise it, and a
/// stronger match of another story takes the weakest one's place. A document without a story (a segment
/// written before stories were indexed) is a story of its own.
/// </summary>
/// <param name="after">Only matches after this cursor's place (a later page).</param>
/// <param name="shown">Stories shown on the earlier pages (they have a match at or before the cursor): never again.</param>
internal sealed class TopStoriesCollector(int size, SortOrder order, SearchCursor? after, IReadOnlySet<long>? shown) : ICollector
{
    /// <summary>A kept story: its best copy's global document number, sort value (larger is better), where its id is, story key and score.</summary>
    public readonly record struct Entry(int Doc, double Value, ColumnId IdAt, long Story, float Score)
    {
        public string Id => IdAt.ToString();
    }

    private readonly Entry[] _heap = new Entry[size];
    private readonly Dictionary<long, int> _place = new(size);
    private readonly double? _afterValue = after is null ? null : StoryOrder.ValueOfCursor(order, after.Key);
    private readonly byte[]? _afterId = after?.IdBytes();
    private int _count;
    private Scorer? _scorer;
    private SegmentValues? _values;
    private StoryValues? _stories;
    private int _docBase;

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
        var id = new ColumnId(_values!.Ids, doc);
        if (_afterValue is { } cursorValue)
        {
            if (value > cursorValue)
                return;
            if (value == cursorValue && id.CompareTo(_afterId) <= 0)
                return;
        }
        // Weaker than the weakest kept story, a match is out whatever its story (a kept story is at least as
        // strong): most matches of a common word stop here, before their story is read and looked up, which
        // was 5.6% of a search's processor time under perf.py's load (a perf profile).
        if (_count == _heap.Length && value < _heap[0].Value)
            return;
        var story = _stories!.StoryOf(doc, _docBase);
        if (shown is not null && shown.Contains(story))
            return;
        if (_place.TryGetValue(story, out var place))
        {
            var kept = _heap[place];
            if (value < kept.Value || (value == kept.Value && id.CompareTo(kept.IdAt) >= 0))
                return;
            _heap[place] = new Entry(_docBase + doc, value, id, story, ScoreOf(value));
            SiftDown(place);
            return;
        }
        if (_count < _heap.Length)
        {
            _heap[_count] = new Entry(_docBase + doc, value, id, story, ScoreOf(value));
            _place[story] = _count;
            SiftUp(_count++);
            return;
        }
        var weakest = _heap[0];
        if (value < weakest.Value || (value == weakest.Value && id.CompareTo(weakest.IdAt) >= 0))
            return;
        _place.Remove(weakest.Story);
        _heap[0] = new Entry(_docBase + doc, value, id, story, ScoreOf(value));
        _place[story] = 0;
        SiftDown(0);
    }

    /// <summary>The kept stories, best first.</summary>
    public Entry[] Top() => WeakestFirstHeap.BestFirst(_heap, _count, new ByValue(_place));

    /// <summary>The match's score: its value in relevance order; in a date order read only for a kept copy (a browse has none).</summary>
    private float ScoreOf(double value) => order == SortOrder.Relevance ? (float)value : _scorer?.GetScore() is { } score && !float.IsNaN(score) ? score : 0f;

    private void SiftUp(int i) => WeakestFirstHeap.SiftUp(_heap, i, new ByValue(_place));

    private void SiftDown(int i) => WeakestFirstHeap.SiftDown(_heap, _count, i, new ByValue(_place));

    /// <summary>Lower value, then greater id, is weaker; a moved story's place is kept up to date.</summary>
    private readonly struct ByValue(Dictionary<long, int> places) : IHeapOrder<Entry>
    {
        public bool Weaker(in Entry a, in Entry b) =>
            a.Value < b.Value || (a.Value == b.Value && a.IdAt.CompareTo(b.IdAt) > 0);

        public void Moved(in Entry entry, int place) => places[entry.Story] = place;
    }
}
