using Search.Core.Ingest.Pages;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest.Pages;

public class TextPageReaderTests
{
    private static readonly string[] Paragraphs =
    [
        FirstParagraph,
        "وأضاف أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة مشاريع الطاقة والنقل.",
        SubHeading,
        LastParagraph,
    ];

    private static void AssertStatement(PageContent page)
    {
        Assert.Equal(Title, page.Title);
        Assert.Equal(Date, page.Date);
        Assert.Equal(Paragraphs, page.Body.Split('\n'));
        Assert.Equal(Publisher, page.Source);
    }

    [Fact]
    public void Reads_headline_date_line_paragraphs_sub_headings_and_publisher()
    {
        AssertStatement(TextPageReader.Read(StatementText));
    }

    [Fact]
    public void Leaves_out_menus_language_switches_share_lines_read_also_leads_and_copyright()
    {
        var page = TextPageReader.Read(TextWithSiteFurniture);

        AssertStatement(page);
        foreach (var furniture in (string[])["English", "الرئيسية", "فيسبوك", "اقرأ أيضا", "طباعة", "اتصل بنا", "©", "محفوظة"])
            Assert.DoesNotContain(furniture, page.Body);
    }

    [Fact]
    public void Reads_windows_line_ends_and_lines_padded_with_spaces_and_direction_marks()
    {
        var text = "\u200FRu En\r\n\r\n  " + Title + " \t\r\n\u200F١٤ مارس ٢٠٢٢\u200F\r\n" + FirstParagraph + "\r\n" + Publisher + "\r\n";

        var page = TextPageReader.Read(text);

        Assert.Equal((Title, Date, FirstParagraph, Publisher), (page.Title, page.Date, page.Body, page.Source));
    }

    [Fact]
    public void Takes_the_date_from_the_first_paragraphs_when_the_page_has_no_date_line()
    {
        var text = $"""
            الرئيسية
            بيسكوف: موسكو تتابع باهتمام قرار إنهاء المهمة القتالية
            أكد المتحدث الصحفي باسم الرئاسة في تصريح للصحفيين اليوم الثلاثاء 27 يوليو/ تموز 2021، أن القرار يستحق الاهتمام.
            وأضاف أن الاتصالات مستمرة مع جميع الأطراف.
            """;

        var page = TextPageReader.Read(text);

        Assert.Equal("بيسكوف: موسكو تتابع باهتمام قرار إنهاء المهمة القتالية", page.Title);
        Assert.Equal(new DateOnly(2021, 7, 27), page.Date);
        Assert.StartsWith("أكد المتحدث", page.Body);
    }

    [Fact]
    public void A_kicker_above_the_headline_is_not_the_title()
    {
        var text = $"""
            ملف العلاقات الإقليمية والدولية
            {Title}
            14/03/2022
            {FirstParagraph}
            {LastParagraph}
            """;

        var page = TextPageReader.Read(text);

        Assert.Equal(Title, page.Title);
        Assert.Equal(Date, page.Date);
        Assert.DoesNotContain("ملف العلاقات", page.Body);
    }

    [Fact]
    public void A_lead_between_headline_and_date_line_stays_in_the_body()
    {
        const string lead = "يبحث الوزير خلال جولته ملفات الطاقة والنقل والاستثمار مع نظرائه في ثلاث عواصم خليجية.";
        var text = $"{Title}\n{lead}\nالاثنين 14 مارس 2022\n{FirstParagraph}\n";

        var page = TextPageReader.Read(text);

        Assert.Equal(Title, page.Title);
        Assert.Equal(Date, page.Date);
        Assert.Equal([lead, FirstParagraph], page.Body.Split('\n'));
    }

    [Fact]
    public void Reads_a_date_line_above_the_headline()
    {
        var page = TextPageReader.Read($"٢٠٢٢/٠٣/١٤\n{Title}\n{FirstParagraph}\n{LastParagraph}");

        Assert.Equal((Title, (DateOnly?)Date), (page.Title, page.Date));
    }

    [Fact]
    public void A_short_headline_over_a_date_line_is_kept()
    {
        var page = TextPageReader.Read($"Ru En\nبيان صحفي\n١٤ مارس ٢٠٢٢\n{FirstParagraph}\n{LastParagraph}");

        Assert.Equal("بيان صحفي", page.Title);
    }

    [Fact]
    public void A_question_is_a_headline()
    {
        var page = TextPageReader.Read($"هل تنجح المفاوضات الجديدة في إنهاء الأزمة؟\n١٤ مارس ٢٠٢٢\n{FirstParagraph}");

        Assert.Equal("هل تنجح المفاوضات الجديدة في إنهاء الأزمة؟", page.Title);
    }

    [Fact]
    public void Converts_a_hijri_date_line()
    {
        var page = TextPageReader.Read($"{Title}\n١٥ ذو الحجة ١٤٤٢ هـ\n{FirstParagraph}");

        Assert.Equal(new DateOnly(2021, 7, 25), page.Date);
    }

    [Fact]
    public void Prefers_the_gregorian_date_of_a_line_that_gives_both()
    {
        var page = TextPageReader.Read($"{Title}\nالأحد 17 ذو الحجة 1442 هـ الموافق 27 يوليو 2021 م\n{FirstParagraph}");

        Assert.Equal(new DateOnly(2021, 7, 27), page.Date);
    }

    [Fact]
    public void A_page_without_a_readable_date_is_undated()
    {
        var page = TextPageReader.Read($"{Title}\nتستمر المشاورات بين الجانبين حول ملفات الطاقة دون تحديد موعد للجولة المقبلة.\n{LastParagraph}");

        Assert.Null(page.Date);
        Assert.Equal(Title, page.Title);
    }

    [Fact]
    public void Takes_a_url_line_as_the_pages_address()
    {
        var page = TextPageReader.Read($"https://example.org/ar/news/1234\n{Title}\n١٤ مارس ٢٠٢٢\n{FirstParagraph}");

        Assert.Equal("https://example.org/ar/news/1234", page.Url);
        Assert.Equal(FirstParagraph, page.Body);
    }

    [Fact]
    public void A_byline_with_a_date_dates_the_page_and_leaves_the_body()
    {
        var page = TextPageReader.Read($"Рус Eng\n{Title}\nكتب: محمد علي | 14 مارس 2022 - 10:45 ص\n{FirstParagraph}\n{LastParagraph}");

        Assert.Equal((Title, (DateOnly?)Date), (page.Title, page.Date));
        Assert.Equal($"{FirstParagraph}\n{LastParagraph}", page.Body);
    }

    [Fact]
    public void A_byline_without_a_date_is_neither_headline_nor_text()
    {
        var page = TextPageReader.Read($"بقلم: محمد علي\n{Title}\nكتب: سارة أحمد\n{FirstParagraph}\n{LastParagraph}");

        Assert.Equal(Title, page.Title);
        Assert.Equal($"{FirstParagraph}\n{LastParagraph}", page.Body);
    }

    [Fact]
    public void Takes_a_labelled_address_line_as_the_pages_address()
    {
        var page = TextPageReader.Read($"{Title}\n{FirstParagraph}\n{LastParagraph}\nالمصدر: https://example.org/ar/news/77");

        Assert.Equal("https://example.org/ar/news/77", page.Url);
        Assert.EndsWith(LastParagraph, page.Body);
    }

    [Fact]
    public void Strips_a_source_label_and_keeps_a_last_sentence_in_the_body()
    {
        var labelled = TextPageReader.Read($"{Title}\n{FirstParagraph}\n{LastParagraph}\nالمصدر: وكالة الأنباء الإقليمية");
        var unsigned = TextPageReader.Read($"{Title}\n{FirstParagraph}\n{LastParagraph}");

        Assert.Equal("وكالة الأنباء الإقليمية", labelled.Source);
        Assert.Equal("", unsigned.Source);
        Assert.EndsWith(LastParagraph, unsigned.Body);
    }

    [Fact]
    public void A_page_that_starts_with_its_text_has_no_headline()
    {
        var page = TextPageReader.Read($"{FirstParagraph}\n{LastParagraph}");

        Assert.Equal("", page.Title);
        Assert.Equal($"{FirstParagraph}\n{LastParagraph}", page.Body);
        Assert.Equal(Date, page.Date);
    }
}
