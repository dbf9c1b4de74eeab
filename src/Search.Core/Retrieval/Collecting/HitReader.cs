using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Index;
using Search.Core.Quotes;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// Reads what a hit shows. Without a snippet, the id, title, date and source come from the segment's
/// <see cref="SegmentValues"/>: the stored fields are compressed in blocks shared with the neighbouring
/// documents' bodies, and decompressing a block for each of a hundred hits cost more than the search
/// itself. A segment written before titles had doc values is read from its stored fields.
/// </summary>
internal static class HitReader
{
    /// <summary>What a hit shows without a snippet: the body, by far the largest stored field, stays unread.</summary>
    private static readonly ISet<string> HitFields = new HashSet<string> { IndexFields.Id, IndexFields.Title, IndexFields.Date, IndexFields.Source, IndexFields.Lang };

    private static readonly ISet<string> IdField = new HashSet<string> { IndexFields.Id };

    /// <summary>
    /// A hit with its snippet: the stored document is read whole, and its body decoded only into a buffer the snippet
    /// and the quotations' texts are cut from (<see cref="StoredBody.Decoded"/>).
    /// </summary>
    /// <param name="snippetOf">The snippet of a body in a language, given its quotations (a snippet prefers a match inside one).</param>
    public static Hit WithSnippet(IndexSearcher searcher, int doc, float score, SnippetOf snippetOf)
    {
        var (stored, body) = LuceneDocumentMapper.ReadBodyApart(searcher.IndexReader, doc);
        var text = body.Decoded();
        return WithSnippet(stored.Record, QuoteFields.Read(stored.Quotes, text), text, score, snippetOf);
    }

    /// <summary>A hit with its snippet, from a stored document already read (several saved searches may name one document).</summary>
    public static Hit WithSnippet(StoredHit stored, float score, SnippetOf snippetOf) =>
        WithSnippet(stored.Document, stored.Quotes, stored.Document.Body, score, snippetOf);

    private static Hit WithSnippet(DocumentRecord document, IReadOnlyList<Quotation> quotes, ReadOnlySpan<char> body, float score, SnippetOf snippetOf) =>
        new(document.Id, document.Title, document.Date, document.Source, score, snippetOf(body, document.Lang, quotes))
        {
            Lang = document.Lang,
            Quotes = quotes,
            Url = document.Url,
        };

    /// <summary>The stored document whole, body and quotations included.</summary>
    public static StoredHit Read(IndexSearcher searcher, int doc)
    {
        var stored = LuceneDocumentMapper.Read(searcher.IndexReader, doc);
        return new StoredHit(stored.Record, QuoteFields.Read(stored));
    }

    /// <summary>A document's id, from the segment's values (or, in an old segment, its stored id alone).</summary>
    public static string IdOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return SegmentValues.For(leaf.AtomicReader).Ids is { } ids
            ? ids[doc - leaf.DocBase]
            : searcher.Doc(doc, IdField).Get(IndexFields.Id);
    }

    /// <summary>A hit without a snippet, named from the segment's values (or, in an old segment, its stored fields but the body).</summary>
    public static Hit WithoutSnippet(IndexSearcher searcher, int doc, float score)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = SegmentValues.For(leaf.AtomicReader);
        if (values.Ids is null || values.Titles is null)
        {
            var document = LuceneDocumentMapper.Read(searcher.IndexReader, doc, HitFields).Record;
            return new Hit(document.Id, document.Title, document.Date, document.Source, score, "") { Lang = document.Lang };
        }

        var local = doc - leaf.DocBase;
        var day = values.DayOrdinals[local];
        return new Hit(values.Ids[local], values.Titles[local],
            day == SegmentValues.None ? null : DateOnly.FromDayNumber(values.Days[day]),
            values.Sources[local] ?? "",
            score, "")
        {
            Lang = values.Languages[local],
        };
    }
}

/// <summary>The snippet of a hit's body in a language, given its quotations.</summary>
internal delegate string SnippetOf(ReadOnlySpan<char> body, string? lang, IReadOnlyList<Quotation> quotes);

/// <summary>A hit's stored document as read: what it says and its quotations.</summary>
internal sealed record StoredHit(DocumentRecord Document, IReadOnlyList<Quotation> Quotes);
