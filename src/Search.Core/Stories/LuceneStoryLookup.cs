using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Index;
using Search.Core.Index.Storage;

namespace Search.Core.Stories;

/// <summary>
/// Story lookups in a Lucene index carrying <see cref="StoryFields"/>: in every segment, the documents
/// holding the fingerprint's rarest samples (<see cref="SegmentSamples"/>) give the candidates, each checked on its fingerprint (a binary doc
/// value), and only documents sharing enough are read (id, date and key from doc values, no stored
/// fields). Open it on a near-real-time reader reopened after each batch, so the documents of the
/// previous batch are found.
/// </summary>
internal sealed class LuceneStoryLookup(IndexReader reader) : IStoryLookup
{
    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, SharingBound bound)
    {
        var found = new List<StoryEntry>();
        var candidates = new HashSet<int>();
        var held = new List<(int Start, int Count)>();
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetBinaryDocValues(StoryFields.Fingerprint) is not { } fingerprints)
                continue;
            var samples = SegmentSamples.For(segment);
            held.Clear();
            foreach (var sample in fingerprint.Samples)
                if (samples.Find(sample) is { Count: > 0 } documents)
                    held.Add(documents);
            // The samples held nowhere in the segment are the rarest and take their places among those to follow.
            var follow = bound.SamplesToFollow(fingerprint.Count) - (fingerprint.Count - held.Count);
            if (follow <= 0)
                continue;
            candidates.Clear();
            var live = segment.LiveDocs;
            foreach (var (start, count) in held.OrderBy(h => h.Count).Take(follow))
                for (var i = start; i < start + count; i++)
                    if (samples.Document(i) is var doc && (live is null || live.Get(doc)))
                        candidates.Add(doc);
            foreach (var doc in candidates)
            {
                // Checked on the fingerprint alone: the id, date and key of most candidates are never read.
                fingerprints.Get(doc, bytes);
                var other = StoryFingerprint.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
                if (bound.Accepts(fingerprint.Shared(other), other.Count))
                    found.Add(Read(segment, doc, other));
            }
        }
        return found;
    }

    public StoryEntry? Find(string id)
    {
        var term = new BytesRef(id);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var termsEnum = segment.GetTerms(IndexFields.Id)?.GetEnumerator();
            if (termsEnum is null || !termsEnum.SeekExact(term))
                continue;
            var postings = termsEnum.Docs(segment.LiveDocs, null, DocsFlags.NONE);
            var doc = postings.NextDoc();
            if (doc != DocIdSetIterator.NO_MORE_DOCS)
                return Read(segment, doc, Fingerprint(segment, doc));
        }
        return null;
    }

    /// <summary>Every live document of the index, to follow stories in memory from here (<see cref="MemoryStoryLookup"/>).</summary>
    public static IEnumerable<StoryEntry> All(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetBinaryDocValues(StoryFields.Fingerprint) is null)
                continue;
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
                if (live is null || live.Get(doc))
                    yield return Read(segment, doc, Fingerprint(segment, doc));
        }
    }

    private static StoryFingerprint Fingerprint(AtomicReader segment, int doc)
    {
        if (segment.GetBinaryDocValues(StoryFields.Fingerprint) is not { } fingerprints)
            return StoryFingerprint.Empty;
        var bytes = new BytesRef();
        fingerprints.Get(doc, bytes);
        return StoryFingerprint.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    private static StoryEntry Read(AtomicReader segment, int doc, StoryFingerprint fingerprint)
    {
        var bytes = new BytesRef();
        segment.GetSortedDocValues(IndexFields.Id).Get(doc, bytes);
        var id = bytes.Utf8ToString();
        int? day = segment.GetDocsWithField(IndexFields.Date)?.Get(doc) == true
            ? (int)segment.GetNumericDocValues(IndexFields.Date).Get(doc)
            : null;
        var key = segment.GetNumericDocValues(StoryFields.Key)?.Get(doc) ?? 0;
        return new StoryEntry(id, day, fingerprint, key);
    }
}
