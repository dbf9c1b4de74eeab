using Search.Core;

namespace Search.Bench.Micro;

/// <summary>Arabic text written for the benchmarks (no corpus needed), repeated to the size wanted.</summary>
public static class BenchText
{
    private const string Paragraph =
        "أعلنت وزارة الاقتصاد اليوم الثلاثاء عن حزمة جديدة من الإجراءات لدعم المشروعات الصغيرة والمتوسطة، " +
        "وقال الوزير في مؤتمر صحفي إن الحكومة ستخصص ٢٥٠ مليون دينار لتمويل القروض الميسرة خلال عام 2021. " +
        "وأضاف أن البنك المركزي سيتابع تنفيذ البرنامج بالتعاون مع المصارف التجارية، وأن الأولوية ستكون للمشروعات " +
        "التي توفر فرص عمل للشباب في المحافظات الشمالية والجنوبية. وأكد المتحدث باسم الوزارة أنّ الإجراءات تأتي " +
        "استجابة لتوصيات مجلس النواب، وأنها ستُراجع كل ستة أشهر لقياس أثرها على النمو والتشغيل والاستثمار.\n";

    public static string OfLength(int characters)
    {
        var repeats = characters / Paragraph.Length + 1;
        return string.Concat(Enumerable.Repeat(Paragraph, repeats))[..characters];
    }

    private static readonly string[] Sources = ["وكالة الأنباء", "الجريدة الرسمية", "المكتب الإعلامي", "إذاعة المدينة"];

    /// <summary>Documents as the engine takes them: JSON Lines, UTF-8.</summary>
    public static byte[] AsJsonLines(IEnumerable<DocumentRecord> documents) =>
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', documents.Select(d => System.Text.Json.JsonSerializer.Serialize(new
        {
            id = d.Id,
            title = d.Title,
            date = d.IsoDate,
            body = d.Body,
            source = d.Source,
            lang = d.Lang,
            category = d.Category,
            url = d.Url,
            translations = d.Translations.Count == 0 ? null : d.Translations.Select(t => new { lang = t.Lang, url = t.IsAddress ? t.Target : null, id = t.IsAddress ? null : t.Target }),
        }, SkipNulls))));

    private static readonly System.Text.Json.JsonSerializerOptions SkipNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Documents spread over six years, four sources, with the paragraph as body.</summary>
    public static IEnumerable<DocumentRecord> Documents(int count) =>
        Enumerable.Range(0, count).Select(i => new DocumentRecord(
            $"bench-{i}",
            "بيان وزارة الاقتصاد رقم " + i,
            new DateOnly(2018, 1, 1).AddDays(i * 2191 / Math.Max(1, count)),
            Paragraph,
            Sources[i % Sources.Length]));
}
