using Search.Core.Retrieval.QueryLanguage;

namespace Search.Core.Tests.Retrieval.QueryLanguage;

/// <summary>A refused query says what is wrong as a value, and where in the text as the user wrote it, invisible marks included.</summary>
public class UserQueryParserErrorTests
{
    [Theory]
    [InlineData("\"الأمطار الغزيرة", QuerySyntaxError.UnclosedQuote)]
    [InlineData("سوريا -", QuerySyntaxError.SignWithoutWord)]
    [InlineData("+-سوريا", QuerySyntaxError.DoubleSign)]
    [InlineData("OR لبنان", QuerySyntaxError.OperatorWithoutLeft)]
    [InlineData("سوريا AND", QuerySyntaxError.OperatorWithoutRight)]
    [InlineData("سوريا OR -لبنان", QuerySyntaxError.ExcludedAlternative)]
    public void Each_refusal_names_what_is_wrong(string text, QuerySyntaxError error)
    {
        Assert.Equal(error, Assert.Throws<QuerySyntaxException>(() => UserQueryParser.Parse(text)).Error);
    }

    [Fact]
    public void The_length_limit_is_named_too()
    {
        Assert.Equal(QuerySyntaxError.TooLong, Assert.Throws<QuerySyntaxException>(() => UserQueryParser.Parse(new string('ب', UserQueryParser.MaxLength + 1))).Error);
    }

    [Theory]
    [InlineData("\u200Fسوريا \u200F-", 8)]
    [InlineData("\u202B\u200F\"وزير", 2)]
    [InlineData("سوريا\u200E OR", 7)]
    public void The_position_counts_the_direction_marks_pasted_with_the_text(string text, int position)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => UserQueryParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains($"position {position + 1}", error.Message);
    }

    [Theory]
    [InlineData("\u200Fسوريا\u200F", "سوريا")]
    [InlineData("-\u200Fسوريا", "سوريا")]
    [InlineData("\"\u200Fوزير الخارجية\u200F\"", "وزير الخارجية")]
    public void Invisible_marks_stay_out_of_words_and_phrases(string text, string expected)
    {
        var part = Assert.Single(UserQueryParser.Parse(text).Clauses).Part;

        Assert.Equal(expected, part switch { WordPart w => w.Text, PhrasePart p => p.Text, _ => part.ToString() });
    }
}
