using Search.Core.Analysis;
using Search.Core.Text;

namespace Search.Core.Tests.Text;

public class ArabicDigitsTests
{
    [Theory]
    [InlineData("٢٠٢١", "2021")]        // Arabic-Indic
    [InlineData("۲۰۲۱", "2021")]        // Eastern Arabic-Indic (Persian, Urdu)
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("عام ٢٠٢١م", "عام 2021م")]
    [InlineData("2021", "2021")]
    public void Folds_every_digit_to_ASCII(string text, string expected) =>
        Assert.Equal(expected, ArabicDigits.Fold(text));

    [Fact]
    public void Leaves_other_characters_alone()
    {
        Assert.Equal('ا', ArabicDigits.Fold('ا'));
        Assert.Equal('٫', ArabicDigits.Fold('٫'));   // Arabic decimal separator is not a digit
    }
}
