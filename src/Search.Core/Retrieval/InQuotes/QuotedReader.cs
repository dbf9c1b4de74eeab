using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Index;
using Search.Core.Quotes;

namespace Search.Core.Retrieval.InQuotes;

/// <summary>
/// A generation's reader as <c>in=quotes</c> searches it: every field as it is, plus the field
/// <see cref="QuoteFields.Text"/>, which the index does not hold: the body's words whose place lies inside
/// one of the document's quotations (<see cref="QuoteSpans"/>), with their frequencies and positions
/// counted there alone, and the body's norms and statistics. Queries built for that field (the same
/// builder as every search) run unchanged. Indexing the quoted text as a field of its own analysed and
/// inverted it a second time: a third of a rebuild's processor time (docs/performance.md).
/// </summary>
internal static class QuotedReader
{
    // One view a reader, kept as long as the reader is: the facets' per-reader caches key on it.
    private static readonly ConditionalWeakTable<IndexReader, IndexReader> Views = new();
    private static readonly ConditionalWeakTable<AtomicReader, QuotedLeafReader> Leaves = new();

    /// <summary>A searcher over <paramref name="searcher"/>'s reader seen with its quotations' field, scoring as it does.</summary>
    public static IndexSearcher Searcher(IndexSearcher searcher) =>
        new(Views.GetValue(searcher.IndexReader, View)) { Similarity = searcher.Similarity };

    private static IndexReader View(IndexReader reader) =>
        new MultiReader(reader.Leaves.Select(leaf => (IndexReader)Leaves.GetValue(leaf.AtomicReader, inner => new QuotedLeafReader(inner))).ToArray(), closeSubReaders: false);

    /// <summary>One segment seen with its quotations' field.</summary>
    private sealed class QuotedLeafReader(AtomicReader segment) : FilterAtomicReader(segment)
    {
        // Nothing a cache holds differs from the segment's: its facets and doc values are shared.
        public override object CoreCacheKey => m_input.CoreCacheKey;

        public override object CombinedCoreAndDeletesKey => m_input.CombinedCoreAndDeletesKey;

        public override Fields Fields => new QuotedFields(m_input.Fields, m_input);

        public override NumericDocValues GetNormValues(string field) =>
            m_input.GetNormValues(field == QuoteFields.Text ? IndexFields.Body : field);
    }

    private sealed class QuotedFields(Fields fields, AtomicReader segment) : FilterAtomicReader.FilterFields(fields)
    {
        public override Terms? GetTerms(string field)
        {
            if (field != QuoteFields.Text)
                return m_input.GetTerms(field);
            return m_input.GetTerms(IndexFields.Body) is { HasOffsets: true } body && segment.GetBinaryDocValues(QuoteFields.Spans) is not null
                ? new QuotedTerms(body, segment)
                : null;
        }
    }

    private sealed class QuotedTerms(Terms body, AtomicReader segment) : FilterAtomicReader.FilterTerms(body)
    {
        public override TermsEnum GetEnumerator() => new QuotedTermsEnum(m_input.GetEnumerator(), segment);

        public override TermsEnum GetEnumerator(TermsEnum reuse) => GetEnumerator();
    }

    /// <summary>The body's words; their postings kept to the quotations (<see cref="QuotedPostings"/>).</summary>
    private sealed class QuotedTermsEnum(TermsEnum body, AtomicReader segment) : FilterAtomicReader.FilterTermsEnum(body)
    {
        public override DocsEnum Docs(Lucene.Net.Util.IBits liveDocs, DocsEnum reuse, DocsFlags flags) => Postings(liveDocs);

        public override DocsAndPositionsEnum DocsAndPositions(Lucene.Net.Util.IBits liveDocs, DocsAndPositionsEnum reuse, DocsAndPositionsFlags flags) =>
            Postings(liveDocs);

        private QuotedPostings Postings(Lucene.Net.Util.IBits liveDocs) =>
            new(m_input.DocsAndPositions(liveDocs, null, DocsAndPositionsFlags.OFFSETS), segment.GetBinaryDocValues(QuoteFields.Spans));
    }
}
