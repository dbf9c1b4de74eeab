namespace Search.Core.Text.Dates;

/// <summary>
/// The forms a full date takes (day, month and year; a month and year alone are no date):
/// <list type="bullet">
/// <item>a day (number, ordinal or غرة; <c>1st</c>, <c>1er</c>), optionally "من" (or "of") and "شهر", a month name, optionally the same
/// month in another family (<c>يوليو/ تموز</c>, <c>يوليو (تموز)</c>), a four-digit year, and an
/// optional calendar marker (<c>هـ</c>, <c>م</c>);</item>
/// <item>a Gregorian month name, the day, optionally a comma, and the year (<c>يوليو 27، 2021</c>, <c>July 27th, 2021</c>);</item>
/// <item>numbers <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c> (with '-', '/' or '.'), day before month as
/// Arabic publishers write it, and an optional marker.</item>
/// </list>
/// The calendar comes from the month name or the marker, and they must agree. A numeric date
/// without a marker whose year is a Hijri year (1318–1500) is Hijri: no statement in these
/// archives dates from the fourteenth or fifteenth century AD, while Gulf pages often print
/// <c>1442/12/15</c> without <c>هـ</c>.
/// </summary>
internal static class DateGrammar
{
    public static IEnumerable<DateMatch> FindAll(IReadOnlyList<DateToken> tokens)
    {
        var position = 0;
        while (position < tokens.Count)
        {
            if (TryMatchAt(tokens, position, out var match))
            {
                yield return match;
                position = match.End;
            }
            else
            {
                position++;
            }
        }
    }

    public static bool TryMatchAt(IReadOnlyList<DateToken> tokens, int start, out DateMatch match) =>
        TryNamedMonth(tokens, start, out match) || TryMonthFirst(tokens, start, out match) || TryNumeric(tokens, start, out match);

    private static bool TryNamedMonth(IReadOnlyList<DateToken> tokens, int start, out DateMatch match)
    {
        match = default;
        var position = start;
        if (!DayWords.TryReadDay(tokens, ref position, out var day))
            return false;
        if (DayWords.IsOf(At(tokens, position)))
            position++;
        if (At(tokens, position).IsWord(DayWords.Month))
            position++;
        if (!MonthNames.TryRead(tokens, ref position, out var calendar, out var month))
            return false;
        if (calendar == DateCalendar.Gregorian)
            SkipSameMonthInAnotherFamily(tokens, ref position, month);
        if (!TryReadYear(tokens, ref position, out var year))
            return false;
        var marker = DayWords.TryReadMarker(tokens, ref position);
        if (marker is not null && marker != calendar)
            return false;
        return TryBuild(calendar, year, month, day, start, position, out match);
    }

    /// <summary>
    /// A Gregorian month before its day, as WordPress prints Arabic dates by default and English
    /// metadata writes them: <c>يوليو 27، 2021</c>, <c>July 27, 2021</c>.
    /// </summary>
    private static bool TryMonthFirst(IReadOnlyList<DateToken> tokens, int start, out DateMatch match)
    {
        match = default;
        var position = start;
        if (!MonthNames.TryRead(tokens, ref position, out var calendar, out var month) || calendar != DateCalendar.Gregorian)
            return false;
        var day = At(tokens, position);
        if (!day.IsNumber || day.Text.Length > 2)
            return false;
        position++;
        DayWords.SkipOrdinalSuffix(tokens, ref position);
        if (!TryReadYear(tokens, ref position, out var year))
            return false;
        if (DayWords.TryReadMarker(tokens, ref position) == DateCalendar.Hijri)
            return false;
        return TryBuild(calendar, year, month, day.Value, start, position, out match);
    }

    /// <summary>A four-digit year, after an optional comma (<c>27 يوليو، 2021</c>, <c>July 27, 2021</c>).</summary>
    private static bool TryReadYear(IReadOnlyList<DateToken> tokens, ref int position, out int year)
    {
        year = 0;
        var at = position;
        if (At(tokens, at).IsSymbol(','))
            at++;
        var token = At(tokens, at);
        if (!token.IsNumber || token.Text.Length != 4)
            return false;
        year = token.Value;
        position = at + 1;
        return true;
    }

    /// <summary>Moves past <c>/ تموز</c>, <c>- تموز</c>, <c>(تموز)</c> or <c>تموز</c> when it names the same month.</summary>
    private static void SkipSameMonthInAnotherFamily(IReadOnlyList<DateToken> tokens, ref int position, int month)
    {
        var next = position;
        var parenthesis = At(tokens, next).IsSymbol('(');
        if (parenthesis || At(tokens, next).IsSymbol('/') || At(tokens, next).IsSymbol('-'))
            next++;
        if (!MonthNames.TryRead(tokens, ref next, out var otherCalendar, out var otherMonth)
            || otherCalendar != DateCalendar.Gregorian || otherMonth != month)
            return;
        if (parenthesis)
        {
            if (!At(tokens, next).IsSymbol(')'))
                return;
            next++;
        }
        position = next;
    }

    private static bool TryNumeric(IReadOnlyList<DateToken> tokens, int start, out DateMatch match)
    {
        match = default;
        if (start + 4 >= tokens.Count)
            return false;
        var separator = tokens[start + 1];
        if (!tokens[start].IsNumber || !IsNumericSeparator(separator) || !tokens[start + 2].IsNumber
            || tokens[start + 3] != separator || !tokens[start + 4].IsNumber)
            return false;
        // A date is three numbers, not three of a longer run such as a reference or phone number.
        if (start >= 2 && tokens[start - 1] == separator && tokens[start - 2].IsNumber)
            return false;
        if (start + 6 < tokens.Count && tokens[start + 5] == separator && tokens[start + 6].IsNumber)
            return false;

        var (first, second, third) = (tokens[start].Text, tokens[start + 2].Text, tokens[start + 4].Text);
        int year, month, day;
        if (first.Length == 4 && second.Length <= 2 && third.Length <= 2)
            (year, month, day) = (tokens[start].Value, tokens[start + 2].Value, tokens[start + 4].Value);
        else if (third.Length == 4 && first.Length <= 2 && second.Length <= 2)
            (day, month, year) = (tokens[start].Value, tokens[start + 2].Value, tokens[start + 4].Value);
        else
            return false;

        var position = start + 5;
        var calendar = DayWords.TryReadMarker(tokens, ref position)
            ?? (HijriDates.IsSupportedYear(year) ? DateCalendar.Hijri : DateCalendar.Gregorian);
        return TryBuild(calendar, year, month, day, start, position, out match);
    }

    private static bool TryBuild(DateCalendar calendar, int year, int month, int day, int start, int end, out DateMatch match)
    {
        match = default;
        DateOnly date;
        var valid = calendar == DateCalendar.Hijri
            ? HijriDates.TryConvert(year, month, day, out date)
            : TryGregorian(year, month, day, out date);
        if (valid)
            match = new DateMatch(date, calendar, start, end);
        return valid;
    }

    private static bool TryGregorian(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsNumericSeparator(DateToken token) => token.IsSymbol('-') || token.IsSymbol('/') || token.IsSymbol('.');

    private static DateToken At(IReadOnlyList<DateToken> tokens, int position) =>
        position < tokens.Count ? tokens[position] : default;
}
