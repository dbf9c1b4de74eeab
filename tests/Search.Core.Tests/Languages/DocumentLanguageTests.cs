using Search.Core.Languages;

namespace Search.Core.Tests.Languages;

public class DocumentLanguageTests
{
    private const string Arabic = "أعربت وزارة الخارجية عن قلقها العميق إزاء تصاعد العنف.";
    private const string English = "The Ministry of Foreign Affairs expressed its deep concern over the escalation of violence.";

    [Theory]
    [InlineData("en-GB", Arabic, "en")]
    [InlineData("RU", Arabic, "ru")]
    [InlineData("fre", Arabic, "fr")]
    [InlineData(null, Arabic, "ar")]
    [InlineData("", English, "en")]
    [InlineData("the language of the ministry", English, "en")]
    public void A_documents_lang_is_kept_and_a_missing_one_detected(string? lang, string body, string expected) =>
        Assert.Equal(expected, DocumentLanguage.ForDocument(lang, "", body));

    [Theory]
    [InlineData("en", Arabic, "ar")]
    [InlineData("ar", English, "en")]
    [InlineData("fr", English, "fr")]
    [InlineData("ar-SA", Arabic, "ar")]
    [InlineData("he", "הודעה לעיתונות של משרד החוץ", "he")]
    [InlineData("he", Arabic, "ar")]
    [InlineData(null, English, "en")]
    public void A_pages_declared_language_is_taken_only_when_the_text_is_written_in_its_script(string? declared, string body, string expected) =>
        Assert.Equal(expected, DocumentLanguage.ForPage(declared, "", body));
}
