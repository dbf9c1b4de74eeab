using Search.Core.Text.Dates;

namespace Search.Core.Tests.Text.Dates;

/// <summary>
/// The date reader on the dates of English, French and Russian statements, in pages and in
/// from/to alike (every month name in each digit set is covered by DateReaderTests).
/// </summary>
public class OtherLanguageDatesTests
{
    [Theory]
    // English
    [InlineData("27 July 2021")]
    [InlineData("July 27, 2021")]
    [InlineData("July 27th, 2021")]
    [InlineData("27th July 2021")]
    [InlineData("the 27th of July 2021")]
    [InlineData("Tuesday, 27 July 2021")]
    [InlineData("Tuesday, July 27, 2021")]
    [InlineData("Jul. 27, 2021")]
    [InlineData("Published on Tuesday 27 July 2021 at 10:30")]
    [InlineData("Updated: 27 Jul 2021 10:30 GMT")]
    // French
    [InlineData("27 juillet 2021")]
    [InlineData("27 Juillet 2021")]
    [InlineData("mardi 27 juillet 2021")]
    [InlineData("Mardi, le 27 juillet 2021")]
    [InlineData("le 27 juil. 2021")]
    [InlineData("Publié le 27 juillet 2021 à 10h30")]
    [InlineData("Publié le 27/07/2021 à 10 h 30")]
    // Russian
    [InlineData("27 июля 2021")]
    [InlineData("27 июля 2021 г.")]
    [InlineData("27 июля 2021 года")]
    [InlineData("27 Июля 2021 г")]
    [InlineData("вторник, 27 июля 2021 г.")]
    [InlineData("Вт, 27 июл. 2021")]
    [InlineData("Опубликовано 27 июля 2021 г. в 10:30")]
    [InlineData("27.07.2021 г.")]
    public void Reads_the_dates_of_each_language(string text)
    {
        Assert.True(DateReader.TryRead(text, out var date), $"'{text}' was not read");
        Assert.Equal(new DateOnly(2021, 7, 27), date);
    }

    [Theory]
    [InlineData("1er juillet 2021", 7, 1)]
    [InlineData("1 juillet 2021", 7, 1)]
    [InlineData("1st July 2021", 7, 1)]
    [InlineData("2nd February 2021", 2, 2)]
    [InlineData("3rd March 2021", 3, 3)]
    [InlineData("14 février 2021", 2, 14)]
    [InlineData("14 fevrier 2021", 2, 14)]
    [InlineData("15 août 2021", 8, 15)]
    [InlineData("15 aout 2021", 8, 15)]
    [InlineData("25 décembre 2021", 12, 25)]
    [InlineData("1 мая 2021 года", 5, 1)]
    [InlineData("8 марта 2021 г.", 3, 8)]
    [InlineData("31 декабря 2021", 12, 31)]
    public void Reads_first_days_accents_and_genitives(string text, int month, int day)
    {
        Assert.True(DateReader.TryRead(text, out var date), $"'{text}' was not read");
        Assert.Equal(new DateOnly(2021, month, day), date);
    }

    [Theory]
    [InlineData("Le ministre s'est rendu à Moscou le 27 juillet 2021 pour des entretiens.")]
    [InlineData("Министр посетил Москву 27 июля 2021 года для переговоров.")]
    [InlineData("The minister travelled to Moscow on July 27th, 2021 for talks.")]
    public void Finds_a_date_in_running_text(string text)
    {
        Assert.True(DateReader.TryFind(text, out var date));
        Assert.Equal(new DateOnly(2021, 7, 27), date);
    }

    [Theory]
    [InlineData("juillet 2021")]
    [InlineData("июль 2021")]
    [InlineData("July 2021")]
    [InlineData("27 juillet")]
    [InlineData("30 février 2021")]
    [InlineData("32 июля 2021")]
    [InlineData("27 июля 2021 г. и 28 июля 2021 г.")]
    [InlineData("Le ministre 27 juillet 2021")]
    [InlineData("27 июля 2021 هـ")]
    public void Does_not_read_what_is_not_one_full_date(string text) =>
        Assert.False(DateReader.TryRead(text, out _), $"'{text}' was read");
}
