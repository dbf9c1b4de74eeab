using Search.Core.Analysis;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval.Snippets;

namespace Search.Core.Tests.Retrieval.Snippets;

public class SnippetHighlightTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = ArabicSearchAnalyzer.Create();

    private static string Snippet(string body, string query) =>
        new SnippetBuilder(Analyzer).Build(body, new LuceneQueryBuilder(Analyzer).Build(UserQueryParser.Parse(query)).HighlightTerms);

    [Fact]
    public void Marks_the_original_text_with_its_diacritics_and_tatweel()
    {
        var body = "أعلنَ الوزيـــرُ الأمْرِيكِيّ عن خطّة جديدة للطاقة في عام ٢٠٢١.";
        var snippet = Snippet(body, "الوزير الامريكي 2021");
        Assert.Contains("<mark>الوزيـــرُ</mark>", snippet);
        Assert.Contains("<mark>الأمْرِيكِيّ</mark>", snippet);
        Assert.Contains("<mark>٢٠٢١</mark>", snippet);
        Assert.Equal(body.Replace("الوزيـــرُ", "<mark>الوزيـــرُ</mark>").Replace("الأمْرِيكِيّ", "<mark>الأمْرِيكِيّ</mark>").Replace("٢٠٢١", "<mark>٢٠٢١</mark>"), snippet);
    }

    [Fact]
    public void Marks_every_form_of_a_free_word_once()
    {
        var snippet = Snippet("قال الوزير إن وزير الدفاع والوزيرَ الآخر اتفقا", "وزير");
        Assert.Equal("قال <mark>الوزير</mark> إن <mark>وزير</mark> الدفاع <mark>والوزيرَ</mark> الآخر اتفقا", snippet);
    }

    [Fact]
    public void Marks_only_the_exact_forms_of_a_quoted_phrase()
    {
        var snippet = Snippet("قال الوزراء إن وزير الدفاع حاضر", "\"وزير الدفاع\"");
        Assert.Equal("قال الوزراء إن <mark>وزير</mark> <mark>الدفاع</mark> حاضر", snippet);
    }
}
