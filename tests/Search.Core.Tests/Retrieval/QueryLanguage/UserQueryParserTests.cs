using Search.Core.Retrieval.QueryLanguage;

namespace Search.Core.Tests.Retrieval.QueryLanguage;

public class UserQueryParserTests
{
    /// <summary>A compact text of the parsed clauses: <c>Should:w(a) Must:p(b c) Must:any(w(x)|w(y))</c>.</summary>
    private static string Describe(UserQuery query) =>
        string.Join(" ", query.Clauses.Select(c => $"{c.Occurrence}:{Describe(c.Part)}"));

    private static string Describe(QueryPart part) => part switch
    {
        WordPart w => $"w({w.Text})",
        PhrasePart p => $"p({p.Text})",
        AnyOfPart a => $"any({string.Join("|", a.Alternatives.Select(Describe))})",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    [Theory]
    [InlineData("سوريا", "Should:w(سوريا)")]
    [InlineData("  سوريا   لبنان ", "Should:w(سوريا) Should:w(لبنان)")]
    [InlineData("\"وزير الخارجية\"", "Must:p(وزير الخارجية)")]
    [InlineData("“وزير الخارجية”", "Must:p(وزير الخارجية)")]
    [InlineData("«وزير الخارجية»", "Must:p(وزير الخارجية)")]
    [InlineData("„وزير الخارجية“", "Must:p(وزير الخارجية)")]
    [InlineData("بيان \"وزير الخارجية\" القاهرة", "Should:w(بيان) Must:p(وزير الخارجية) Should:w(القاهرة)")]
    [InlineData("سوريا -لبنان", "Should:w(سوريا) MustNot:w(لبنان)")]
    [InlineData("-\"وزير الدفاع\" الخارجية", "MustNot:p(وزير الدفاع) Should:w(الخارجية)")]
    [InlineData("+سوريا لبنان", "Must:w(سوريا) Should:w(لبنان)")]
    [InlineData("+\"وزير الخارجية\"", "Must:p(وزير الخارجية)")]
    [InlineData("سوريا OR لبنان", "Should:any(w(سوريا)|w(لبنان))")]
    [InlineData("سوريا || لبنان", "Should:any(w(سوريا)|w(لبنان))")]
    [InlineData("سوريا OR لبنان OR الأردن", "Should:any(w(سوريا)|w(لبنان)|w(الأردن))")]
    [InlineData("سوريا OR \"وزير الخارجية\"", "Must:any(w(سوريا)|p(وزير الخارجية))")]
    [InlineData("+سوريا OR لبنان", "Must:any(w(سوريا)|w(لبنان))")]
    [InlineData("سوريا AND لبنان", "Must:w(سوريا) Must:w(لبنان)")]
    [InlineData("سوريا && لبنان", "Must:w(سوريا) Must:w(لبنان)")]
    [InlineData("سوريا AND لبنان الأردن", "Must:w(سوريا) Must:w(لبنان) Should:w(الأردن)")]
    [InlineData("سوريا AND لبنان OR الأردن", "Must:w(سوريا) Must:any(w(لبنان)|w(الأردن))")]
    [InlineData("سوريا or لبنان and", "Should:w(سوريا) Should:w(or) Should:w(لبنان) Should:w(and)")]
    [InlineData("-OR", "MustNot:w(OR)")]
    [InlineData("كوفيد-19", "Should:w(كوفيد-19)")]
    [InlineData("بيان\"وزير الخارجية\"", "Should:w(بيان) Must:p(وزير الخارجية)")]
    public void Reads_words_phrases_signs_and_operators(string text, string expected)
    {
        Assert.Equal(expected, Describe(UserQueryParser.Parse(text)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Blank_text_is_an_empty_query(string? text)
    {
        Assert.True(UserQueryParser.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("\"وزير الخارجية", 0)]
    [InlineData("بيان «وزير", 5)]
    [InlineData("-", 0)]
    [InlineData("سوريا -", 6)]
    [InlineData("+", 0)]
    [InlineData("- سوريا", 0)]
    [InlineData("--سوريا", 0)]
    [InlineData("OR", 0)]
    [InlineData("OR سوريا", 0)]
    [InlineData("سوريا OR", 6)]
    [InlineData("سوريا OR OR لبنان", 6)]
    [InlineData("AND لبنان", 0)]
    [InlineData("سوريا AND", 6)]
    [InlineData("سوريا AND OR لبنان", 6)]
    [InlineData("-سوريا OR لبنان", 0)]
    [InlineData("سوريا OR -لبنان", 9)]
    public void Refuses_what_it_cannot_read_naming_the_position(string text, int position)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => UserQueryParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Refuses_a_query_longer_than_the_limit()
    {
        var text = string.Join(" ", Enumerable.Repeat("سوريا", 200));
        Assert.True(text.Length > UserQueryParser.MaxLength);

        var error = Assert.Throws<QuerySyntaxException>(() => UserQueryParser.Parse(text));

        Assert.Contains(UserQueryParser.MaxLength.ToString(), error.Message);
    }

    [Fact]
    public void Accepts_a_query_exactly_at_the_limit()
    {
        var text = new string('ب', UserQueryParser.MaxLength);

        var query = UserQueryParser.Parse(text);

        Assert.Equal(text, ((WordPart)Assert.Single(query.Clauses).Part).Text);
    }
}
