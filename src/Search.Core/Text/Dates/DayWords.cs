namespace Search.Core.Text.Dates;

/// <summary>
/// The words around the numbers of a date: days written as ordinals, calendar markers after
/// the year, and the words a date line may carry besides the date (weekday, "بتاريخ", …).
/// </summary>
internal static class DayWords
{
    /// <summary>
    /// Ordinal days as in <c>الأول من يوليو</c>: first to tenth, <c>الحادي عشر</c> to
    /// <c>التاسع عشر</c>, <c>العشرين</c>, <c>الحادي والعشرين</c> to <c>التاسع والعشرين</c>,
    /// <c>الثلاثين</c> and <c>الحادي والثلاثين</c>; also <c>أول</c> and <c>غرة</c>, the first of a month.
    /// </summary>
    private static readonly Dictionary<string, int> Units = Folded(new()
    {
        ["الحادي"] = 1,
        ["الواحد"] = 1,
        ["الثاني"] = 2,
        ["الثالث"] = 3,
        ["الرابع"] = 4,
        ["الخامس"] = 5,
        ["السادس"] = 6,
        ["السابع"] = 7,
        ["الثامن"] = 8,
        ["التاسع"] = 9,
    });

    private static readonly Dictionary<string, int> Tens = Folded(new()
    {
        ["العاشر"] = 10,
        ["العشرين"] = 20,
        ["الثلاثين"] = 30,
    });

    /// <summary>Words for the first day: <c>الأول</c>, <c>أول</c> (<c>أول يوليو</c>) and <c>غرة</c>.</summary>
    private static readonly HashSet<string> FirstDay = FoldedSet("الأول", "أول", "غرة");
    private static readonly string Teen = ArabicLetters.Fold("عشر");
    private static readonly string AndTwenty = ArabicLetters.Fold("والعشرين");
    private static readonly string AndThirty = ArabicLetters.Fold("والثلاثين");

    /// <summary>"من" between a day and its month (<c>27 من يوليو</c>), and English "of" (<c>27th of July</c>).</summary>
    private static readonly HashSet<string> Of = FoldedSet("من", "of");

    /// <summary>What follows the number of an ordinal day: <c>1st</c>, <c>2nd</c>, <c>3rd</c>, <c>27th</c>, French <c>1er</c>.</summary>
    private static readonly HashSet<string> OrdinalSuffixes = FoldedSet("st", "nd", "rd", "th", "er");

    /// <summary>"شهر" before a month name: <c>27 من شهر يوليو</c>.</summary>
    public static readonly string Month = ArabicLetters.Fold("شهر");

    private static readonly HashSet<string> HijriMarkers = FoldedSet("هـ", "هجري", "هجرية", "للهجرة", "هجريا");

    /// <summary>Arabic <c>م</c> and its long forms; Russian <c>г.</c> and <c>года</c> (<c>27 июля 2021 г.</c>).</summary>
    private static readonly HashSet<string> GregorianMarkers = FoldedSet("م", "ميلادي", "ميلادية", "للميلاد", "ميلاديا", "г", "года");

    /// <summary>
    /// What a line that holds only a date may say besides it: weekdays, "day", "dated", "published",
    /// "corresponding to", the hour and its parts, the letters of ISO times (T, Z), and the same in
    /// English, French and Russian (<c>Published on Tuesday 27 July 2021 at 10:30</c>,
    /// <c>Publié le mardi 27 juillet 2021 à 10h30</c>, <c>Опубликовано: вторник, 27 июля 2021 г.</c>).
    /// </summary>
    private static readonly HashSet<string> DateLineWords = FoldedSet(
        "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "يوم", "اليوم", "في", "بتاريخ", "تاريخ", "التاريخ", "النشر", "نشر", "نشرت", "منشور", "الموافق", "موافق",
        "الساعة", "الساعه", "صباحا", "مساء", "مساءا", "ظهرا", "ص", "م", "بتوقيت", "غرينتش", "مكة", "المكرمة",
        "t", "z", "am", "pm", "gmt", "utc", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "published", "posted", "updated", "on", "at", "the", "date",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "le", "publié", "publie", "mis", "à", "jour", "h",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс",
        "опубликовано", "обновлено", "дата", "публикации", "от", "в");

    /// <summary>Reads a day of the month (1–31) at <paramref name="position"/>: a number, an ordinal or غرة.</summary>
    public static bool TryReadDay(IReadOnlyList<DateToken> tokens, ref int position, out int day)
    {
        day = 0;
        if (position >= tokens.Count)
            return false;
        var token = tokens[position];
        if (token.IsNumber)
        {
            if (token.Text.Length > 2 || token.Value is < 1 or > 31)
                return false;
            day = token.Value;
            position++;
            SkipOrdinalSuffix(tokens, ref position);
            return true;
        }
        if (token.Kind != DateTokenKind.Word)
            return false;
        if (FirstDay.Contains(token.Text))
        {
            day = 1;
            position++;
            return true;
        }
        if (Tens.TryGetValue(token.Text, out var tens))
        {
            day = tens;
            position++;
            return true;
        }
        if (!Units.TryGetValue(token.Text, out var unit) || position + 1 >= tokens.Count)
            return false;
        var next = tokens[position + 1].Text;
        day = next == Teen ? 10 + unit : next == AndTwenty ? 20 + unit : next == AndThirty && unit == 1 ? 31 : 0;
        if (day == 0)
        {
            // الثاني … التاسع stand alone as days 2–9; الحادي and الواحد only begin compounds.
            if (unit == 1)
                return false;
            day = unit;
            position++;
            return true;
        }
        position += 2;
        return true;
    }

    /// <summary>"من" or "of" between a day and its month.</summary>
    public static bool IsOf(DateToken token) => token.Kind == DateTokenKind.Word && Of.Contains(token.Text);

    /// <summary>Moves past <c>st</c>, <c>nd</c>, <c>rd</c>, <c>th</c> or <c>er</c> after a day's number.</summary>
    public static void SkipOrdinalSuffix(IReadOnlyList<DateToken> tokens, ref int position)
    {
        if (position < tokens.Count && tokens[position].Kind == DateTokenKind.Word && OrdinalSuffixes.Contains(tokens[position].Text))
            position++;
    }

    /// <summary>Reads هـ / م (and their long forms, and Russian г. and года) after a year, and moves past it.</summary>
    public static DateCalendar? TryReadMarker(IReadOnlyList<DateToken> tokens, ref int position)
    {
        if (position >= tokens.Count || tokens[position].Kind != DateTokenKind.Word)
            return null;
        var text = tokens[position].Text;
        DateCalendar? calendar = HijriMarkers.Contains(text) ? DateCalendar.Hijri
            : GregorianMarkers.Contains(text) ? DateCalendar.Gregorian
            : null;
        if (calendar is not null)
            position++;
        return calendar;
    }

    public static bool IsDateLineWord(string folded) => DateLineWords.Contains(folded);

    private static Dictionary<string, int> Folded(Dictionary<string, int> table) =>
        table.ToDictionary(entry => ArabicLetters.Fold(entry.Key), entry => entry.Value, StringComparer.Ordinal);

    private static HashSet<string> FoldedSet(params string[] words) =>
        words.Select(word => ArabicLetters.Fold(word)).ToHashSet(StringComparer.Ordinal);
}
