using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// Searchers with the engine's similarity, over segments whose facet and hit values
/// (<see cref="SegmentValues"/>, <see cref="StoryValues"/>) are built before the first search sees them, so that no search pays
/// for a freshly flushed or merged segment.
/// </summary>
internal sealed class WarmingSearcherFactory(Similarity similarity) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        SegmentValues.Warm(reader);
        StoryValues.Warm(reader);
        return new(reader) { Similarity = similarity };
    }
}
