using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Retrieval.Scoring;

namespace Search.Core.Retrieval.Snippets;

/// <summary>
/// Where a hit's body matches the query, read from the index: the body's postings carry each
/// occurrence's offsets (<see cref="LuceneDocumentMapper"/>), so a snippet needs one seek a query term
/// and one skip to the hit, not an analysis of the whole body again. Analysing twenty bodies of a
/// million characters for their snippets took 2.3–3.5 s a search; their postings answer in milliseconds.
/// </summary>
internal static class IndexedMatches
{
    /// <summary>Where a term the segment holds lies in its terms dictionary.</summary>
    private sealed record HeldTerm(string Term, BytesRef Bytes, TermState State);

    /// <summary>
    /// The matches of <paramref name="terms"/> in each of the documents' bodies, in order (in the order the
    /// documents are given); null for a document whose segment's postings carry no offsets (written before they
    /// did). The documents of one segment seek each term once between them, and walk its postings once, in
    /// document order, instead of from the start of the list for each: the dictionary's block loads were most of
    /// a snippet's time (a perf profile of <c>Search.Bench queries</c>), and the walks two thirds of writing a
    /// round's alerts.
    /// </summary>
    public static List<SnippetMatch>?[] FindEach(IndexSearcher searcher, IReadOnlyList<int> docs, IReadOnlySet<string> terms)
    {
        var found = new List<SnippetMatch>?[docs.Count];
        var leaves = searcher.IndexReader.Leaves;
        // The documents in order (a page's hit is one: no sorting library on the search's path), then each segment's run of them.
        var (sorted, order) = (new int[docs.Count], new int[docs.Count]);
        for (var i = 0; i < docs.Count; i++)
            (sorted[i], order[i]) = (docs[i], i);
        Array.Sort(sorted, order);
        for (var start = 0; start < sorted.Length;)
        {
            var leaf = leaves[ReaderUtil.SubIndex(sorted[start], leaves)];
            var end = start + 1;
            while (end < sorted.Length && sorted[end] < leaf.DocBase + leaf.AtomicReader.MaxDoc)
                end++;
            InSegment(leaf, sorted.AsSpan(start, end - start), order.AsSpan(start, end - start), terms, found);
            start = end;
        }
        return found;
    }

    /// <summary>The matches in one segment's documents (<paramref name="docs"/> ascending, each reported at its place in <paramref name="found"/>).</summary>
    private static void InSegment(AtomicReaderContext leaf, ReadOnlySpan<int> docs, ReadOnlySpan<int> places, IReadOnlySet<string> terms, List<SnippetMatch>?[] found)
    {
        var reader = leaf.AtomicReader;
        if (reader.FieldInfos.FieldInfo(IndexFields.Body) is not { } body || body.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            return;
        var held = terms.Count == 0 ? [] : Seek(reader, terms);
        var termsEnum = held.Count == 0 ? null : ReusedTerms.Of(reader, IndexFields.Body);
        // The readers are the thread's spares, given back once the page's documents of this segment are read.
        var (postings, readers) = ReusedPostings.Opening(reader, () =>
        {
            var opened = new DocsAndPositionsEnum?[held.Count];
            for (var t = 0; t < held.Count && termsEnum is not null; t++)
            {
                termsEnum.SeekExact(held[t].Bytes, held[t].State);
                opened[t] = ReusedPostings.Positions(reader, IndexFields.Body, termsEnum, null, offsets: true);
            }
            return opened;
        });
        for (var d = 0; d < docs.Length; d++)
        {
            if (d > 0 && docs[d] == docs[d - 1])
            {
                found[places[d]] = found[places[d - 1]];            // named twice: its positions are read once
                continue;
            }
            var local = docs[d] - leaf.DocBase;
            // Each term's postings brought to the document first, so the list is made at its size: grown match by
            // match, its copies were 0.8% of what a search over HTTP allocated.
            var count = 0;
            for (var t = 0; t < postings.Length; t++)
            {
                if (postings[t] is not { } term)
                    continue;
                if (term.DocID < local && term.Advance(local) == DocIdSetIterator.NO_MORE_DOCS)
                    postings[t] = null;
                else if (term.DocID == local)
                    count += term.Freq;
            }
            var matches = new List<SnippetMatch>(count);
            for (var t = 0; t < postings.Length; t++)
            {
                if (postings[t] is not { DocID: var at } term || at != local)
                    continue;
                for (var k = term.Freq; k > 0; k--)
                {
                    term.NextPosition();
                    matches.Add(new SnippetMatch(term.StartOffset, term.EndOffset, held[t].Term));
                }
            }
            // A word's stem and exact form share its offsets: it is marked once, as the stem, which is what
            // an analysis of the body meets first.
            matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : IsExact(a).CompareTo(IsExact(b)));
            KeepFirstAtEachStart(matches);
            found[places[d]] = matches;
        }
        ReusedPostings.GiveBack(readers);
    }

    private static List<HeldTerm> Seek(AtomicReader segment, IReadOnlySet<string> terms)
    {
        var held = new List<HeldTerm>();
        var termsEnum = ReusedTerms.Of(segment, IndexFields.Body)!;
        foreach (var term in terms)
        {
            var bytes = new BytesRef(term);
            if (termsEnum.SeekExact(bytes))
                held.Add(new HeldTerm(term, bytes, termsEnum.GetTermState()));
        }
        return held;
    }

    private static bool IsExact(SnippetMatch match) => match.Term.Length > 0 && match.Term[0] == ArabicSearchAnalyzer.ExactPrefix;

    /// <summary>Of the matches sharing a start (sorted by it), keeps the first.</summary>
    private static void KeepFirstAtEachStart(List<SnippetMatch> sorted)
    {
        var kept = 0;
        for (var i = 0; i < sorted.Count; i++)
            if (kept == 0 || sorted[i].Start != sorted[kept - 1].Start)
                sorted[kept++] = sorted[i];
        sorted.RemoveRange(kept, sorted.Count - kept);
    }
}
