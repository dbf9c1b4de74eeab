namespace Search.Core.Text.Dates;

internal enum DateCalendar
{
    Gregorian,
    Hijri,
}
