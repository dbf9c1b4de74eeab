using Search.Core.Retrieval.QueryLanguage;

namespace Search.Core.Tests.Retrieval.QueryLanguage;

/// <summary>A refused query says what is wrong as a value; invisible marks pasted with the text stay out of its words.</summary>
public class UserQueryParserErrorTests
{
    [Fact]
    public void The_length_limit_is_named()
    {
        Assert.Equal(QuerySyntaxError.TooLong, Assert.Throws<QuerySyntaxException>(() => UserQueryParser.Parse(new string('ب', UserQueryParser.MaxLength + 1))).Error);
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
