using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// A search's order as one number a match, larger first (ties by document id): its score, its day (newest
/// first), or its day negated (oldest first); undated matches last in both date orders, as in the
/// uncollapsed date sort, whose cursor keys (a day, or the sentinel an undated match sorts as) it reads.
/// </summary>
internal static class StoryOrder
{
    public static double Value(SortOrder order, Scorer? scorer, SegmentValues values, int doc)
    {
        if (order == SortOrder.Relevance)
            return scorer!.GetScore();
        var day = values.DayOrdinals[doc];
        return order == SortOrder.Newest
            ? day == SegmentValues.None ? int.MinValue : values.Days[day]
            : day == SegmentValues.None ? -(double)int.MaxValue : -values.Days[day];
    }

    /// <summary>The value of a cursor's key (a score, or a day as the date sort keeps it).</summary>
    public static double ValueOfCursor(SortOrder order, double key) => order == SortOrder.Oldest ? -key : key;

    /// <summary>The cursor key of a value: what <see cref="ValueOfCursor"/> reads back.</summary>
    public static double CursorKey(SortOrder order, double value) => order == SortOrder.Oldest ? -value : value;
}
