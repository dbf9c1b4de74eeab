namespace Search.Core.Text.Dates;

/// <summary>A date read from tokens <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
internal readonly record struct DateMatch(DateOnly Date, DateCalendar Calendar, int Start, int End);
