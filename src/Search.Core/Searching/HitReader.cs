using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Reads what a hit shows. Without a snippet, the id, title, date and source come from the segment's
/// <see cref="SegmentValues"/>: the stored fields are compressed in blocks shared with the neighbouring
/// documents' bodies, and decompressing a block for each of a hundred hits cost more than the search
/// itself. A segment written before titles had doc values is read from its stored fields.
/// </summary>
internal static class HitReader
{
    /// <summary>What a hit shows without a snippet: the body, by far the largest stored field, stays unread.</summary>
    private static readonly ISet<string> HitFields = new HashSet<string> { IndexFields.Id, IndexFields.Title, IndexFields.Date, IndexFields.Source };

    /// <summary>The document behind a hit, whole (with its body) or, when <paramref name="withBody"/> is false, without its body.</summary>
    public static Documents.DocumentRecord Read(IndexSearcher searcher, int doc, bool withBody)
    {
        if (withBody)
            return LuceneDocumentMapper.FromLucene(searcher.Doc(doc));
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = SegmentValues.For(leaf.AtomicReader);
        if (values.Ids is null || values.Titles is null)
            return LuceneDocumentMapper.FromLucene(searcher.Doc(doc, HitFields));

        var local = doc - leaf.DocBase;
        var id = values.Ids[local];
        var title = values.Titles[local];
        var day = values.DayOrdinals[local];
        var source = values.SourceOrdinals[local];
        return new Documents.DocumentRecord(id, title,
            day == SegmentValues.None ? null : DateOnly.FromDayNumber(values.Days[day]),
            "",
            source == SegmentValues.None ? "" : values.Sources[source],
            "ar", null, null);
    }
}
