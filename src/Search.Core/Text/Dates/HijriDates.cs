using System.Globalization;

namespace Search.Core.Text.Dates;

/// <summary>
/// Converts Hijri dates with the Umm al-Qura calendar: the official calendar of Saudi Arabia and
/// the one Gulf publishers print, and, unlike the tabular <see cref="HijriCalendar"/>, one that
/// follows the observed months instead of drifting a day or two from them. It covers 1318–1500 AH
/// (1900–2077); a Hijri date outside those years is not read rather than guessed.
/// </summary>
internal static class HijriDates
{
    private static readonly UmAlQuraCalendar Calendar = new();
    private static readonly int FirstYear = Calendar.GetYear(Calendar.MinSupportedDateTime);
    private static readonly int LastYear = Calendar.GetYear(Calendar.MaxSupportedDateTime);

    /// <summary>True for the Hijri years this calendar converts, 1318–1500 AH.</summary>
    public static bool IsSupportedYear(int year) => year >= FirstYear && year <= LastYear;

    public static bool TryConvert(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (!IsSupportedYear(year) || month is < 1 or > 12 || day < 1 || day > Calendar.GetDaysInMonth(year, month))
            return false;
        date = DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
        return true;
    }
}
