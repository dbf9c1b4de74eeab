using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>
/// What a caller needs to say a refusal in its own words (the page says it in Arabic): a code, and
/// the position counted from 1 in the query as sent; and the period searched, as the service read it.
/// </summary>
public sealed class QueryProblemTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task A_refused_query_names_what_is_wrong_and_where_counting_from_one()
    {
        var q = string.Join(' ', Enumerable.Range(0, 70).Select(i => $"كلمة{i}"));

        var tooMany = await (await factory.CreateClient().GetAsync($"/api/search?q={Uri.EscapeDataString(q)}")).ReadProblemAsync(400);
        var tooLong = await (await factory.CreateClient().GetAsync($"/api/search?q={new string('ب', 1_001)}")).ReadProblemAsync(400);

        Assert.Equal("tooManyWords", tooMany.GetProperty("code").GetString());
        Assert.Equal(("tooLong", 1_001), (tooLong.GetProperty("code").GetString(), tooLong.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task The_highlighted_document_refuses_a_query_the_same_way()
    {
        var id = Statements.UniqueId("qp");
        (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, "نص البيان")], wait: true)).EnsureSuccessStatusCode();

        var problem = await (await factory.CreateClient().GetAsync($"/api/documents/{id}/highlighted?q={new string('ب', 1_001)}")).ReadProblemAsync(400);

        Assert.Equal("tooLong", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_period_searched_comes_back_as_read_from_arabic_dates()
    {
        var response = await factory.CreateApi().SearchAsync(new SearchQuery { From = "١ يوليو ٢٠٢١", To = "١٥ ذو الحجة ١٤٤٢ هـ" });

        Assert.Equal(("2021-07-01", "2021-07-25"), (response.From, response.To));
        Assert.Null((await factory.CreateApi().SearchAsync(new SearchQuery { Q = "بيان" })).From);
    }
}
