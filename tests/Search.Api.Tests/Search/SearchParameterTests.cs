using System.Net;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>Bad query-string values are a 400 validation problem keyed by the parameter's name, never a 500.</summary>
public sealed class SearchParameterTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Theory]
    [InlineData("size=101", "size")]
    [InlineData("size=0", "size")]
    [InlineData("size=-1", "size")]
    [InlineData("size=ten", "size")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=101&size=100", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("from=2021-02-30", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2021-13-01", "to")]
    [InlineData("from=2022-01-02&to=2022-01-01", "from")]
    [InlineData("sort=random", "sort")]
    [InlineData("interval=week", "interval")]
    [InlineData("q=%22unclosed", "q")]
    [InlineData("q=%22%D9%88%D8%B2%D9%8A%D8%B1%20%D8%A7%D9%84%D8%AE%D8%A7%D8%B1%D8%AC%D9%8A%D8%A9", "q")]
    [InlineData("q=OR", "q")]
    [InlineData("q=-", "q")]
    public async Task A_bad_parameter_is_a_400_naming_it(string queryString, string parameter)
    {
        var response = await factory.CreateClient().GetAsync($"/api/search?{queryString}");

        var problem = await response.ReadProblemAsync(400);

        var errors = problem.GetProperty("errors");
        Assert.Equal(JsonValueKind.Array, errors.GetProperty(parameter).ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty(parameter)[0].GetString()));
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Every_bad_parameter_of_a_request_is_named_at_once()
    {
        var response = await factory.CreateClient().GetAsync("/api/search?size=0&page=x&sort=random&interval=week&from=2021-02-30&to=nope");

        var problem = await response.ReadProblemAsync(400);

        Assert.Equal(
            new[] { "from", "interval", "page", "size", "sort", "to" },
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task An_unclosed_quote_says_where_it_is()
    {
        var problem = await (await factory.CreateClient().GetAsync("/api/search?q=%D8%A8%D9%8A%D8%A7%D9%86%20%22%D9%88%D8%B2%D9%8A%D8%B1")).ReadProblemAsync(400);

        Assert.Equal(5, problem.GetProperty("position").GetInt32());
        Assert.Contains("6", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Theory]
    [InlineData("size=100")]
    [InlineData("size=1&page=10000")]
    [InlineData("page=100&size=100")]
    [InlineData("from=2021-01-01&to=2021-01-01")]
    [InlineData("from=%D9%A2%D9%A0%D9%A2%D9%A1-%D9%A0%D9%A1-%D9%A0%D9%A1")]
    [InlineData("size=%D9%A1%D9%A0")]
    [InlineData("sort=NEWEST&interval=Year")]
    [InlineData("sort=oldest&interval=day")]
    [InlineData("sort=relevance&q=%D9%88%D8%B2%D8%A7%D8%B1%D8%A9")]
    [InlineData("q=&from=&to=&source=&sort=&page=&size=&interval=")]
    public async Task Good_parameters_are_a_200(string queryString)
    {
        var response = await factory.CreateClient().GetAsync($"/api/search?{queryString}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{queryString}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("-\"\"")]
    [InlineData("في")]
    [InlineData("-في")]
    [InlineData("- وزارة")]
    [InlineData("+-وزارة")]
    [InlineData("وزارة OR")]
    [InlineData("AND وزارة")]
    [InlineData("وزارة OR OR الصحة")]
    [InlineData("وزارة OR -الصحة")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("\\")]
    [InlineData("(وزارة")]
    [InlineData("وزارة:الصحة")]
    [InlineData("title:وزارة")]
    [InlineData("~وزارة^2")]
    [InlineData("«وزارة»")]
    [InlineData("“وزارة”")]
    [InlineData("\u0000")]
    [InlineData("\u200F\u200E")]
    [InlineData("ـــ")]
    [InlineData("ًٌٍَُِّْ")]
    [InlineData("١٢٣")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Odd_queries_are_answered_never_with_a_500(string q)
    {
        var response = await factory.CreateClient().GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"q={q}: {(int)response.StatusCode} {text}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("q", out _), text);
    }

    [Fact]
    public async Task A_query_over_the_length_limit_is_a_400_on_q()
    {
        var q = string.Join(' ', Enumerable.Repeat("وزارة", 200));

        var problem = await (await factory.CreateClient().GetAsync($"/api/search?q={Uri.EscapeDataString(q)}")).ReadProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task The_typed_client_sends_every_parameter()
    {
        var result = await factory.CreateApi().SearchAsync(new SearchQuery
        {
            Q = "وزارة",
            From = "2020-01-01",
            To = "2020-12-31",
            Source = "وكالة الأنباء",
            Sort = "newest",
            Page = 1,
            Size = 5,
            Interval = "day",
        });

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.True(result.TookMs >= 0);
    }
}
