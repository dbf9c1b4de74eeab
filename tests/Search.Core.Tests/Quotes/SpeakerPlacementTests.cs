using Search.Core.Quotes;

namespace Search.Core.Tests.Quotes;

/// <summary>Speakers named away from the verb: inside a statement, before a colon, once in passing, behind a preposition; each in sentences written for these tests.</summary>
public sealed class SpeakerPlacementTests
{
    private static IReadOnlyList<Quote> Extract(string body) => QuoteExtractor.Default.Extract(body);

    [Fact]
    public void A_report_of_an_organisation_is_the_organisation_speaking()
    {
        var quote = Assert.Single(Extract("ويقول تقرير الأمم المتحدة إن الهجمات تراجعت هذا العام."));
        Assert.Equal("الأمم المتحدة", quote.Speaker);
        Assert.Equal("الهجمات تراجعت هذا العام", quote.Text);
    }

    [Fact]
    public void A_title_and_name_just_before_a_colon_speak_inside_a_longer_sentence()
    {
        var quote = Assert.Single(Extract("وختم الكاتب حديثه بعبارة للشاعر سامي الناصر: «الكلمة الطيبة تبني ما تهدمه الحروب»."));
        Assert.Equal("سامي الناصر", quote.Speaker);
        Assert.Equal("الشاعر", quote.Role);
    }

    [Fact]
    public void A_bare_organisation_noun_finds_the_organisation_named_in_passing()
    {
        var quote = Extract("تعرضت المنطقة لهزة أرضية قوية وفق تقديرات هيئة الرصد الجوي الوطنية.\nوقالت الهيئة إن الهزة لم تسبب أضرارا.")[^1];
        Assert.Equal("هيئة الرصد الجوي الوطنية", quote.Speaker);
        Assert.Equal("الهزة لم تسبب أضرارا", quote.Text);
    }

    [Fact]
    public void A_source_behind_a_preposition_is_named_without_it()
    {
        var quote = Assert.Single(Extract("ووفقا لموقع الاتحاد الرسمي، فإن المباراة ستقام في موعدها."));
        Assert.Equal("موقع الاتحاد الرسمي", quote.Speaker);
    }

    [Fact]
    public void A_speaker_found_by_a_participle_or_a_source_verb_is_the_one_who_goes_on()
    {
        var quotes = Extract("قالت الحكومة إنها سترسل مساعدات إلى المخيمات. ورفضت الوزيرة ليلى حسن تحديد موعد، مشيرة إلى أن الأمر يعود للأمم المتحدة. "
                             + "لكن \"الظروف لا تسمح\" بحسب ما أضافت الوزيرة في مؤتمر صحافي. وأشارت إلى أن \"الوضع صعب جدا في المخيمات الحدودية\".");
        Assert.Equal("الحكومة", quotes[0].Speaker);
        Assert.All(quotes.Skip(1), quote => Assert.Equal("ليلى حسن", quote.Speaker));
        Assert.Equal(4, quotes.Count);
    }

    [Fact]
    public void Marked_words_closing_the_sentence_after_a_long_aside_are_the_speakers()
    {
        var quote = Assert.Single(Extract("وقال عادل سامي في مؤتمر صحافي عقده في المدينة حيث يقوم الفريق بجولة \"نحن سعداء جدا بهذه النتيجة الكبيرة\"."));
        Assert.Equal("عادل سامي", quote.Speaker);
        Assert.Equal("نحن سعداء جدا بهذه النتيجة الكبيرة", quote.Text);
    }

    [Fact]
    public void The_occasion_ends_a_name_and_a_courtesy_title_with_a_pronoun_is_the_latest_speaker()
    {
        var quotes = Extract("وقال الأمير خالد سالم بمؤتمر صحافي إن العمل مستمر. وأكد سموه أن المشاريع ستنجز قريبا.");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, quote => Assert.Equal("خالد سالم", quote.Speaker));
        Assert.Equal("المشاريع ستنجز قريبا", quotes[1].Text);
    }

    [Theory]
    [InlineData("وذكرت سلمى ناصر مديرة إدارة التوعية ب\"تعليم المدينة\" أن البرنامج بدأ الأسبوع الماضي.", "سلمى ناصر")]
    [InlineData("وأكد سامي ناصر المكلف بالإعلام بإقليم الحرس الوطني بصفاقس، لمراسلنا، أن البرنامج بدأ الأسبوع الماضي.", "سامي ناصر")]
    [InlineData("وقال نائب رئيس الدولة رئيس مجلس الوزراء، الشيخ خالد سالم، إن البرنامج بدأ الأسبوع الماضي.", "خالد سالم")]
    public void Long_titles_run_to_the_words_said(string body, string speaker)
    {
        var quote = Assert.Single(Extract(body));
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal("البرنامج بدأ الأسبوع الماضي", quote.Text);
    }
}
