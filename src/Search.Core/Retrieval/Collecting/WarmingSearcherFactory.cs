using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// Searchers with the engine's similarity, over segments whose facet and hit values
/// (<see cref="SegmentValues"/>, <see cref="StoryValues"/>) are built before the first search sees them, so that no search pays
/// for a freshly flushed or merged segment. One factory a generation's index: it remembers the reader it made
/// the last searcher for.
/// </summary>
internal sealed class WarmingSearcherFactory(Similarity similarity) : SearcherFactory
{
    private readonly WeakReference<IndexReader?> _last = new(null);

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        SegmentValues.Warm(reader);
        StoryValues.Warm(reader);
        // The speakers of the whole reader too (about 100 ms on the corpus), while searches still go to the reader before:
        // built by the first search that counts them, they held up every search meanwhile after each refresh (docs/performance.md).
        // Only when the reader before had its speakers asked for: a service that is not searched, or a generation being
        // filled, does not pay for them at each refresh, and the first reader of a start is ready without them.
        if (_last.TryGetTarget(out var last) && ReaderSpeakers.WereAskedOf(last))
            ReaderSpeakers.For(reader);
        _last.SetTarget(reader);
        return new(reader) { Similarity = similarity };
    }
}
