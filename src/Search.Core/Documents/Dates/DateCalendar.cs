namespace Search.Core.Documents.Dates;

internal enum DateCalendar
{
    Gregorian,
    Hijri,
}
