namespace Search.Core.Text.Dates;

/// <summary>
/// The month names of Arabic dates, each with the spellings in use. Gregorian months go by
/// three families: the Egyptian and Gulf names taken from English (يناير … ديسمبر, with
/// Egyptian يونيه/يوليه and Moroccan ماي/يوليوز/غشت/شتنبر/نونبر/دجنبر), the Algerian and
/// Tunisian names taken from French (جانفي … ديسمبر), and the Syriac names of the Levant and
/// Iraq (كانون الثاني … كانون الأول); the English names too, which sites print in metadata and
/// bilingual date lines, and the French and Russian ones of statements in those languages
/// (Russian in the genitive of <c>27 июля</c>, French with and without accents), each with the
/// abbreviations sites print (<c>juil.</c>, <c>янв.</c>). Hijri months have their own table. Names are folded like
/// the text they are matched against, so one entry covers its spellings with and without hamza
/// (أبريل/ابريل/إبريل) and with ى or ي, ة or ه; only spellings that differ once folded are listed.
/// </summary>
internal static class MonthNames
{
    private static readonly (int Month, string[] Names)[] Gregorian =
    [
        (1, ["يناير", "جانفي", "كانون الثاني", "كانون ثاني", "January", "Jan", "janvier", "janv", "января", "янв"]),
        (2, ["فبراير", "فيفري", "شباط", "February", "Feb", "février", "fevrier", "févr", "fevr", "февраля", "фев", "февр"]),
        (3, ["مارس", "آذار", "March", "Mar", "mars", "марта", "мар"]),
        (4, ["أبريل", "أفريل", "نيسان", "April", "Apr", "avril", "avr", "апреля", "апр"]),
        (5, ["مايو", "ماي", "أيار", "May", "mai", "мая"]),
        (6, ["يونيو", "يونيه", "جوان", "حزيران", "June", "Jun", "juin", "июня", "июн"]),
        (7, ["يوليو", "يوليه", "يوليوز", "جويلية", "تموز", "July", "Jul", "juillet", "juil", "июля", "июл"]),
        (8, ["أغسطس", "غشت", "أوت", "آب", "August", "Aug", "août", "aout", "августа", "авг"]),
        (9, ["سبتمبر", "شتنبر", "أيلول", "September", "Sep", "Sept", "septembre", "сентября", "сен", "сент"]),
        (10, ["أكتوبر", "تشرين الأول", "تشرين أول", "October", "Oct", "octobre", "октября", "окт"]),
        (11, ["نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "November", "Nov", "novembre", "ноября", "ноя", "нояб"]),
        (12, ["ديسمبر", "دجنبر", "كانون الأول", "كانون أول", "December", "Dec", "décembre", "decembre", "déc", "декабря", "дек"]),
    ];

    private static readonly (int Month, string[] Names)[] Hijri =
    [
        (1, ["محرم", "المحرم"]),
        (2, ["صفر"]),
        (3, ["ربيع الأول", "ربيع أول"]),
        (4, ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"]),
        (5, ["جمادى الأولى", "جمادى الأول", "جمادى أولى"]),
        (6, ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"]),
        (7, ["رجب"]),
        (8, ["شعبان"]),
        (9, ["رمضان"]),
        (10, ["شوال"]),
        (11, ["ذو القعدة", "ذي القعدة", "ذوالقعدة"]),
        (12, ["ذو الحجة", "ذي الحجة", "ذوالحجة"]),
    ];

    /// <summary>Folded names of one or two words, and the month each names.</summary>
    private static readonly Dictionary<string, (DateCalendar Calendar, int Month)> ByName = Build();

    /// <summary>Every name of the table as written, for tests that walk all of them.</summary>
    public static IEnumerable<(DateCalendar Calendar, int Month, string Name)> All =>
        Gregorian.SelectMany(m => m.Names.Select(n => (DateCalendar.Gregorian, m.Month, n)))
            .Concat(Hijri.SelectMany(m => m.Names.Select(n => (DateCalendar.Hijri, m.Month, n))));

    /// <summary>Reads a month name at <paramref name="position"/>, two-word names first, and moves past it.</summary>
    public static bool TryRead(IReadOnlyList<DateToken> tokens, ref int position, out DateCalendar calendar, out int month)
    {
        calendar = default;
        month = 0;
        if (position >= tokens.Count || tokens[position].Kind != DateTokenKind.Word)
            return false;
        if (position + 1 < tokens.Count && tokens[position + 1].Kind == DateTokenKind.Word
            && ByName.TryGetValue(tokens[position].Text + " " + tokens[position + 1].Text, out var two))
        {
            (calendar, month) = two;
            position += 2;
            return true;
        }
        if (!ByName.TryGetValue(tokens[position].Text, out var one))
            return false;
        (calendar, month) = one;
        position++;
        // An abbreviation's period (juil. 2021, Jul. 27, янв. 2021): Latin and Cyrillic names only, Arabic has none.
        if (position < tokens.Count && tokens[position].IsSymbol('.') && tokens[position - 1].Text[0] < '\u0600')
            position++;
        return true;
    }

    private static Dictionary<string, (DateCalendar, int)> Build()
    {
        var names = new Dictionary<string, (DateCalendar, int)>(StringComparer.Ordinal);
        foreach (var (calendar, month, name) in All)
            names[string.Join(' ', name.Split(' ').Select(word => ArabicLetters.Fold(word)))] = (calendar, month);
        return names;
    }
}
