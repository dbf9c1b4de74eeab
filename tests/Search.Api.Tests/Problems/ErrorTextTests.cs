using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Problems;

/// <summary>Error texts say what to fix where a person looks: a GET's parameters, and a place in JSON as line and column.</summary>
public sealed class ErrorTextTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Theory]
    [InlineData("/api/search?from=yesterday", "from")]
    [InlineData("/api/search?q=%22open&size=0", "size")]
    [InlineData("/api/search?q=TOO_LONG", "q")]
    public async Task A_refused_get_names_its_parameters_and_mentions_no_body(string uri, string parameter)
    {
        // A query over 1,000 characters: the only way left to have q refused (whatever else is typed is searched).
        uri = uri.Replace("TOO_LONG", new string('ب', 1_001));
        var problem = await (await factory.CreateClient().GetAsync(uri)).ReadProblemAsync(400);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"{parameter}: ", detail);
        Assert.DoesNotContain("body", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Malformed_json_lines_are_placed_by_line_and_column_in_characters()
    {
        // The stray x is the 29th character of the second line, and its 50th byte (Arabic letters take two).
        const string second = """{"id":"b","body":"نص عربي" x}""";
        var body = Statements.ToJson(Statements.Doc(Statements.UniqueId("json"), "نص سليم")) + "\n" + second + "\n";

        var problem = await (await factory.CreateClient().PostNdjsonAsync(body)).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(2, error.Line);
        Assert.StartsWith($"malformed JSON at column {second.IndexOf('x') + 1}: ", error.Reason);
        Assert.DoesNotContain("LineNumber", error.Reason);
        Assert.DoesNotContain("BytePosition", error.Reason);
    }

    [Fact]
    public async Task A_malformed_json_array_is_placed_by_line_and_column()
    {
        var problem = await (await factory.CreateClient().PostJsonArrayAsync("[\n  {\"id\": \"a\", \"body\": \"نص\"},\n  {\"id\": b}\n]")).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(3, error.Line);
        Assert.StartsWith("malformed JSON at line 3, column 10: ", error.Reason);
        Assert.DoesNotContain("LineNumber", error.Reason);
    }

    [Theory]
    [InlineData("{\"name\": \"متابعة\",\n \"search\": {\"q\": \"وزارة\"", "malformed JSON at line 2, column 25: ")]
    [InlineData("{\"name\": 5}", "(at $.name)")]
    public async Task A_malformed_saved_search_is_placed_by_line_and_column_not_by_bytes(string body, string expected)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await (await factory.CreateClient().PostAsync("/api/saved-searches", content)).ReadProblemAsync(400);

        var reason = problem.GetProperty("errors").GetProperty("body")[0].GetString()!;
        Assert.Contains(expected, reason);
        Assert.DoesNotContain("LineNumber", reason);
        Assert.DoesNotContain("BytePosition", reason);
    }
}
