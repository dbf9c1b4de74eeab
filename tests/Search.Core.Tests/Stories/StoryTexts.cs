namespace Search.Core.Tests.Stories;

/// <summary>
/// Made-up Arabic sentences for story tests: each sentence a distinct, fixed draw of twelve words from a
/// small vocabulary, so texts can be built that share exactly the sentences a test says they do.
/// </summary>
internal static class StoryTexts
{
    private static readonly string[] Vocabulary =
    [
        "أعلن", "وزير", "الخارجية", "اليوم", "عن", "زيارة", "رسمية", "إلى", "القاهرة", "لبحث", "العلاقات", "الثنائية",
        "أصدرت", "السفارة", "بيانا", "حول", "الانتخابات", "المقبلة", "في", "البلاد", "ناقشت", "الحكومة", "مع", "الشركات",
        "خطة", "الاستثمار", "الطاقة", "الشمسية", "قال", "الدفاع", "إن", "ستعلن", "موقفها", "من", "الاتفاق", "قريبا",
        "افتتح", "المحافظ", "مدرسة", "جديدة", "الخرطوم", "لتعليم", "الأطفال", "أكدت", "التزامها", "بدعم", "المزارعين",
        "خلال", "موسم", "الحصاد", "المجلس", "الوطني", "الأمن", "الاقتصاد", "النفط", "الأسعار", "السوق", "المالية",
        "الرئيس", "البرلمان", "القمة", "العربية", "المنطقة", "الشعب", "التعاون", "المشروع", "الجديد", "الصحة",
    ];

    /// <summary>Sentence number <paramref name="n"/>: the same words every time, and different from every other sentence.</summary>
    public static string Sentence(int n)
    {
        var random = new Random(1000 + n);
        return string.Join(' ', Enumerable.Range(0, 12).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])) + ".";
    }

    /// <summary>Sentences <paramref name="from"/> to <paramref name="to"/> (inclusive) as one text.</summary>
    public static string Sentences(int from, int to) => string.Join(' ', Enumerable.Range(from, to - from + 1).Select(Sentence));
}
