using Search.Core.Languages;

namespace Search.Core.Tests.Languages;

public class LanguageDetectorTests
{
    /// <summary>Every sample of the four analysed languages, and the one-line and long ones of the others (a title alone of those may pass for English or French).</summary>
    public static TheoryData<LanguageSamples.Sample> Samples()
    {
        var data = new TheoryData<LanguageSamples.Sample>();
        foreach (var sample in LanguageSamples.All.Where(s => LanguageSamples.Analysed.Contains(s.Lang) || s.Kind is "line" or "long"))
            data.Add(sample);
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detects_the_language_of_each_sample(LanguageSamples.Sample sample) =>
        Assert.Equal(sample.Lang, LanguageDetector.Detect(null, sample.Text));

    [Fact]
    public void Covers_short_line_long_and_mixed_texts_of_each_analysed_language()
    {
        foreach (var lang in LanguageSamples.Analysed)
            foreach (var kind in (string[])["short", "line", "long", "mixed"])
                Assert.Contains(LanguageSamples.All, s => s.Lang == lang && s.Kind == kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2021-07-27 ١٢٣ — 42%")]
    [InlineData("https://www.example.org/en/news/statement-on-the-talks")]
    public void Text_without_words_is_arabic(string text) => Assert.Equal("ar", LanguageDetector.Detect(text, null));

    [Fact]
    public void Reads_title_and_body_together()
    {
        Assert.Equal("ar", LanguageDetector.Detect("Press Release", "أعربت الوزارة عن قلقها إزاء تصاعد العنف في المنطقة ودعت إلى ضبط النفس."));
        Assert.Equal("en", LanguageDetector.Detect("بيان", "The Ministry expressed its concern over the escalation of violence in the region."));
        Assert.Equal("ru", LanguageDetector.Detect(null, "Заявление МИД России"));
    }

    [Theory]
    [InlineData("Foreign Minister meets UN envoy", "en")]
    [InlineData("LA delegation meets EU officials", "en")]
    [InlineData("COMMUNIQUÉ DE PRESSE", "fr")]
    [InlineData("JOINT STATEMENT", "en")]
    [InlineData("DÉCLARATION DU MINISTÈRE", "fr")]
    public void Words_in_capitals_are_acronyms_unless_the_whole_title_is_in_capitals(string title, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(title, null));

    [Fact]
    public void Arabic_typed_with_persian_yeh_and_keheh_stays_arabic()
    {
        var arabic = "أعربت وزارة الخارجية عن قلقها العميق إزاء تصاعد العنف في المنطقة، ودعت الأطراف إلى ضبط النفس.";
        var persianKeyboard = arabic.Replace('ي', 'ی').Replace('ك', 'ک').Replace('ى', 'ی');

        Assert.Equal("ar", LanguageDetector.Detect(null, persianKeyboard));
    }

    [Fact]
    public void Reads_no_more_than_its_limit_of_a_long_body()
    {
        var body = string.Concat(Enumerable.Repeat("أعربت الوزارة عن قلقها إزاء تصاعد العنف. ", LanguageDetector.MaxChars / 20))
            + string.Concat(Enumerable.Repeat("The Ministry expressed its deep concern. ", LanguageDetector.MaxChars));

        Assert.Equal("ar", LanguageDetector.Detect(null, body));
    }
}
