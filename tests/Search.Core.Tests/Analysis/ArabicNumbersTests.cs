using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

public class ArabicNumbersTests
{
    [Theory]
    [InlineData("1911م", "1911")]            // the Gregorian mark
    [InlineData("1442ه", "1442")]            // the Hijri mark, its tatweel gone with normalisation
    [InlineData("و2018", "2018")]            // a conjunction, a preposition, the article, and both
    [InlineData("ب2018", "2018")]
    [InlineData("ال15", "15")]
    [InlineData("بال20", "20")]
    [InlineData("و1911م", "1911")]
    public void Reads_the_number_of_a_word_with_clitics_or_a_calendar_mark(string word, string number)
    {
        var found = ArabicNumbers.Number(word);

        Assert.NotNull(found);
        Assert.Equal(number, word.Substring(found.Value.Start, found.Value.Length));
    }

    [Theory]
    [InlineData("2021")]                     // a number alone is already itself
    [InlineData("كم2")]                      // letters that are no clitic
    [InlineData("2021مم")]                   // a unit, not a calendar mark
    [InlineData("20ب21")]
    [InlineData("وزير")]
    public void Leaves_other_words_alone(string word) => Assert.Null(ArabicNumbers.Number(word));
}
