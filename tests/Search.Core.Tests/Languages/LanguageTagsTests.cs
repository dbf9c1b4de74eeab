using Search.Core.Languages;

namespace Search.Core.Tests.Languages;

public class LanguageTagsTests
{
    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("AR", "ar")]
    [InlineData("en-US", "en")]
    [InlineData("ru_RU", "ru")]
    [InlineData(" fr-CA ", "fr")]
    [InlineData("zh-Hans-CN", "zh")]
    [InlineData("ara", "ar")]
    [InlineData("fre", "fr")]
    [InlineData("English", "en")]
    [InlineData("Русский", "ru")]
    [InlineData("x-default", null)]
    [InlineData("*", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("english language", null)]
    [InlineData("xyz", null)]
    public void Normalizes_tags_locales_and_names(string? tag, string? expected) => Assert.Equal(expected, LanguageTags.Normalize(tag));

    [Theory]
    [InlineData("English", "en")]
    [InlineData("EN", "en")]
    [InlineData("En", "en")]
    [InlineData("Ru", "ru")]
    [InlineData("Русский", "ru")]
    [InlineData("РУС", "ru")]
    [InlineData("Français", "fr")]
    [InlineData("FR", "fr")]
    [InlineData("العربية", "ar")]
    [InlineData("عربي", "ar")]
    [InlineData("Español", "es")]
    [InlineData("Home", null)]
    [InlineData("Read more", null)]
    [InlineData("UN", null)]
    [InlineData("", null)]
    public void Reads_the_labels_of_a_language_switch(string label, string? expected) => Assert.Equal(expected, LanguageTags.FromLabel(label));
}
