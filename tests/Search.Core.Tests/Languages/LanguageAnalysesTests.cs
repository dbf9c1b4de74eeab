using Lucene.Net.Analysis;
using Search.Core.Languages;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Languages;

/// <summary>
/// Pins what each language's analysis makes of words, written as in <see cref="ArabicSearchAnalyzerTests"/>:
/// "stem/=exact" per position, "=exact" for a word that is its own stem, "_" after dropped stop words.
/// A change here changes the index: bump the language's version in <see cref="LanguageAnalyses"/>.
/// </summary>
public sealed class LanguageAnalysesTests : IDisposable
{
    private readonly Analyzer _english = LanguageAnalyses.English.Create();
    private readonly Analyzer _russian = LanguageAnalyses.Russian.Create();
    private readonly Analyzer _french = LanguageAnalyses.French.Create();
    private readonly Analyzer _other = LanguageAnalyses.Other.Create();

    public void Dispose()
    {
        _english.Dispose();
        _russian.Dispose();
        _french.Dispose();
        _other.Dispose();
    }

    [Theory]
    [InlineData("statements", "statement/=statements")]
    [InlineData("statement", "=statement")]
    [InlineData("Statement", "=statement")]
    [InlineData("STATEMENTS", "statement/=statements")]
    [InlineData("Minister's", "minist/=minister")]
    [InlineData("Minister’s", "minist/=minister")]
    [InlineData("ministers", "minist/=ministers")]
    [InlineData("relations", "relat/=relations")]
    [InlineData("talks", "talk/=talks")]
    [InlineData("talked", "talk/=talked")]
    [InlineData("café", "=cafe")]
    [InlineData("2021", "=2021")]
    [InlineData("the", "")]
    [InlineData("The Minister's statements on the talks", "_ minist/=minister statement/=statements _ talk/=talks")]
    public void English(string text, string expected) => Assert.Equal(expected, ArabicSearchAnalyzerTests.Analyze(text, _english));

    [Theory]
    [InlineData("заявление", "заявлен/=заявление")]
    [InlineData("заявлению", "заявлен/=заявлению")]
    [InlineData("Заявления", "заявлен/=заявления")]
    [InlineData("ЗАЯВЛЕНИЯМИ", "заявлен/=заявлениями")]
    [InlineData("министр", "=министр")]
    [InlineData("министра", "министр/=министра")]
    [InlineData("переговорах", "переговор/=переговорах")]
    [InlineData("ёлка", "елк/=елка")]
    [InlineData("елка", "елк/=елка")]
    [InlineData("её", "")]
    [InlineData("человек", "=человек")]
    [InlineData("COVID", "=covid")]
    [InlineData("Заявление министра о переговорах", "заявлен/=заявление министр/=министра _ переговор/=переговорах")]
    public void Russian(string text, string expected) => Assert.Equal(expected, ArabicSearchAnalyzerTests.Analyze(text, _russian));

    [Theory]
    [InlineData("accord", "acord/=accord")]
    [InlineData("accords", "acord/=accords")]
    [InlineData("l'accord", "acord/=accord")]
    [InlineData("L’Accord", "acord/=accord")]
    [InlineData("d'accord", "acord/=accord")]
    [InlineData("ministère", "minister/=ministere")]
    [InlineData("ministere", "minister/=ministere")]
    [InlineData("sécurité", "securit/=securite")]
    [InlineData("securite", "securit/=securite")]
    [InlineData("président", "=president")]
    [InlineData("présidente", "president/=presidente")]
    [InlineData("qu'il", "")]
    [InlineData("à", "")]
    [InlineData("L'accord entre les États-Unis et la France", "acord/=accord entr/=entre _ etat/=etats uni/=unis _ franc/=france")]
    public void French(string text, string expected) => Assert.Equal(expected, ArabicSearchAnalyzerTests.Analyze(text, _french));

    [Theory]
    [InlineData("Gemeinsame Erklärung", "=gemeinsame =erklarung")]
    [InlineData("Declaración conjunta", "=declaracion =conjunta")]
    [InlineData("联合声明", "=联 =合 =声 =明")]
    public void Other_languages_are_indexed_as_written(string text, string expected) =>
        Assert.Equal(expected, ArabicSearchAnalyzerTests.Analyze(text, _other));
}
