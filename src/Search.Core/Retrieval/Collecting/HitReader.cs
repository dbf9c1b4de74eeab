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

    /// <summary>A hit with its snippet: the stored document is read whole, body included.</summary>
    /// <param name="snippetOf">The snippet of a body in a language, given its quotations (a snippet prefers a match inside one).</param>
    public static Hit WithSnippet(IndexSearcher searcher, int doc, float score, Func<string, string?, IReadOnlyList<Quotation>, string> snippetOf)
    {
        var stored = searcher.Doc(doc);
        var document = LuceneDocumentMapper.FromLucene(stored);
        var quotes = QuoteFields.Read(stored);
        return new Hit(document.Id, document.Title, document.Date, document.Source, score, snippetOf(document.Body, document.Lang, quotes))
        {
            Lang = document.Lang,
            Quotes = quotes,
        };
    }

    /// <summary>A hit without a snippet, named from the segment's values (or, in an old segment, its stored fields but the body).</summary>
    public static Hit WithoutSnippet(IndexSearcher searcher, int doc, float score)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = SegmentValues.For(leaf.AtomicReader);
        if (values.Ids is null || values.Titles is null)
        {
            var document = LuceneDocumentMapper.FromLucene(searcher.Doc(doc, HitFields));
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
