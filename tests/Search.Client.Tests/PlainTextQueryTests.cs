namespace Search.Client.Tests;

public class PlainTextQueryTests
{
    [Theory]
    [InlineData("كيف تأسست الجامعة؟", "كيف تأسست الجامعة؟")]
    [InlineData("ما معنى \"الربيع العربي\"؟", "ما معنى الربيع العربي ؟")]
    [InlineData("«الربيع» و“الخريف”", "الربيع و الخريف")]
    [InlineData("-السيول +الأمطار", "السيول الأمطار")]
    [InlineData("--x ++y -", "x y")]
    [InlineData("الشاي OR القهوة AND الحليب || الماء && العصير", "الشاي القهوة الحليب الماء العصير")]
    [InlineData("or and Oregon ORACLE", "or and Oregon ORACLE")]   // only the operators as the service reads them
    [InlineData("  سطر\nآخر\tهنا ", "سطر آخر هنا")]
    [InlineData("co-op 2021-01-01", "co-op 2021-01-01")]
    [InlineData("", "")]
    [InlineData("\" - OR", "")]
    public void Leaves_only_plain_words(string text, string expected) => Assert.Equal(expected, PlainTextQuery.Escape(text));

    [Fact]
    public void Never_exceeds_the_query_length_limit_and_cuts_between_words()
    {
        var text = string.Join(' ', Enumerable.Repeat("كلمة", 400));
        var escaped = PlainTextQuery.Escape(text);
        Assert.True(escaped.Length <= PlainTextQuery.MaxLength);
        Assert.All(escaped.Split(' '), word => Assert.Equal("كلمة", word));
    }
}
