using Search.Client.Contracts;

namespace Search.Web.Tests.TestSupport;

/// <summary>
/// The documents the browser tests search, written for them: statements about a port (الميناء)
/// over three years, several months and days and two sources (three pages of results), one about
/// rain in several paragraphs, the harvest over two years of very different sizes, and one whose
/// title and body try to run script; and, in March 2023, statements on negotiations (المفاوضات) quoting
/// two speakers, one of them with versions in English and Russian.
/// </summary>
public static class PageDocuments
{
    public const string PortWord = "الميناء";
    public const string PortAuthority = "هيئة الموانئ";
    public const string TransportMinistry = "وزارة النقل";

    /// <summary>The dates of the port statements: 2020, 2021 (July the busiest month, the 27th its busiest day), 2022.</summary>
    public static readonly string[] PortDates =
    [
        "2020-03-05", "2020-03-18", "2020-03-18", "2020-11-02", "2020-11-20",
        "2021-02-10", "2021-04-01", "2021-07-04", "2021-07-04", "2021-07-15",
        "2021-07-27", "2021-07-27", "2021-07-27", "2021-07-30", "2021-09-12", "2021-12-30",
        "2022-01-15", "2022-01-16", "2022-05-01", "2022-05-09", "2022-06-21", "2022-08-08", "2022-10-10", "2022-12-01",
    ];

    public const string RainId = "rain-1";
    public const string RainTitle = "الأمطار الغزيرة تغلق الطرق الجبلية";

    public static readonly string[] RainParagraphs =
    [
        "أعلنت هيئة الأرصاد أن الأمطار الغزيرة ستستمر حتى نهاية الأسبوع في المناطق الجبلية.",
        "وقالت الهيئة إن السيول أغلقت ثلاثة طرق رئيسية، ودعت السائقين إلى الحذر.",
        "وأضافت أن فرق الطوارئ تعمل على فتح الطرق فور توقف الأمطار.",
    ];

    /// <summary>Statements about the harvest: forty in 2019 and one in 2016, for a histogram where one year dwarfs another.</summary>
    public const string HarvestWord = "الحصاد";

    public const int HarvestIn2019 = 40;

    public const string UnsafeId = "unsafe-1";
    public const string UnsafeWord = "اختراق";
    public const string ScriptText = "<script>window.__pwned=1</script>";
    public const string ImageText = "<img src=x onerror=\"window.__pwned=1\">";

    /// <summary>An Arabic statement quoting Peskov, with its English and Russian versions.</summary>
    public const string TalksId = "talks-ar";
    public const string TalksEnglishId = "talks-en";
    public const string TalksRussianId = "talks-ru";
    public const string TalksTitle = "الكرملين: المفاوضات متوقفة";
    public const string TalksWord = "المفاوضات";
    public const string Peskov = "دميتري بيسكوف";
    public const string Lavrov = "سيرغي لافروف";
    public const string PeskovQuote = "المفاوضات مع أوكرانيا متوقفة الآن";

    public static readonly string[] TalksParagraphs =
    [
        $"وقال المتحدث باسم الكرملين {Peskov}: \"{PeskovQuote}\".",
        "وأضاف أن موسكو مستعدة للحوار.",
    ];

    /// <summary>The days the negotiation statements fall in, and no other statement.</summary>
    public const string TalksMonth = "from=2023-03-01&to=2023-03-31";

    public static IReadOnlyList<ArchiveDocument> All()
    {
        var documents = new List<ArchiveDocument>();
        for (var i = 0; i < PortDates.Length; i++)
        {
            var number = i + 1;
            documents.Add(Doc($"port-{number:D2}", $"بيان {PortWord} رقم {number}", PortDates[i],
                $"أعلنت إدارة {PortWord} اليوم عن حركة السفن في البيان رقم {number}.\nوأكدت أن العمل في {PortWord} يسير بانتظام.",
                i % 2 == 0 ? PortAuthority : TransportMinistry));
        }
        documents.Add(Doc(RainId, RainTitle, "2021-07-27", string.Join('\n', RainParagraphs), "هيئة الأرصاد"));
        documents.Add(Doc("harvest-2016", $"بدء موسم {HarvestWord} المبكر", "2016-05-10", $"بدأ موسم {HarvestWord} في الحقول الجنوبية.", "وزارة الزراعة"));
        for (var i = 1; i <= HarvestIn2019; i++)
            documents.Add(Doc($"harvest-2019-{i:D2}", $"تقرير {HarvestWord} رقم {i}", $"2019-{1 + i % 12:D2}-{1 + i % 28:D2}",
                $"أصدرت الوزارة تقرير {HarvestWord} رقم {i} عن محصول القمح.", "وزارة الزراعة"));
        documents.Add(Doc(UnsafeId, $"{ScriptText} بيان {UnsafeWord} {ImageText}", "2021-07-28",
            $"تحذير من {UnsafeWord}: {ScriptText}\nوفي النص أيضا {ImageText} و<mark>ليست علامتنا</mark> و&amp; كما هي.",
            "فريق الأمن"));
        documents.Add(Doc(TalksId, TalksTitle, "2023-03-01", string.Join('\n', TalksParagraphs), "وكالة الأنباء") with
        {
            Translations = [new TranslationLink("en", TalksEnglishId, null), new TranslationLink("ru", TalksRussianId, null)],
        });
        documents.Add(Doc(TalksEnglishId, "Kremlin: the negotiations are stalled", "2023-03-01",
            "Kremlin spokesman Dmitry Peskov said: \"The negotiations with Ukraine are stalled now\". He added that Moscow is ready for talks.",
            "وكالة الأنباء") with { Lang = "en" });
        documents.Add(Doc(TalksRussianId, "Кремль: переговоры остановлены", "2023-03-01",
            "Пресс-секретарь Кремля Дмитрий Песков заявил: «Переговоры с Украиной сейчас остановлены».", "وكالة الأنباء") with { Lang = "ru" });
        documents.Add(Doc("talks-lavrov", "لافروف: المفاوضات ستستأنف", "2023-03-02",
            $"وأكد وزير الخارجية {Lavrov} أن {TalksWord} ستستأنف قريبًا.", "صحيفة الأخبار"));
        documents.Add(Doc("talks-comment", "تعليقات الصحف", "2023-03-03",
            $"انتقد صحفيون كثيرون بطء {TalksWord} في الأسابيع الأخيرة.", "صحيفة الأخبار"));
        return documents;
    }

    private static ArchiveDocument Doc(string id, string title, string date, string body, string source) =>
        new(id, title, date, body, source, "ar", null, $"https://example.org/statements/{id}");
}
