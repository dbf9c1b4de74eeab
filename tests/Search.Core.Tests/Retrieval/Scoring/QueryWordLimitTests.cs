using Search.Core.Analysis;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>
/// A query holds at most <see cref="LuceneQueryBuilder.MaxWords"/> words once analysed, however they
/// are separated or grouped: words joined by the Arabic comma are one to the eye, each a word to the analyzer.
/// </summary>
public sealed class QueryWordLimitTests : IDisposable
{
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = ArabicSearchAnalyzer.Create();

    public void Dispose() => _analyzer.Dispose();

    private static string Words(int count, string separator) =>
        string.Join(separator, Enumerable.Range(0, count).Select(i => "سم" + (char)('ب' + i % 20) + (char)('ب' + i / 20)));

    private string Outcome(string text)
    {
        try
        {
            new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse(text));
            return "built";
        }
        catch (QuerySyntaxException e)
        {
            Assert.Contains(LuceneQueryBuilder.MaxWords.ToString(), e.Message);
            Assert.Equal(QuerySyntaxError.TooManyWords, e.Error);
            return "refused";
        }
    }

    [Theory]
    [InlineData(" ", 64, "built")]
    [InlineData(" ", 65, "refused")]
    [InlineData("،", 64, "built")]
    [InlineData("،", 65, "refused")]
    [InlineData("،", 188, "refused")]
    [InlineData(",", 65, "refused")]
    [InlineData("/", 65, "refused")]
    [InlineData("-", 65, "refused")]
    [InlineData("؛", 65, "refused")]
    [InlineData("\t", 65, "refused")]
    [InlineData("\u3000", 65, "refused")]
    [InlineData(" OR ", 65, "refused")]
    [InlineData(" AND ", 65, "refused")]
    public void The_word_limit_holds_whatever_separates_the_words(string separator, int words, string outcome)
    {
        Assert.Equal(outcome, Outcome(Words(words, separator)));
    }

    [Theory]
    [InlineData("a phrase", "\"{0}\"")]
    [InlineData("a phrase joined by commas", "\"{1}\"")]
    [InlineData("excluded words", "وزير -\"{0}\"")]
    [InlineData("words and a phrase", "{2} \"{2}\"")]
    public void The_word_limit_counts_every_part_of_the_query(string what, string shape)
    {
        var text = string.Format(shape, Words(65, " "), Words(65, "،"), Words(33, " "));

        Assert.True(Outcome(text) == "refused", what);
    }

    [Fact]
    public void Stop_words_are_not_counted_they_are_not_searched()
    {
        Assert.Equal("built", Outcome(string.Join(' ', Enumerable.Repeat("ما", 100)) + " وزير"));
    }
}
