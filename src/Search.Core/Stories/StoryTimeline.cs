namespace Search.Core.Stories;

/// <summary>A document of a story as its timeline shows it.</summary>
internal sealed record StoryCarrier(string Id, string Source, DateOnly? Date);

/// <summary>One step of a story's timeline: a carrier, and how many days after the first one it published (null when undated).</summary>
internal sealed record StoryStep(StoryCarrier Carrier, bool First, int? DaysAfterFirst);

/// <summary>
/// The order in which a story was published: the first carrier (earliest date; the same one
/// <see cref="StoryKey"/> names the story after), then the followers by date, undated ones last.
/// </summary>
internal static class StoryTimeline
{
    public static IReadOnlyList<StoryStep> Of(IEnumerable<StoryCarrier> carriers)
    {
        var ordered = carriers
            .OrderBy(c => c.Date?.DayNumber ?? int.MaxValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
            return [];
        var firstDay = ordered[0].Date?.DayNumber;
        return ordered.Select((c, i) => new StoryStep(c, i == 0,
            c.Date is { } date && firstDay is { } first ? date.DayNumber - first : null)).ToList();
    }
}
