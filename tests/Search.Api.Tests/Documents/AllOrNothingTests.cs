using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Client;
using Search.Client.Contracts;

namespace Search.Api.Tests.Documents;

/// <summary>A request with any invalid document stores none of its documents and names every fault by line.</summary>
public sealed class AllOrNothingTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task A_document_without_body_refuses_the_whole_ndjson_batch()
    {
        var first = Statements.UniqueId("aon");
        var missing = Statements.UniqueId("aon");
        var third = Statements.UniqueId("aon");
        var body = Statements.ToJson(Statements.Doc(first, "بيان سليم أول")) + "\n"
            + $$"""{"id": "{{missing}}", "title": "بلا نص", "date": "2021-01-01", "source": "وكالة"}""" + "\n"
            + Statements.ToJson(Statements.Doc(third, "بيان سليم ثالث")) + "\n";

        var problem = await (await factory.CreateClient().PostNdjsonAsync(body)).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(2, error.Line);
        Assert.Equal(missing, error.Id);
        Assert.Equal("body", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        await AssertNotStoredAsync(first, missing, third);
    }

    [Fact]
    public async Task A_malformed_json_line_refuses_the_whole_ndjson_batch()
    {
        var first = Statements.UniqueId("aon");
        var third = Statements.UniqueId("aon");
        var body = Statements.ToJson(Statements.Doc(first, "بيان سليم أول")) + "\n"
            + """{"id": "broken", "body": "نص لم يغلق""" + "\n"
            + Statements.ToJson(Statements.Doc(third, "بيان سليم ثالث")) + "\n";

        var problem = await (await factory.CreateClient().PostNdjsonAsync(body)).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(2, error.Line);
        Assert.Null(error.Field);
        Assert.Contains("JSON", error.Reason);
        await AssertNotStoredAsync(first, third, "broken");
    }

    [Fact]
    public async Task Every_fault_of_a_batch_is_listed_with_its_line_and_field()
    {
        var valid = Statements.UniqueId("aon");
        var body = string.Join("\n",
            Statements.ToJson(Statements.Doc(valid, "بيان سليم")),
            """{"title": "بلا معرف", "body": "نص"}""",
            "",
            """{"id": "bad-date", "body": "نص", "date": "2021-02-30"}""",
            """{"id": "bad-type", "body": "نص", "source": 7}""",
            """[1, 2]""");

        var problem = await (await factory.CreateClient().PostNdjsonAsync(body)).ReadProblemAsync(400);

        Assert.Equal(
            [(2, "id"), (4, "date"), (5, "source"), (6, null)],
            problem.DocumentErrors().Select(e => (e.Line, e.Field)));
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString());
        await AssertNotStoredAsync(valid, "bad-date", "bad-type");
    }

    [Fact]
    public async Task Line_numbers_count_blank_lines_at_the_start_of_the_body()
    {
        // A client counts the lines of its file; the blank ones at the top count too.
        var valid = Statements.UniqueId("aon");
        var body = "\n\n" + Statements.ToJson(Statements.Doc(valid, "بيان سليم")) + "\n" + """{"id": "no-body"}""" + "\n";

        var problem = await (await factory.CreateClient().PostNdjsonAsync(body)).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal("body", error.Field);
        Assert.Equal(4, error.Line);
        await AssertNotStoredAsync(valid);
    }

    [Fact]
    public async Task An_invalid_element_refuses_the_whole_json_array_and_is_named_by_position()
    {
        var first = Statements.UniqueId("aon");
        var third = Statements.UniqueId("aon");
        var missing = Statements.UniqueId("aon");
        var json = $$"""
            [
              {{Statements.ToJson(Statements.Doc(first, "بيان سليم أول"))}},
              {"id": "{{missing}}", "title": "بلا نص"},
              {{Statements.ToJson(Statements.Doc(third, "بيان سليم ثالث"))}}
            ]
            """;

        var problem = await (await factory.CreateClient().PostJsonArrayAsync(json)).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(2, error.Line);
        Assert.Equal(missing, error.Id);
        Assert.Equal("body", error.Field);
        await AssertNotStoredAsync(first, missing, third);
    }

    [Fact]
    public async Task A_malformed_json_array_is_refused_whole()
    {
        var first = Statements.UniqueId("aon");
        var json = "[" + Statements.ToJson(Statements.Doc(first, "بيان سليم")) + ", {\"id\": ";

        var problem = await (await factory.CreateClient().PostJsonArrayAsync(json)).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Contains("JSON", error.Reason);
        await AssertNotStoredAsync(first);
    }

    [Fact]
    public async Task The_typed_client_sees_the_refusal_as_an_api_exception()
    {
        var api = factory.CreateApi();
        var id = Statements.UniqueId("aon");

        var refused = await Assert.ThrowsAnyAsync<Refit.ApiException>(() =>
            api.PostDocumentsAsync(NdjsonContent.FromLines(Statements.ToJson(Statements.Doc(id, "نص")) + "\n{\"id\": \"x\"}\n")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"line\":2", refused.Content);
        await AssertNotStoredAsync(id);
    }

    private async Task AssertNotStoredAsync(params string[] ids)
    {
        var client = factory.CreateClient();
        foreach (var id in ids)
            await (await client.GetAsync($"/api/documents/{Uri.EscapeDataString(id)}")).ReadProblemAsync(404);
        var status = await factory.CreateApi().GetStatusAsync();
        // Nothing refused may be on its way into the index either.
        Assert.Equal(0, status.Pending);
        foreach (var id in ids)
            Assert.DoesNotContain((await factory.CreateApi().SearchAsync(new SearchQuery { Size = 100 })).Hits, h => h.Id == id);
    }
}
