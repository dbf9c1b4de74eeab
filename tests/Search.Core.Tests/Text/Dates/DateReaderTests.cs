using System.Globalization;
using Search.Core.Text.Dates;
using Search.Core.Text;

namespace Search.Core.Tests.Text.Dates;

/// <summary>Table-driven tests of the one date reader: every month name, each digit set, each layout.</summary>
public class DateReaderTests
{
    public enum Digits
    {
        Western,
        ArabicIndic,
        EasternArabicIndic,
    }

    private static string Write(string text, Digits digits) => digits switch
    {
        Digits.ArabicIndic => new string(text.Select(c => c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c).ToArray()),
        Digits.EasternArabicIndic => new string(text.Select(c => c is >= '0' and <= '9' ? (char)('\u06F0' + (c - '0')) : c).ToArray()),
        _ => text,
    };

    private static DateOnly Read(string text)
    {
        Assert.True(DateReader.TryRead(text, out var date), $"'{text}' was not read");
        return date;
    }

    public static TheoryData<string, int, Digits> GregorianMonthNames()
    {
        var data = new TheoryData<string, int, Digits>();
        foreach (var (_, month, name) in MonthNames.All.Where(m => m.Calendar == DateCalendar.Gregorian))
            foreach (var digits in Enum.GetValues<Digits>())
                data.Add(name, month, digits);
        return data;
    }

    [Theory]
    [MemberData(nameof(GregorianMonthNames))]
    public void Reads_every_gregorian_month_name_in_every_digit_set(string name, int month, Digits digits)
    {
        Assert.Equal(new DateOnly(2021, month, 14), Read(Write($"14 {name} 2021", digits)));
    }

    public static TheoryData<string, int> HijriMonthNames()
    {
        var data = new TheoryData<string, int>();
        foreach (var (_, month, name) in MonthNames.All.Where(m => m.Calendar == DateCalendar.Hijri))
            data.Add(name, month);
        return data;
    }

    [Theory]
    [MemberData(nameof(HijriMonthNames))]
    public void Reads_every_hijri_month_name_as_a_hijri_date(string name, int month)
    {
        var expected = DateOnly.FromDateTime(new UmAlQuraCalendar().ToDateTime(1442, month, 14, 0, 0, 0, 0));

        Assert.Equal(expected, Read($"١٤ {name} ١٤٤٢ هـ"));
        Assert.Equal(expected, Read($"14 {name} 1442"));
    }

    [Fact]
    public void No_two_month_names_are_the_same_once_folded()
    {
        var folded = MonthNames.All.Select(m => string.Join(' ', m.Name.Split(' ').Select(w => ArabicLetters.Fold(w)))).ToList();

        Assert.Equal(folded.Count, folded.Distinct().Count());
    }

    [Theory]
    [InlineData("ابريل")]
    [InlineData("إبريل")]
    [InlineData("أبريل")]
    [InlineData("اَبْرِيل")]
    public void Reads_spellings_with_and_without_hamza_and_diacritics(string april)
    {
        Assert.Equal(new DateOnly(2021, 4, 5), Read($"5 {april} 2021"));
    }

    [Theory]
    [InlineData("جمادي الاولي", 5)]
    [InlineData("جمادى الآخرة", 6)]
    [InlineData("جمادي الاخره", 6)]
    [InlineData("ذى القعده", 11)]
    [InlineData("ربيع الاخر", 4)]
    public void Reads_hijri_names_spelt_without_hamza_or_with_ya_and_ha(string name, int month)
    {
        var expected = DateOnly.FromDateTime(new UmAlQuraCalendar().ToDateTime(1443, month, 3, 0, 0, 0, 0));

        Assert.Equal(expected, Read($"3 {name} 1443 هـ"));
    }

    [Theory]
    [InlineData("27 يوليو 2021")]
    [InlineData("٢٧ يوليو ٢٠٢١")]
    [InlineData("۲۷ يوليو ۲۰۲۱")]
    [InlineData("٢٧ يـولـيـو ٢٠٢١")]
    [InlineData("27يوليو2021")]
    [InlineData("27 يوليو، 2021")]
    [InlineData("27 يوليو 2021م")]
    [InlineData("27 يوليو 2021 ميلادية")]
    [InlineData("\u200F27 يوليو 2021\u200F")]
    [InlineData("الثلاثاء 27 يوليو 2021")]
    [InlineData("الثلاثاء، ٢٧ يوليو ٢٠٢١")]
    [InlineData("يوم الثلاثاء 27 يوليو 2021م")]
    [InlineData("27 من يوليو 2021")]
    [InlineData("27 من شهر يوليو 2021")]
    [InlineData("27 يوليو/ تموز 2021")]
    [InlineData("27 يوليو/تموز 2021")]
    [InlineData("27 تموز / يوليو 2021")]
    [InlineData("27 يوليو - تموز 2021")]
    [InlineData("27 يوليو (تموز) 2021")]
    [InlineData("الثلاثاء 27 يوليو/ تموز 2021")]
    [InlineData("2021-07-27")]
    [InlineData("٢٠٢١-٠٧-٢٧")]
    [InlineData("2021/07/27")]
    [InlineData("2021-7-27")]
    [InlineData("2021-07-27T10:30:00")]
    [InlineData("2021-07-27T10:30:00.000+03:00")]
    [InlineData("2021-07-27T07:30:00Z")]
    [InlineData("2021-07-27 10:30")]
    [InlineData("27/07/2021")]
    [InlineData("27/7/2021")]
    [InlineData("٢٧/٠٧/٢٠٢١")]
    [InlineData("27-07-2021")]
    [InlineData("27.07.2021")]
    [InlineData("بتاريخ 27/07/2021")]
    [InlineData("تاريخ النشر: 27/07/2021 - 10:30 ص")]
    [InlineData("نشر في: الثلاثاء 27 يوليو 2021 الساعة 10:30 مساء")]
    [InlineData("27 يوليو 2021 م الموافق 17 ذو الحجة 1442 هـ")]
    [InlineData("17 ذو الحجة 1442 هـ - 27 يوليو 2021 م")]
    [InlineData("يوليو 27، 2021")]
    [InlineData("يوليو 27, 2021")]
    [InlineData("July 27, 2021")]
    [InlineData("Jul 27 2021")]
    [InlineData("Tuesday 27 July 2021")]
    public void Reads_each_layout(string text)
    {
        Assert.Equal(new DateOnly(2021, 7, 27), Read(text));
    }

    [Theory]
    [InlineData("السبت")]
    [InlineData("الأحد")]
    [InlineData("الاثنين")]
    [InlineData("الإثنين")]
    [InlineData("الثلاثاء")]
    [InlineData("الأربعاء")]
    [InlineData("الخميس")]
    [InlineData("الجمعة")]
    [InlineData("Tuesday")]
    public void Reads_a_date_after_any_weekday_without_checking_it(string weekday)
    {
        Assert.Equal(new DateOnly(2021, 7, 27), Read($"{weekday} 27 يوليو 2021"));
    }

    [Theory]
    [InlineData("الأول", 1)]
    [InlineData("أول", 1)]
    [InlineData("غرة", 1)]
    [InlineData("الثاني", 2)]
    [InlineData("الثالث", 3)]
    [InlineData("الرابع", 4)]
    [InlineData("الخامس", 5)]
    [InlineData("السادس", 6)]
    [InlineData("السابع", 7)]
    [InlineData("الثامن", 8)]
    [InlineData("التاسع", 9)]
    [InlineData("العاشر", 10)]
    [InlineData("الحادي عشر", 11)]
    [InlineData("الثاني عشر", 12)]
    [InlineData("التاسع عشر", 19)]
    [InlineData("العشرين", 20)]
    [InlineData("الحادي والعشرين", 21)]
    [InlineData("الواحد والعشرين", 21)]
    [InlineData("السابع والعشرين", 27)]
    [InlineData("الثلاثين", 30)]
    [InlineData("الحادي والثلاثين", 31)]
    public void Reads_ordinal_days(string ordinal, int day)
    {
        Assert.Equal(new DateOnly(2021, 7, day), Read($"{ordinal} من يوليو 2021"));
        Assert.Equal(new DateOnly(2021, 7, day), Read($"{ordinal} من شهر تموز 2021"));
    }

    [Theory]
    [InlineData("١٥ ذو الحجة ١٤٤٢ هـ", 2021, 7, 25)]
    [InlineData("15 ذي الحجة 1442هـ", 2021, 7, 25)]
    [InlineData("10 ذو الحجة 1442", 2021, 7, 20)]
    [InlineData("١ رمضان ١٤٤٢ هـ", 2021, 4, 13)]
    [InlineData("غرة رمضان 1442 هـ", 2021, 4, 13)]
    [InlineData("الأول من شوال 1442 للهجرة", 2021, 5, 13)]
    [InlineData("1442/12/15 هـ", 2021, 7, 25)]
    [InlineData("١٤٤٢/١٢/١٥هـ", 2021, 7, 25)]
    [InlineData("15/12/1442", 2021, 7, 25)]
    [InlineData("1442-12-15", 2021, 7, 25)]
    [InlineData("الأحد ١٥ ذو الحجة ١٤٤٢ هـ", 2021, 7, 25)]
    public void Converts_hijri_dates_to_gregorian_with_the_umm_al_qura_calendar(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Read(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2021")]
    [InlineData("يوليو 2021")]
    [InlineData("تموز ٢٠٢١")]
    [InlineData("27 يوليو")]
    [InlineData("27/07")]
    [InlineData("2021-07")]
    [InlineData("07/2021")]
    [InlineData("١٤٤٢ هـ")]
    [InlineData("رمضان 1442 هـ")]
    [InlineData("ذو الحجة ١٤٤٢")]
    [InlineData("2021-02-30")]
    [InlineData("30 فبراير 2021")]
    [InlineData("2021-13-01")]
    [InlineData("13/13/2021")]
    [InlineData("27 يوليو 21")]
    [InlineData("27/07/21")]
    [InlineData("أمس")]
    [InlineData("yesterday")]
    [InlineData("27 يوليو 2021 هـ")]
    [InlineData("15 رمضان 1442 م")]
    [InlineData("27 يوليو/ أغسطس 2021")]
    [InlineData("15 ذو الحجة 1600 هـ")]
    [InlineData("1/2/3/2021")]
    [InlineData("12-05-2021-7")]
    [InlineData("32 يوليو 2021")]
    [InlineData("الحادي من يوليو 2021")]
    [InlineData("بيان الوزارة 27 يوليو 2021")]
    [InlineData("من 1 يوليو 2021 إلى 5 يوليو 2021")]
    [InlineData("27 يوليو 2021 و 28 يوليو 2021")]
    [InlineData("صفحة 3 - 27 يوليو 2021")]
    [InlineData("يوليو 27")]
    [InlineData("يوليو 27، 1442 هـ")]
    public void Does_not_read_what_is_not_one_full_date(string text)
    {
        Assert.False(DateReader.TryRead(text, out _), $"'{text}' was read");
    }

    [Theory]
    [InlineData("أكد المتحدث الصحفي باسم الرئاسة اليوم الثلاثاء 27 يوليو/ تموز 2021، أن الاجتماع سيعقد قريبا.", 2021, 7, 27)]
    [InlineData("عقد المجلس جلسته في ٢٧ يوليو ٢٠٢١ بحضور الأعضاء.", 2021, 7, 27)]
    [InlineData("وقع الاتفاق في 5 مارس 2019 ثم جدد في 6 مارس 2020.", 2019, 3, 5)]
    [InlineData("الأحد 17 ذو الحجة 1442 هـ الموافق 27 يوليو 2021 م", 2021, 7, 27)]
    [InlineData("صدر البيان في ١٥ ذو الحجة ١٤٤٢ هـ عن الأمانة العامة.", 2021, 7, 25)]
    [InlineData("نشر بتاريخ 27/07/2021 في الموقع الرسمي.", 2021, 7, 27)]
    public void Finds_the_first_date_in_running_text(string text, int year, int month, int day)
    {
        Assert.True(DateReader.TryFind(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("أصدر مجلس الأمن القرار رقم 2334 لعام 2016 بعد نقاش طويل.")]
    [InlineData("ناقش الاجتماع البند 12/5/3 من جدول الأعمال.")]
    [InlineData("تبدأ المرحلة الثالثة في يوليو 2021 وتستمر حتى عام ١٤٤٣ هـ.")]
    [InlineData("اتصل على الرقم 12-34-5678 للاستفسار.")]
    [InlineData("مارس 15 عاما من العمل الدبلوماسي قبل تعيينه عام 2019.")]
    public void Finds_no_date_where_there_is_none(string text)
    {
        Assert.False(DateReader.TryFind(text, out _));
    }

    [Theory]
    [InlineData("٢٠٢١-٠٧-٢٧", "2021-07-27")]
    [InlineData("۱۴۰۰", "1400")]
    [InlineData("page ٣ of 10", "page 3 of 10")]
    [InlineData("بلا أرقام", "بلا أرقام")]
    public void Folds_arabic_digits_to_western(string text, string folded)
    {
        Assert.Equal(folded, DateReader.FoldDigits(text));
    }
}
