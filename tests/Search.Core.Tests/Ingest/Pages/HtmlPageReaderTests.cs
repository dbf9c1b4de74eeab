using Search.Core.Ingest.Pages;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest.Pages;

public class HtmlPageReaderTests
{
    private static readonly string[] Paragraphs =
    [
        HtmlFirstParagraph,
        "وقال الوزير في كلمته إن المعرض أصبح موعدا سنويا ينتظره القراء والناشرون.",
        HtmlSubHeading,
        "ويتضمن البرنامج ندوات فكرية وأمسيات شعرية وورشا للأطفال.",
        HtmlLastParagraph,
    ];

    private static readonly string[] Furniture =
        ["الرئيسية", "English", "فيسبوك", "نسخ الرابط", "إعلان", "الوسوم", "ذات صلة", "مهرجان المسرح", "تعليق", "©", "من نحن", "analytics", "font-family"];

    private static void AssertArticleText(PageContent page)
    {
        Assert.Equal(Paragraphs, page.Body.Split('\n'));
        foreach (var furniture in Furniture)
            Assert.False(page.Body.Contains(furniture), $"'{furniture}' in the body:\n{page.Body}");
    }

    [Fact]
    public void Reads_the_articles_h1_and_time_and_leaves_out_the_page_around_it()
    {
        var page = HtmlPageReader.Read(Html(articleHeader: $"""<h1>{HtmlTitle}</h1><time datetime="2022-03-14T09:30:00+03:00">١٤ مارس ٢٠٢٢</time>"""));

        Assert.Equal(HtmlTitle, page.Title);
        Assert.Equal(new DateOnly(2022, 3, 14), page.Date);
        Assert.Equal("وكالة الأنباء الثقافية", page.Source);
        Assert.Equal("ar", page.Lang);
        AssertArticleText(page);
    }

    [Fact]
    public void Reads_og_title_published_time_site_name_and_canonical_link()
    {
        var page = HtmlPageReader.Read(Html(head: $"""
            <meta property="og:title" content="{HtmlTitle} - الثقافية">
            <meta property="og:site_name" content="الثقافية">
            <meta property="article:published_time" content="2022-03-15T22:10:00Z">
            <link rel="canonical" href="https://example.org/culture/book-fair-25">
            """));

        Assert.Equal(HtmlTitle, page.Title);
        Assert.Equal(new DateOnly(2022, 3, 15), page.Date);
        Assert.Equal("الثقافية", page.Source);
        Assert.Equal("https://example.org/culture/book-fair-25", page.Url);
        AssertArticleText(page);
    }

    [Fact]
    public void Takes_the_title_element_without_its_site_suffix_when_nothing_else_names_the_page()
    {
        var page = HtmlPageReader.Read(Html());

        Assert.Equal(HtmlTitle, page.Title);
        Assert.Equal("وكالة الأنباء الثقافية", page.Source);
        Assert.Null(page.Date);
    }

    [Fact]
    public void Reads_date_headline_and_publisher_from_json_ld()
    {
        var page = HtmlPageReader.Read(Html(head: $$$"""
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "موقع"},
             {"@type": "NewsArticle", "headline": "{{{HtmlTitle}}}", "datePublished": "2022-03-16T08:00:00+03:00",
              "publisher": {"@type": "Organization", "name": "دار الثقافة للنشر"}}]}
            </script>
            """));

        Assert.Equal(new DateOnly(2022, 3, 16), page.Date);
        Assert.Equal("دار الثقافة للنشر", page.Source);
        Assert.Equal(HtmlTitle, page.Title);
    }

    [Theory]
    [InlineData("""<div class="post-date">الأربعاء ١٦ مارس/ آذار ٢٠٢٢</div>""")]
    [InlineData("""<span id="publishDate">نشر بتاريخ: 16/03/2022</span>""")]
    [InlineData("""<p>١٦ مارس ٢٠٢٢</p>""")]
    [InlineData("""<time>١٦ مارس ٢٠٢٢</time>""")]
    public void Reads_an_arabic_date_written_in_the_page(string dateElement)
    {
        var page = HtmlPageReader.Read(Html(articleHeader: $"<h1>{HtmlTitle}</h1>{dateElement}"));

        Assert.Equal(new DateOnly(2022, 3, 16), page.Date);
        AssertArticleText(page);
    }

    [Fact]
    public void A_headline_broken_over_lines_reads_as_one_line_and_leaves_the_body()
    {
        var page = HtmlPageReader.Read(Html(articleHeader: "<h1><a href=\"/a/1\">افتتاح المعرض</a><br>بمشاركة أربعين دولة</h1>"));

        Assert.Equal("افتتاح المعرض بمشاركة أربعين دولة", page.Title);
        AssertArticleText(page);
    }

    [Fact]
    public void Prefers_the_headline_of_the_article_to_the_logo_heading_of_the_site()
    {
        var page = HtmlPageReader.Read(Html(articleHeader: "<h1>عنوان المقال داخل العنصر</h1>"));

        Assert.Equal("عنوان المقال داخل العنصر", page.Title);
    }

    [Fact]
    public void Finds_the_article_in_a_page_without_article_or_main_elements()
    {
        const string html = """
            <html><head><title>بيان الوزارة</title></head><body>
            <div id="top"><a href="/">الرئيسية</a> | <a href="/ar">عربي</a></div>
            <div class="wrapper">
              <div class="col-right">
                <h1>الوزارة تعلن مواعيد التسجيل في البرنامج الوطني للتدريب</h1>
                <div class="meta">الخميس، ٣ فبراير ٢٠٢٢</div>
                <div class="entry">
                  <p>أعلنت الوزارة اليوم فتح باب التسجيل في البرنامج الوطني للتدريب المهني للشباب.</p>
                  <p>ويستمر التسجيل ثلاثة أسابيع عبر المنصة الإلكترونية للوزارة.</p>
                </div>
              </div>
              <div class="col-left"><ul><li><a href="/a">خبر آخر عن الطقس</a></li><li><a href="/b">خبر عن الرياضة</a></li></ul></div>
            </div>
            <div id="bottom">جميع الحقوق محفوظة للوزارة ٢٠٢٢</div>
            </body></html>
            """;

        var page = HtmlPageReader.Read(html);

        Assert.Equal("الوزارة تعلن مواعيد التسجيل في البرنامج الوطني للتدريب", page.Title);
        Assert.Equal(new DateOnly(2022, 2, 3), page.Date);
        Assert.Equal("أعلنت الوزارة اليوم فتح باب التسجيل في البرنامج الوطني للتدريب المهني للشباب.\nويستمر التسجيل ثلاثة أسابيع عبر المنصة الإلكترونية للوزارة.", page.Body);
    }

    [Fact]
    public void Reads_text_set_apart_by_line_breaks_in_a_layout_table_and_a_form_around_the_whole_page()
    {
        const string html = """
            <html><body><form id="form1" method="post">
            <table><tr><td class="menu"><a href="/">الرئيسية</a><br><a href="/news">الأخبار</a></td>
            <td class="content"><b>وزير الصحة يتفقد المستشفيات الميدانية في المحافظات الشمالية</b><br>
            أكد وزير الصحة خلال جولته اليوم الأحد ٦ مارس ٢٠٢٢ جاهزية المستشفيات الميدانية لاستقبال المرضى.<br>
            وأوضح أن الوزارة زودت المستشفيات بالأجهزة والكوادر اللازمة.<br>
            </td></tr></table>
            <input type="submit" value="بحث"></form></body></html>
            """;

        var page = HtmlPageReader.Read(html);

        Assert.Equal(new DateOnly(2022, 3, 6), page.Date);
        Assert.Contains("وأوضح أن الوزارة زودت المستشفيات بالأجهزة والكوادر اللازمة.", page.Body);
        Assert.DoesNotContain("الرئيسية", page.Body);
    }

    [Fact]
    public void A_site_name_before_the_headline_in_the_title_element_is_removed()
    {
        var page = HtmlPageReader.Read($"""
            <html><head><title>الثقافية - {HtmlTitle}</title><meta property="og:site_name" content="الثقافية"></head>
            <body><p>{HtmlFirstParagraph}</p><p>{HtmlLastParagraph}</p></body></html>
            """);

        Assert.Equal(HtmlTitle, page.Title);
        Assert.Equal($"{HtmlFirstParagraph}\n{HtmlLastParagraph}", page.Body);
    }

    [Fact]
    public void Takes_the_articles_first_line_as_headline_when_the_title_element_is_the_sites_name()
    {
        var page = HtmlPageReader.Read($"""
            <html><head><title>وزارة الزراعة</title></head><body><table><tr>
            <td class="menu"><a href="/">الصفحة الرئيسية</a><br><a href="/news">الأخبار</a></td>
            <td><b>وزير الزراعة يفتتح موسم حصاد القمح في المحافظات الشمالية</b><br>التاريخ: 12/05/2010<br>
            {HtmlFirstParagraph}<br>{HtmlLastParagraph}</td></tr></table></body></html>
            """);

        Assert.Equal("وزير الزراعة يفتتح موسم حصاد القمح في المحافظات الشمالية", page.Title);
        Assert.Equal(new DateOnly(2010, 5, 12), page.Date);
        Assert.Equal($"{HtmlFirstParagraph}\n{HtmlLastParagraph}", page.Body);
    }

    [Fact]
    public void Takes_the_date_of_the_byline_not_of_the_bar_above_the_headline_and_leaves_out_captions()
    {
        var page = HtmlPageReader.Read($"""
            <html><head><title>{HtmlTitle} | الأيام</title></head><body>
            <div class="top-bar"><span class="date">الأحد 1 أغسطس 2021</span></div>
            <div class="col-main"><h1>{HtmlTitle}</h1>
            <div class="article-info">كتب: محمد علي | 28 يوليو 2021 - 10:45 ص</div>
            <div class="article-image"><p class="caption">الوزير خلال الافتتاح</p></div>
            <div class="article-text"><div>{HtmlFirstParagraph}</div><div>{HtmlLastParagraph}</div></div></div>
            </body></html>
            """);

        Assert.Equal(new DateOnly(2021, 7, 28), page.Date);
        Assert.Equal($"{HtmlFirstParagraph}\n{HtmlLastParagraph}", page.Body);
    }

    [Fact]
    public void Reads_a_date_written_month_first_as_arabic_wordpress_prints_it()
    {
        var page = HtmlPageReader.Read(Html(articleHeader: $"<h1>{HtmlTitle}</h1><span class=\"posted-on\">نشر في يوليو 27، 2021 بواسطة المحرر</span>"));

        Assert.Equal(new DateOnly(2021, 7, 27), page.Date);
        AssertArticleText(page);
    }

    [Fact]
    public void Keeps_the_article_inside_a_print_area_that_looks_like_chrome_by_its_class()
    {
        var page = HtmlPageReader.Read($"""
            <html><body><nav><a href="/">الرئيسية</a></nav>
            <div class="print-area"><h1>{HtmlTitle}</h1><p>{HtmlFirstParagraph}</p><p>{HtmlLastParagraph}</p></div>
            <div class="share"><a href="#">تويتر</a></div></body></html>
            """);

        Assert.Equal(HtmlTitle, page.Title);
        Assert.Equal($"{HtmlFirstParagraph}\n{HtmlLastParagraph}", page.Body);
    }

    [Theory]
    [InlineData("<h2>الوزارة تدين الهجوم</h2><p>الثلاثاء 27 يوليو 2021</p>")]
    [InlineData("<table><tr><td><font size=4><b>الوزارة تدين الهجوم</b></font><br><font size=2>الثلاثاء 27 يوليو 2021</font><br></td></tr></table>")]
    public void A_date_line_just_above_an_article_that_is_one_paragraph_dates_the_page(string above)
    {
        var page = HtmlPageReader.Read($"""
            <html><head><meta charset="utf-8"><title>وزارة الخارجية - بيان صحفي</title></head><body>
            <div><a href="/">الرئيسية</a> | <a href="/news">الأخبار</a> | <a href="/contact">اتصل بنا</a></div>
            <div>{above}<p>أدانت وزارة الخارجية بشدة الهجوم الذي استهدف مقر البعثة الدبلوماسية صباح اليوم، وأكدت أن هذا العمل يمثل انتهاكا صارخا للأعراف والمواثيق الدولية، وطالبت المجتمع الدولي بموقف حازم.</p></div>
            </body></html>
            """);

        Assert.Equal(new DateOnly(2021, 7, 27), page.Date);
        Assert.DoesNotContain("الرئيسية", page.Body);
    }
}
