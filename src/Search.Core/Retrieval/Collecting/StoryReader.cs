using Lucene.Net.Search;
using Search.Core.Stories;

namespace Search.Core.Retrieval.Collecting;

/// <summary>Reads a story's copies from the segments' story values: how many, which outlets, and when it first appeared.</summary>
internal static class StoryReader
{
    /// <summary>The story <paramref name="key"/> as the searcher's documents carry it.</summary>
    public static StorySummary Summarize(IndexSearcher searcher, long key)
    {
        var copies = new List<(string Source, int? Day, string Id)>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            var values = SegmentValues.For(leaf.AtomicReader);
            foreach (var doc in StoryValues.For(leaf.AtomicReader).MembersOf(key))
            {
                if (live is not null && !live.Get(doc))
                    continue;
                var day = values.DayOrdinals[doc];
                copies.Add((values.Sources[doc] ?? "", day == SegmentValues.None ? null : values.Days[day], values.Ids?[doc] ?? ""));
            }
        }
        // The first carrier first, as the story's key names it: earliest day, undated last, then id.
        var ordered = copies.OrderBy(c => c.Day ?? int.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new StorySummary(StoryKey.Format(key), ordered.Count,
            ordered.Select(c => c.Source).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            ordered.FirstOrDefault(c => c.Day is not null).Day is { } first ? DateOnly.FromDayNumber(first) : null);
    }
}
