using System.Globalization;
using System.Runtime.InteropServices;

namespace Search.Core.Retrieval.Collecting;

/// <summary>Folds per-day counts into the buckets of an interval, keyed <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
internal static class DateBuckets
{
    /// <remarks>
    /// Summed by key, then put in order once: a sorted tree, looked up and added to for each of the thousands of days a
    /// broad question matches, was 1.2% of a dev-eval question's processor time (a perf profile of Search.Bench queries).
    /// </remarks>
    public static IReadOnlyList<Bucket> Fold(IReadOnlyDictionary<int, long> countsByDay, DateInterval interval)
    {
        var buckets = new Dictionary<int, long>();
        foreach (var (day, count) in countsByDay)
            CollectionsMarshal.GetValueRefOrAddDefault(buckets, KeyOf(DateOnly.FromDayNumber(day), interval), out _) += count;
        return [.. buckets.OrderBy(b => b.Key).Select(b => new Bucket(Format(b.Key, interval), b.Value))];
    }

    private static int KeyOf(DateOnly date, DateInterval interval) => interval switch
    {
        DateInterval.Year => date.Year,
        DateInterval.Month => date.Year * 100 + date.Month,
        _ => date.DayNumber,
    };

    private static string Format(int key, DateInterval interval) => interval switch
    {
        DateInterval.Year => key.ToString("D4", CultureInfo.InvariantCulture),
        DateInterval.Month => $"{key / 100:D4}-{key % 100:D2}",
        _ => DateOnly.FromDayNumber(key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
