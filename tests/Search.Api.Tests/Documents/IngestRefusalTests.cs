using System.Text;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Documents;

/// <summary>Bodies <c>POST /api/documents</c> refuses before looking at any document, and what it says.</summary>
public sealed class IngestRefusalTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/json")]
    public async Task An_empty_body_is_a_400(string contentType)
    {
        var response = await factory.CreateClient().PostDocumentsAsync([], contentType);

        await response.ReadProblemAsync(400);
    }

    [Fact]
    public async Task A_body_of_blank_lines_is_a_400()
    {
        var response = await factory.CreateClient().PostNdjsonAsync("\n \r\n\t\n");

        await response.ReadProblemAsync(400);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_and_stores_nothing()
    {
        var id = Statements.UniqueId("utf8");
        var body = Encoding.UTF8.GetBytes($$"""{"id": "{{id}}", "body": "نص """)
            .Concat(new byte[] { 0xC3, 0x28, 0xFF })
            .Concat(Encoding.UTF8.GetBytes("\"}\n"))
            .ToArray();

        var problem = await (await factory.CreateClient().PostDocumentsAsync(body, "application/x-ndjson")).ReadProblemAsync(400);

        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        await (await factory.CreateClient().GetAsync($"/api/documents/{id}")).ReadProblemAsync(404);
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Another_content_type_is_a_415(string contentType)
    {
        var body = Encoding.UTF8.GetBytes(Statements.ToNdjson([Statements.Doc(Statements.UniqueId("xml"), "نص")]));

        await (await factory.CreateClient().PostDocumentsAsync(body, contentType)).ReadProblemAsync(415);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("يوليو 2021")]
    [InlineData("أمس")]
    public async Task An_unreadable_date_is_a_400_naming_the_date_field(string date)
    {
        var id = Statements.UniqueId("date");

        var problem = await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, "نص البيان", date)])).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(1, error.Line);
        Assert.Equal(id, error.Id);
        Assert.Equal("date", error.Field);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_a_413_and_stores_nothing()
    {
        await using var small = SearchApiFactory.With(maxRequestBytes: 2048);
        var id = Statements.UniqueId("big");
        var lines = Statements.ToNdjson([Statements.Doc(id, string.Concat(Enumerable.Repeat("نص طويل جدا ", 200)))]);
        Assert.True(Encoding.UTF8.GetByteCount(lines) > 2048);

        var problem = await (await small.CreateClient().PostNdjsonAsync(lines)).ReadProblemAsync(413);

        Assert.Contains("2048", problem.GetProperty("detail").GetString());
        await (await small.CreateClient().GetAsync($"/api/documents/{id}")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task A_body_under_the_configured_limit_is_taken()
    {
        await using var small = SearchApiFactory.With(maxRequestBytes: 2048);

        var response = await small.CreateClient().PostNdjsonAsync([Statements.Doc(Statements.UniqueId("small"), "نص قصير")]);

        Assert.Equal(1, (await response.ReadAcceptedAsync()).Accepted);
    }

    [Fact]
    public async Task An_empty_json_array_is_a_400()
    {
        var response = await factory.CreateClient().PostJsonArrayAsync("""[]""");
        await response.ReadProblemAsync(400);
    }
}
