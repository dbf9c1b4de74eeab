using System.Globalization;

namespace Search.Core.Retrieval.Collecting;

/// <summary>The date facet's buckets of an interval, named <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
internal static class DateBuckets
{
    /// <summary>
    /// The buckets in order, from the matches counted by <see cref="KeyOf"/>: put in order once, where a sorted tree,
    /// looked up and added to for each of the thousands of days a broad question matches, was 1.2% of a dev-eval
    /// question's processor time (a perf profile of Search.Bench queries).
    /// </summary>
    public static IReadOnlyList<Bucket> Ordered(IReadOnlyDictionary<int, long> countsByKey, DateInterval interval) =>
        [.. countsByKey.OrderBy(b => b.Key).Select(b => new Bucket(Format(b.Key, interval), b.Value))];

    /// <summary>The bucket of a day (a <see cref="DateOnly.DayNumber"/>), as a number that sorts as the buckets do.</summary>
    public static int KeyOf(int dayNumber, DateInterval interval) => interval switch
    {
        DateInterval.Year => DateOnly.FromDayNumber(dayNumber).Year,
        DateInterval.Month => MonthKey(DateOnly.FromDayNumber(dayNumber)),
        _ => dayNumber,
    };

    private static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;

    private static string Format(int key, DateInterval interval) => interval switch
    {
        DateInterval.Year => key.ToString("D4", CultureInfo.InvariantCulture),
        DateInterval.Month => $"{key / 100:D4}-{key % 100:D2}",
        _ => DateOnly.FromDayNumber(key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
