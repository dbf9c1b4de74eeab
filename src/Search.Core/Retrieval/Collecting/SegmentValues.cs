using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Index;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The date, source and language of every document of one segment as plain arrays of small ordinals, and its id
/// and title as UTF-8 columns, built once per segment and kept as long as the segment is: Lucene's doc
/// values read through the directory on each lookup, which made counting facets over tens of thousands
/// of matches, and naming a hundred hits, cost milliseconds. A segment never changes once written, so
/// the arrays stay right; deletions are filtered before any document is collected.
/// </summary>
internal sealed class SegmentValues
{
    /// <summary>No date (or no source) for the document.</summary>
    public const int None = -1;

    private static readonly BuiltOnce<object, SegmentValues> Built = new();

    private SegmentValues(int[] dayOrdinals, int[] days, KeywordColumn sources, KeywordColumn languages, Utf8Column? ids, Utf16Column? titles)
    {
        Ids = ids;
        Titles = titles;
        DayOrdinals = dayOrdinals;
        Days = days;
        Sources = sources;
        Languages = languages;
    }

    /// <summary>Per document, the index of its day in <see cref="Days"/>, or <see cref="None"/>.</summary>
    public int[] DayOrdinals { get; }

    /// <summary>The distinct day numbers of the segment, ascending.</summary>
    public int[] Days { get; }

    /// <summary>Per document, its source.</summary>
    public KeywordColumn Sources { get; }

    /// <summary>Per document, the language it is searched in (none in a segment written before languages were indexed).</summary>
    public KeywordColumn Languages { get; }

    /// <summary>Per document, its id; null in a segment without id doc values.</summary>
    public Utf8Column? Ids { get; }

    /// <summary>Per document, its title; null in a segment written before titles had doc values.</summary>
    public Utf16Column? Titles { get; }

    public static SegmentValues For(AtomicReader reader) => Built.For(reader.CoreCacheKey, reader, Build);

    /// <summary>Builds the values of every segment of a reader ahead of its first search.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
            For(leaf.AtomicReader);
    }

    private static SegmentValues Build(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var dayOfDoc = new int[count];
        var dates = reader.GetNumericDocValues(IndexFields.Date);
        var hasDate = reader.GetDocsWithField(IndexFields.Date);
        var distinct = new SortedSet<int>();
        for (var doc = 0; doc < count; doc++)
        {
            if (dates is null || hasDate is null || !hasDate.Get(doc))
            {
                dayOfDoc[doc] = int.MinValue;
                continue;
            }
            dayOfDoc[doc] = (int)dates.Get(doc);
            distinct.Add(dayOfDoc[doc]);
        }
        var days = distinct.ToArray();
        var dayOrdinals = new int[count];
        for (var doc = 0; doc < count; doc++)
            dayOrdinals[doc] = dayOfDoc[doc] == int.MinValue ? None : Array.BinarySearch(days, dayOfDoc[doc]);

        return new SegmentValues(dayOrdinals, days,
            KeywordColumn.From(count, reader.GetSortedDocValues(IndexFields.Source)),
            KeywordColumn.From(count, reader.GetSortedDocValues(IndexFields.Lang)),
            Utf8Column.From(count, reader.GetSortedDocValues(IndexFields.Id)),
            Utf16Column.From(count, reader.GetBinaryDocValues(IndexFields.Title)));
    }
}
