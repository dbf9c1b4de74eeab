using Search.Core.Quotes;

namespace Search.Core.Tests.Quotes;

/// <summary>The shapes of attribution issue 21 names, each in a sentence written for these tests.</summary>
public sealed class QuoteExtractorTests
{
    private static IReadOnlyList<Quote> Extract(string body) => QuoteExtractor.Default.Extract(body);

    private static Quote Single(string body) => Assert.Single(Extract(body));

    [Theory]
    [InlineData("وقال الوزير سامي عادل \"نحن ماضون في الإصلاح حتى النهاية\".")]
    [InlineData("وقال الوزير سامي عادل «نحن ماضون في الإصلاح حتى النهاية».")]
    [InlineData("وقال الوزير سامي عادل “نحن ماضون في الإصلاح حتى النهاية”.")]
    [InlineData("وقال الوزير سامي عادل ”نحن ماضون في الإصلاح حتى النهاية“.")]
    public void Text_in_every_kind_of_quotation_marks_is_the_quotation(string body)
    {
        var quote = Single(body);
        Assert.Equal("نحن ماضون في الإصلاح حتى النهاية", quote.Text);
        Assert.Equal("سامي عادل", quote.Speaker);
        Assert.Equal("الوزير", quote.Role);
    }

    [Theory]
    [InlineData("قال سامي عادل إن الحكومة ستخفض الضرائب العام المقبل.")]
    [InlineData("وأكد سامي عادل أن الحكومة ستخفض الضرائب العام المقبل.")]
    [InlineData("وأوضح سامي عادل في بيان أمس الاثنين أن الحكومة ستخفض الضرائب العام المقبل.")]
    [InlineData("وأشار سامي عادل إلى أن الحكومة ستخفض الضرائب العام المقبل.")]
    [InlineData("وصرح سامي عادل بأن الحكومة ستخفض الضرائب العام المقبل.")]
    [InlineData("ويقول سامي عادل إن الحكومة ستخفض الضرائب العام المقبل.")]
    [InlineData("وقال سامي عادل لـ«الأنباء» إن الحكومة ستخفض الضرائب العام المقبل.")]
    public void Reported_speech_after_a_verb_of_saying_runs_to_the_end_of_the_sentence(string body)
    {
        var quote = Single(body);
        Assert.Equal("الحكومة ستخفض الضرائب العام المقبل", quote.Text);
        Assert.Equal("سامي عادل", quote.Speaker);
        Assert.Equal(body[quote.Start..quote.End], quote.Text);
    }

    [Fact]
    public void A_feminine_verb_and_a_speaker_after_the_quotation_are_read()
    {
        var quote = Single("«لن نتراجع عن قرارنا»، قالت الوزيرة ليلى حسن في المؤتمر.");
        Assert.Equal("لن نتراجع عن قرارنا", quote.Text);
        Assert.Equal("ليلى حسن", quote.Speaker);
        Assert.Equal("الوزيرة", quote.Role);
    }

    [Fact]
    public void A_role_before_the_name_is_kept_apart_from_the_name()
    {
        var quote = Single("وقال المتحدث الصحفي باسم الرئاسة الروسية، دميتري بيسكوف، إن موسكو لم تتلق أي طلب بهذا الشأن.");
        Assert.Equal("دميتري بيسكوف", quote.Speaker);
        Assert.Equal("المتحدث الصحفي باسم الرئاسة الروسية", quote.Role);
        Assert.Equal("موسكو لم تتلق أي طلب بهذا الشأن", quote.Text);
    }

    [Fact]
    public void A_role_after_the_name_is_kept_apart_from_the_name()
    {
        var quote = Single("وقال خالد منصور رئيس هيئة الموانئ إن الرصيف الجديد سيفتتح في مارس.");
        Assert.Equal("خالد منصور", quote.Speaker);
        Assert.Equal("رئيس هيئة الموانئ", quote.Role);
    }

    [Fact]
    public void A_follow_on_quotation_goes_to_the_last_named_speaker_of_its_gender()
    {
        var quotes = Extract("""
            وقال وزير الخارجية عمر صالح إن المحادثات كانت مثمرة.
            وقالت المفوضة ليلى حسن إن الاتحاد يرحب بالاتفاق.
            وأضاف أن الجولة المقبلة ستعقد في الشهر القادم.
            وتابعت: «سنتابع التنفيذ خطوة بخطوة».
            """);
        Assert.Equal(["عمر صالح", "ليلى حسن", "عمر صالح", "ليلى حسن"], quotes.Select(q => q.Speaker));
    }

    [Theory]
    [InlineData("وقال مصدر مطلع إن الاجتماع أرجئ إلى الأسبوع المقبل.")]
    [InlineData("وقال مسؤولون في الوزارة إن الاجتماع أرجئ إلى الأسبوع المقبل.")]
    [InlineData("وقال متحدث باسم الحكومة إن الاجتماع أرجئ إلى الأسبوع المقبل.")]
    [InlineData("وذكرت مصادر إعلامية أن الاجتماع أرجئ إلى الأسبوع المقبل.")]
    public void An_anonymous_source_stays_unknown(string body)
    {
        var quote = Single(body);
        Assert.Null(quote.Speaker);
        Assert.Null(quote.SpeakerKey);
        Assert.Equal("الاجتماع أرجئ إلى الأسبوع المقبل", quote.Text);
    }

    [Fact]
    public void A_follow_on_after_an_anonymous_source_stays_unknown_rather_than_going_to_an_earlier_speaker()
    {
        var quotes = Extract("قال الوزير عمر صالح إن الميزانية جاهزة. وقال مصدر في الوزارة إن التصويت تأجل. وأضاف أن الموعد لم يحدد.");
        Assert.Equal(["عمر صالح", null, null], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void An_organisation_is_a_speaker_and_its_bare_noun_points_back_to_it()
    {
        var quotes = Extract("وقالت وزارة الخارجية الروسية في بيان إن السفير استدعي للتشاور. وأضافت الوزارة أن الرد سيكون مناسبا.");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("وزارة الخارجية الروسية", q.Speaker));
    }

    [Fact]
    public void A_bare_noun_with_no_one_named_before_stays_unknown()
    {
        Assert.Null(Single("وقالت الوزارة إن الرد سيكون مناسبا.").Speaker);
    }

    [Theory]
    [InlineData("ارتفعت الأسعار بنسبة خمسة في المئة، بحسب وزارة الاقتصاد.", "وزارة الاقتصاد")]
    [InlineData("وبحسب وزارة الاقتصاد، ارتفعت الأسعار بنسبة خمسة في المئة.", "وزارة الاقتصاد")]
    [InlineData("ارتفعت الأسعار بنسبة خمسة في المئة، وفقا لما قاله الوزير سامي عادل.", "سامي عادل")]
    [InlineData("ارتفعت الأسعار بنسبة خمسة في المئة، نقلا عن وزارة الاقتصاد.", "وزارة الاقتصاد")]
    [InlineData("ارتفعت الأسعار بنسبة خمسة في المئة، على لسان الوزير سامي عادل.", "سامي عادل")]
    public void A_source_word_attributes_the_statement(string body, string speaker)
    {
        var quote = Single(body);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal("ارتفعت الأسعار بنسبة خمسة في المئة", quote.Text);
    }

    [Fact]
    public void A_source_word_before_a_thing_is_no_attribution()
    {
        Assert.Empty(Extract("وتسير الأعمال وفق خطة وضعت العام الماضي، بحسب الجدول."));
    }

    [Fact]
    public void Short_marked_names_and_titles_are_not_quotations()
    {
        Assert.Empty(Extract("افتتحت صحيفة «الأنباء» معرضا بعنوان \"الصحافة في مئة عام من التاريخ والتحولات\" في مقرها."));
    }

    [Fact]
    public void The_names_of_one_speaker_are_one_speaker()
    {
        var quotes = Extract("""
            وقال الرئيس الروسي فلاديمير بوتين إن بلاده لا تريد التصعيد.
            وأضاف الرئيس بوتين: «نحن منفتحون على الحوار».
            وقال بوتين في ختام كلمته إن العمل مستمر.
            """);
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("فلاديمير بوتين", q.Speaker));
        Assert.Single(quotes.Select(q => q.SpeakerKey).Distinct());
    }

    [Fact]
    public void A_surname_is_completed_from_where_the_body_names_the_person()
    {
        var quotes = Extract("التقى وزير الخارجية عادل الجبير نظيره الفرنسي أمس.\nوقال الجبير إن العلاقات بين البلدين متينة.");
        Assert.Equal("عادل الجبير", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_fathers_name_is_not_the_son()
    {
        var quotes = Extract("قال ولي العهد الأمير محمد بن سلمان إن الرؤية تمضي قدما. وقال الملك سلمان في كلمته إن المملكة ماضية في البناء.");
        Assert.Equal(["محمد بن سلمان", "سلمان"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void A_title_without_a_name_is_the_person_who_bore_it_in_the_document()
    {
        var quotes = Extract("وقال وزير الخارجية الأمريكي مايك بومبيو إن العقوبات ستستمر. وأكد وزير الخارجية الأمريكي أن الحوار ممكن.");
        Assert.All(quotes, q => Assert.Equal("مايك بومبيو", q.Speaker));
    }

    [Fact]
    public void A_speaker_named_before_the_verb_is_read()
    {
        Assert.Equal("سامي عادل", Single("سامي عادل قال إن الحكومة ستخفض الضرائب.").Speaker);
    }

    [Fact]
    public void A_colon_after_the_speaker_opens_the_next_paragraph()
    {
        var quote = Single("وقال رئيس الجمعية ماجد سالم:\nنتوقع موسما ممطرا هذا العام في أغلب المناطق.");
        Assert.Equal("ماجد سالم", quote.Speaker);
        Assert.Equal("نتوقع موسما ممطرا هذا العام في أغلب المناطق.", quote.Text);
    }

    [Fact]
    public void A_participle_adds_a_quotation_of_the_same_speaker()
    {
        var quotes = Extract("وقال الوزير سامي عادل إن الميزانية جاهزة، مضيفا أن التصويت سيجري الأسبوع المقبل.");
        Assert.Equal(["الميزانية جاهزة", "التصويت سيجري الأسبوع المقبل"], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("سامي عادل", q.Speaker));
    }

    [Fact]
    public void A_first_name_is_completed_from_where_the_person_is_introduced_behind_a_preposition()
    {
        var quotes = Extract("والتقت الصحيفة بسامر قنديل أحد تجار السوق القديم. يقول سامر: الأسعار ارتفعت كثيرا هذا الموسم. ويضيف قنديل: الطلب ما زال كبيرا.");
        Assert.Equal(["الأسعار ارتفعت كثيرا هذا الموسم", "الطلب ما زال كبيرا"], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("سامر قنديل", q.Speaker));
    }

    [Fact]
    public void A_first_name_introduced_with_two_different_surnames_stays_as_written()
    {
        var quotes = Extract("التقينا في السوق بسامر قنديل، أحد التجار، ثم بسامر حداد، أحد الزبائن. يقول سامر: الأسعار ارتفعت كثيرا هذا الموسم.");
        Assert.Equal("سامر", Assert.Single(quotes).Speaker);
    }

    [Theory]
    [InlineData("وأضاف في تصريح أن الأسطول لم يعد كافيا.")]
    [InlineData("وأضاف في بيان أن الأسطول لم يعد كافيا.")]
    [InlineData("وأضاف في تصريح للإذاعة أن الأسطول لم يعد كافيا.")]
    public void A_statement_named_as_the_occasion_of_a_follow_on_is_not_its_speaker(string followOn)
    {
        var quotes = Extract("قال وزير النقل سامي عادل إن الشركة ستشتري حافلات جديدة.\n" + followOn);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("الأسطول لم يعد كافيا", quotes[1].Text);
        Assert.All(quotes, q => Assert.Equal("سامي عادل", q.Speaker));
    }

    [Fact]
    public void A_verb_in_the_first_person_plural_is_not_read_as_a_name()
    {
        var quotes = Extract("قال وزير النقل سامي عادل إن الشركة ستشتري حافلات جديدة.\nوقال في تصريح للإذاعة، عملنا مع عشرين شركة لإعداد \"خطة جديدة للنقل في المدن الكبرى\".\nوأضاف \"إن الخطة ستنفذ على مراحل خلال السنوات المقبلة\".");
        Assert.DoesNotContain(quotes, q => q.Speaker is { } s && s.StartsWith("عملنا", StringComparison.Ordinal));
        Assert.Equal("سامي عادل", quotes[^1].Speaker);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("\"\"\"«»«")]
    [InlineData("قال")]
    [InlineData("قال إن")]
    [InlineData("بحسب")]
    [InlineData("وقال: \"")]
    public void Bad_or_empty_input_gives_no_quotation_and_never_throws(string? body)
    {
        Assert.Empty(QuoteExtractor.Default.Extract(body));
    }

    [Fact]
    public void Offsets_always_point_at_the_quoted_words_in_the_body()
    {
        var body = string.Concat(Enumerable.Repeat("وقال سامي عادل: «نعم». وأضاف أن \"الأمر محسوم\"، بحسب مصادر. ", 50));
        var quotes = Extract(body);
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal(body[q.Start..q.End], q.Text));
    }
}
