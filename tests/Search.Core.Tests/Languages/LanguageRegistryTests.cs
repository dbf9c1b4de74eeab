using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Languages;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Languages;

public class LanguageRegistryTests
{
    [Theory]
    [InlineData("ar", "arabic")]
    [InlineData("fa", "arabic")]
    [InlineData("ur", "arabic")]
    [InlineData("en", "english")]
    [InlineData("ru", "russian")]
    [InlineData("fr", "french")]
    [InlineData("de", "other")]
    [InlineData("und", "other")]
    [InlineData("zh", "other")]
    [InlineData(null, "other")]
    public void Gives_each_language_its_analysis(string? language, string analysis) =>
        Assert.Equal(analysis, LanguageAnalyses.For(language).Name);

    [Fact]
    public void Arabic_keeps_todays_fields_and_version_and_the_others_have_fields_of_their_own()
    {
        Assert.Equal(("title", "body"), (LanguageAnalyses.Arabic.TitleField, LanguageAnalyses.Arabic.BodyField));
        Assert.Equal(ArabicSearchAnalyzer.Version, LanguageAnalyses.Arabic.Version);
        Assert.Equal(("title.en", "body.en"), (LanguageAnalyses.English.TitleField, LanguageAnalyses.English.BodyField));
        var fields = LanguageAnalyses.All.SelectMany(a => new[] { a.TitleField, a.BodyField }).ToList();
        Assert.Equal(fields.Count, fields.Distinct().Count());
    }

    [Fact]
    public void The_version_names_every_languages_analysis()
    {
        foreach (var analysis in LanguageAnalyses.All)
            Assert.Contains(analysis.Version, LanguageAnalyses.Version);
        Assert.NotEqual(ArabicSearchAnalyzer.Version, LanguageAnalyses.Version);
        Assert.Equal(LanguageAnalyses.All.Count, LanguageAnalyses.All.Select(a => a.Version).Distinct().Count());
    }

    [Fact]
    public void A_query_goes_through_one_analysis_per_language_held_in_a_fixed_order()
    {
        Assert.Equal(["arabic", "english", "other"], LanguageAnalyses.ForQuery(["de", "en", "fa", "ar", "es"]).Select(a => a.Name));
        Assert.Equal(["french"], LanguageAnalyses.ForQuery(["fr"]).Select(a => a.Name));
        Assert.Empty(LanguageAnalyses.ForQuery([]));
    }

    [Theory]
    [InlineData("body", "الوزارات", "وزار/=وزارات")]
    [InlineData("title", "statements", "=statements")]
    [InlineData("body.en", "statements", "statement/=statements")]
    [InlineData("title.ru", "ёлка", "елк/=елка")]
    [InlineData("body.fr", "l'accord", "acord/=accord")]
    [InlineData("body.other", "Erklärung", "=erklarung")]
    public void The_index_analyzer_analyses_each_field_in_its_language(string field, string text, string expected)
    {
        using var analyzer = LanguageAnalyses.CreateFieldAnalyzer();

        Assert.Equal(expected, ArabicSearchAnalyzerTests.Analyze(text, analyzer, field));
    }

    /// <summary>
    /// What each analysis writes per word on the samples of its language (one-line and long
    /// statements) is what it declares, within 0.1: BM25 counts a field's average length in words.
    /// Arabic's figure was measured on the news corpus.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("fr")]
    [InlineData("de")]
    public void Declares_the_terms_it_writes_per_word(string language)
    {
        var analysis = LanguageAnalyses.For(language);
        using var analyzer = analysis.Create();
        long terms = 0, words = 0;
        foreach (var sample in LanguageSamples.All.Where(s => s.Lang == language && s.Kind is "line" or "long"))
        {
            using var stream = analyzer.GetTokenStream("body", sample.Text);
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms++;
                words += increment.PositionIncrement == 0 ? 0 : 1;
            }
            stream.End();
        }

        Assert.InRange(terms / (double)words, analysis.TermsPerWord - 0.1, analysis.TermsPerWord + 0.1);
    }
}
