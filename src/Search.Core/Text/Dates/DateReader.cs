namespace Search.Core.Text.Dates;

/// <summary>
/// The one reader of dates, for documents, pages and query parameters alike. It reads dates as
/// Arabic archives write them: Western, Arabic-Indic and Eastern Arabic-Indic digits; Gregorian
/// month names of Egypt and the Gulf, the Maghreb and the Levant, alone or paired
/// (<c>27 يوليو/ تموز 2021</c>); an optional weekday; ordinal days (<c>الأول من يوليو 2021</c>);
/// <c>yyyy-MM-dd</c> (with or without a time) and <c>dd/MM/yyyy</c>; Hijri dates, converted to
/// Gregorian (<see cref="HijriDates"/>); and as English, French and Russian statements write them
/// (<c>July 27th, 2021</c>, <c>1er juillet 2021</c>, <c>27 июля 2021 г.</c>). See <see cref="DateGrammar"/> for the forms and
/// <see cref="MonthNames"/> for the names.
/// </summary>
public static class DateReader
{
    /// <summary>Tokens a Hijri date and the Gregorian date after it may have between them ("الموافق", "-").</summary>
    private const int MaxGapBetweenPairedDates = 3;

    /// <summary>
    /// Reads text that is a date and nothing else but what a date line says around one: a weekday,
    /// "بتاريخ", a time, a calendar marker, punctuation. When it gives the date in both calendars
    /// the Gregorian one is taken, as written, rather than converted.
    /// </summary>
    public static bool TryRead(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var tokens = DateTokenizer.Tokenize(text);
        var matches = DateGrammar.FindAll(tokens).ToList();
        if (matches.Count == 0 || !OnlyDateLineWordsBetween(tokens, matches))
            return false;
        var gregorian = matches.Where(m => m.Calendar == DateCalendar.Gregorian).Select(m => m.Date).Distinct().ToList();
        var hijri = matches.Where(m => m.Calendar == DateCalendar.Hijri).Select(m => m.Date).Distinct().ToList();
        if (gregorian.Count > 1 || (gregorian.Count == 0 && hijri.Count > 1))
            return false;
        date = gregorian.Count == 1 ? gregorian[0] : hijri[0];
        return true;
    }

    /// <summary>
    /// Finds the first date in running text, e.g. <c>أكد المتحدث اليوم الثلاثاء 27 يوليو/ تموز 2021 أن …</c>.
    /// A Hijri date directly followed by its Gregorian equal gives the Gregorian one.
    /// </summary>
    public static bool TryFind(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var tokens = DateTokenizer.Tokenize(text);
        using var matches = DateGrammar.FindAll(tokens).GetEnumerator();
        if (!matches.MoveNext())
            return false;
        var first = matches.Current;
        date = first.Date;
        if (first.Calendar == DateCalendar.Hijri && matches.MoveNext())
        {
            var next = matches.Current;
            if (next.Calendar == DateCalendar.Gregorian && next.Start - first.End <= MaxGapBetweenPairedDates
                && IsDateLineGap(tokens, first.End, next.Start))
                date = next.Date;
        }
        return true;
    }

    /// <summary>Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits to ASCII.</summary>
    public static string FoldDigits(string text) => ArabicLetters.FoldDigits(text);

    private static bool OnlyDateLineWordsBetween(List<DateToken> tokens, List<DateMatch> matches)
    {
        var position = 0;
        foreach (var match in matches)
        {
            if (!IsDateLineGap(tokens, position, match.Start))
                return false;
            position = match.End;
        }
        return IsDateLineGap(tokens, position, tokens.Count);
    }

    /// <summary>
    /// True when the tokens from <paramref name="start"/> to <paramref name="end"/> are what a date
    /// line may hold besides its date: date-line words, punctuation, and numbers only as part of a
    /// time (a gap with hours and minutes, e.g. <c>T10:30:00+03:00</c>, <c>الساعة 10:30</c> or French <c>10h30</c>).
    /// </summary>
    private static bool IsDateLineGap(List<DateToken> tokens, int start, int end)
    {
        var isTime = false;
        for (var i = start + 1; i < end - 1; i++)
            isTime |= (tokens[i].IsSymbol(':') || tokens[i].IsWord("h")) && tokens[i - 1].IsNumber && tokens[i + 1].IsNumber;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            var allowed = token.Kind switch
            {
                DateTokenKind.Word => DayWords.IsDateLineWord(token.Text),
                DateTokenKind.Number => isTime,
                _ => true,
            };
            if (!allowed)
                return false;
        }
        return true;
    }
}
