using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Index;
using Search.Core.Index.Storage;

namespace Search.Core.Stories;

/// <summary>
/// Story lookups in a Lucene index carrying <see cref="StoryFields"/>: each sample's term is sought in
/// every segment and its postings counted, and only documents sharing enough samples are read (id,
/// date, fingerprint and key from doc values, no stored fields). Open it on a near-real-time reader
/// reopened after each batch, so the documents of the previous batch are found.
/// </summary>
internal sealed class LuceneStoryLookup(IndexReader reader) : IStoryLookup
{
    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, int minShared)
    {
        var found = new List<StoryEntry>();
        if (fingerprint.Count == 0)
            return found;
        var counts = new Dictionary<int, int>();
        var term = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var terms = segment.GetTerms(StoryFields.Sample);
            if (terms is null)
                continue;
            counts.Clear();
            var termsEnum = terms.GetEnumerator();
            DocsEnum? postings = null;
            foreach (var sample in fingerprint.Samples)
            {
                term.CopyChars(StoryFingerprint.Term(sample));
                if (!termsEnum.SeekExact(term))
                    continue;
                postings = termsEnum.Docs(segment.LiveDocs, postings, DocsFlags.NONE);
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                    counts[doc] = counts.GetValueOrDefault(doc) + 1;
            }
            foreach (var (doc, count) in counts)
                if (count >= minShared)
                    found.Add(Read(segment, doc));
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
                return Read(segment, doc);
        }
        return null;
    }

    private static StoryEntry Read(AtomicReader segment, int doc)
    {
        var bytes = new BytesRef();
        segment.GetSortedDocValues(IndexFields.Id).Get(doc, bytes);
        var id = bytes.Utf8ToString();
        int? day = segment.GetDocsWithField(IndexFields.Date)?.Get(doc) == true
            ? (int)segment.GetNumericDocValues(IndexFields.Date).Get(doc)
            : null;
        var fingerprint = StoryFingerprint.Empty;
        if (segment.GetBinaryDocValues(StoryFields.Fingerprint) is { } fingerprints)
        {
            fingerprints.Get(doc, bytes);
            fingerprint = StoryFingerprint.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
        }
        var key = segment.GetNumericDocValues(StoryFields.Key)?.Get(doc) ?? 0;
        return new StoryEntry(id, day, fingerprint, key);
    }
}
