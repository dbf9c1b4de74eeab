using System.Globalization;

namespace Search.Core.Retrieval.Collecting;

/// <summary>Folds per-day counts into the buckets of an interval, keyed <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
internal static class DateBuckets
{
    public static IReadOnlyList<Bucket> Fold(IReadOnlyDictionary<int, long> countsByDay, DateInterval interval)
    {
        var buckets = new SortedDictionary<int, long>();
        foreach (var (day, count) in countsByDay)
        {
            var key = KeyOf(DateOnly.FromDayNumber(day), interval);
            buckets[key] = buckets.GetValueOrDefault(key) + count;
        }
        return buckets.Select(b => new Bucket(Format(b.Key, interval), b.Value)).ToList();
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
