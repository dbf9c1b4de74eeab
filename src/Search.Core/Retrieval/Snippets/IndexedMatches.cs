using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Index;

namespace Search.Core.Retrieval.Snippets;

/// <summary>
/// Where a hit's body matches the query, read from the index: the body's postings carry each
/// occurrence's offsets (<see cref="LuceneDocumentMapper"/>), so a snippet needs one seek a query term
/// and one skip to the hit, not an analysis of the whole body again. Analysing twenty bodies of a
/// million characters for their snippets took 2.3–3.5 s a search; their postings answer in milliseconds.
/// </summary>
internal static class IndexedMatches
{
    /// <summary>
    /// Per term set (one a search) and segment, where each of the terms the segment holds lies in its terms
    /// dictionary: the page's hits of one segment seek each term once between them, not once each (the
    /// dictionary's block loads were most of a snippet's time in a perf profile of <c>Search.Bench queries</c>).
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlySet<string>, ConditionalWeakTable<AtomicReader, List<HeldTerm>>> Held = new();

    private sealed record HeldTerm(string Term, BytesRef Bytes, TermState State);

    /// <summary>The matches of <paramref name="terms"/> in the hit's body, in order; null when its segment's postings carry no offsets (written before they did).</summary>
    public static List<SnippetMatch>? Find(IndexSearcher searcher, int doc, IReadOnlySet<string> terms)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var reader = leaf.AtomicReader;
        if (reader.FieldInfos.FieldInfo(IndexFields.Body) is not { } body || body.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            return null;
        var matches = new List<SnippetMatch>();
        if (terms.Count == 0 || reader.GetTerms(IndexFields.Body)?.GetEnumerator() is not { } termsEnum)
            return matches;
        var local = doc - leaf.DocBase;
        DocsAndPositionsEnum? postings = null;
        foreach (var (term, bytes, state) in Held.GetValue(terms, _ => new()).GetValue(reader, segment => Seek(segment, terms)))
        {
            termsEnum.SeekExact(bytes, state);
            postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
            if (postings is null || postings.Advance(local) != local)
                continue;
            for (var i = postings.Freq; i > 0; i--)
            {
                postings.NextPosition();
                matches.Add(new SnippetMatch(postings.StartOffset, postings.EndOffset, term));
            }
        }
        // A word's stem and exact form share its offsets: it is marked once, as the stem, which is what
        // an analysis of the body meets first.
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : IsExact(a).CompareTo(IsExact(b)));
        matches.RemoveAll(OverlapsPrevious(matches));
        return matches;
    }

    private static List<HeldTerm> Seek(AtomicReader segment, IReadOnlySet<string> terms)
    {
        var held = new List<HeldTerm>();
        var termsEnum = segment.GetTerms(IndexFields.Body)!.GetEnumerator();
        foreach (var term in terms)
        {
            var bytes = new BytesRef(term);
            if (termsEnum.SeekExact(bytes))
                held.Add(new HeldTerm(term, bytes, termsEnum.GetTermState()));
        }
        return held;
    }

    private static bool IsExact(SnippetMatch match) => match.Term.Length > 0 && match.Term[0] == ArabicSearchAnalyzer.ExactPrefix;

    private static Predicate<SnippetMatch> OverlapsPrevious(List<SnippetMatch> sorted)
    {
        var lastStart = -1;
        return match =>
        {
            var repeated = match.Start == lastStart;
            lastStart = match.Start;
            return repeated;
        };
    }
}
