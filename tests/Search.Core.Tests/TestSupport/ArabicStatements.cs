namespace Search.Core.Tests.TestSupport;

/// <summary>Short hand-written Arabic statements for searching and faceting tests.</summary>
public static class ArabicStatements
{
    public const string Agency = "وكالة الأنباء";
    public const string Gazette = "الجريدة الرسمية";
    public const string Morning = "صحيفة الصباح";
    public const string ArabAgency = "وكالة الأنباء العربية";

    public static DocumentRecord Doc(string id, string body, string? date = null, string source = Agency, string title = "") =>
        new(id, title, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), body, source);

    /// <summary>
    /// Seven statements: three from <see cref="Agency"/>, one undated without a source, two on the
    /// same day. "الأمريكية" is written with hamza in s2 and without in s3; s1 has the phrase
    /// "وزير الخارجية", s4 has both words apart.
    /// </summary>
    public static IReadOnlyList<DocumentRecord> All { get; } =
    [
        Doc("s1", "أعلن وزير الخارجية اليوم عن زيارة رسمية إلى القاهرة لبحث العلاقات الثنائية.", "2021-01-10", Agency, "زيارة إلى القاهرة"),
        Doc("s2", "أصدرت السفارة الأمريكية بيانا حول الانتخابات المقبلة في البلاد.", "2021-03-05", Gazette, "بيان السفارة"),
        Doc("s3", "ناقشت الحكومة مع الشركات الامريكية خطة الاستثمار في الطاقة الشمسية.", "2021-03-20", Agency, "خطة الاستثمار"),
        Doc("s4", "قال وزير الدفاع إن الخارجية ستعلن موقفها من الاتفاق قريبا.", "2022-06-15", Morning, "تصريح الدفاع"),
        Doc("s5", "افتتح المحافظ مدرسة جديدة في الخرطوم لتعليم الأطفال.", "2022-06-15", ArabAgency, "مدرسة جديدة"),
        Doc("s6", "أكدت الحكومة التزامها بدعم المزارعين خلال موسم الحصاد.", "2023-11-02", Agency, "دعم المزارعين"),
        Doc("s7", "نص قديم بلا تاريخ عن تاريخ المدينة وأسواقها.", null, "", "وثيقة قديمة"),
    ];
}
