using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Index;

namespace Search.Core.Stories;

/// <summary>
/// One segment's fingerprint samples and the documents holding each, read from the fingerprints' doc
/// values (<see cref="StoryFields.Fingerprint"/>) the first time a live lookup needs the segment, and
/// kept with the segment's core: one sorted array of (sample, document) pairs, 8 bytes a sample (about
/// 30 MB for the 69,541 articles of the corpus, built in well under a second). Indexing every sample as a
/// term of its own cost a rebuild more than any other part of stories: millions of distinct random
/// terms to hash, sort, write and merge (docs/performance.md). A rebuild never builds these: it follows
/// its stories in memory (<see cref="MemoryStoryLookup"/>).
/// </summary>
internal sealed class SegmentSamples
{
    private static readonly BuiltOnce<object, SegmentSamples> Built = new();

    /// <summary>Sample in the high half, document in the low half, sorted.</summary>
    private readonly ulong[] _pairs;

    private SegmentSamples(ulong[] pairs) => _pairs = pairs;

    public static SegmentSamples For(AtomicReader segment) => Built.For(segment.CoreCacheKey, segment, Build);

    /// <summary>Where the documents holding <paramref name="sample"/> lie (<see cref="Document"/>); an empty range when none does.</summary>
    public (int Start, int Count) Find(uint sample)
    {
        var start = LowerBound((ulong)sample << 32);
        var end = sample == uint.MaxValue ? _pairs.Length : LowerBound((ulong)(sample + 1) << 32);
        return (start, end - start);
    }

    /// <summary>The document of the pair at <paramref name="index"/>.</summary>
    public int Document(int index) => (int)(uint)_pairs[index];

    private int LowerBound(ulong value)
    {
        int low = 0, high = _pairs.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (_pairs[middle] < value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private static SegmentSamples Build(AtomicReader segment)
    {
        if (segment.GetBinaryDocValues(StoryFields.Fingerprint) is not { } fingerprints)
            return new SegmentSamples([]);
        var bytes = new BytesRef();
        var pairs = new List<ulong>();
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            fingerprints.Get(doc, bytes);
            foreach (var sample in StoryFingerprint.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)).Samples)
                pairs.Add(((ulong)sample << 32) | (uint)doc);
        }
        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        return new SegmentSamples(sorted);
    }
}
