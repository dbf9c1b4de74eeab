using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Search;

/// <summary>A service holding 25 documents that share one word, dated a day apart, for walking pages and cursors.</summary>
public sealed class CursorWalkFactory : HostileApiFactory, IAsyncLifetime
{
    public const int Count = 25;

    public string Word { get; } = Statements.UniqueWord();

    public Canary Canary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var documents = Enumerable.Range(0, Count)
            .Select(i => Statements.Doc($"walk-{i:D2}", $"بيان رقم {i} {Word}", new DateOnly(2021, 1, 1).AddDays(i).ToString("yyyy-MM-dd")))
            .ToList();
        await (await CreateCheckedClient().PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();
        Canary = await Canary.PlantAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Bad query-string values of <c>GET /api/search</c>: a 400 problem whose <c>errors</c> name the
/// parameter and say what is allowed; going deeper than page × size allows is done with the
/// cursor, which a client cannot forge.
/// </summary>
public sealed class SearchParameterAbuseTests(CursorWalkFactory factory) : IClassFixture<CursorWalkFactory>
{
    private static string Cursor(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("size=101", "size", "100")]
    [InlineData("size=0", "size", "100")]
    [InlineData("size=-1", "size", "100")]
    [InlineData("size=abc", "size", "100")]
    [InlineData("size=1e2", "size", "100")]
    [InlineData("size=%2B5", "size", "100")]
    [InlineData("size=99999999999999999999", "size", "100")]
    [InlineData("size=%D9%A1%D9%A0%D9%A1", "size", "100")]
    [InlineData("size=10&size=20", "size", "100")]
    [InlineData("page=0", "page", "from 1")]
    [InlineData("page=-3", "page", "from 1")]
    [InlineData("page=abc", "page", "from 1")]
    [InlineData("page=1.5", "page", "from 1")]
    [InlineData("page=%00", "page", "from 1")]
    [InlineData("page=200&size=100", "page", "cursor")]
    [InlineData("page=101&size=100", "page", "cursor")]
    [InlineData("page=10001", "page", "cursor")]
    [InlineData("page=2147483647&size=100", "page", "cursor")]
    [InlineData("cursor=garbage", "cursor", "nextCursor")]
    [InlineData("cursor=%21%21%21", "cursor", "nextCursor")]
    [InlineData("cursor=eyJ9", "cursor", "nextCursor")]
    [InlineData("from=2021-02-30", "from", "yyyy-MM-dd")]
    [InlineData("from=2021-13-01", "from", "yyyy-MM-dd")]
    [InlineData("from=2021-00-10", "from", "yyyy-MM-dd")]
    [InlineData("from=2023-02-29", "from", "yyyy-MM-dd")]
    [InlineData("from=10000-01-01", "from", "yyyy-MM-dd")]
    [InlineData("from=yesterday", "from", "yyyy-MM-dd")]
    [InlineData("from=%D8%A3%D9%85%D8%B3", "from", "yyyy-MM-dd")]
    [InlineData("to=2021-04-31", "to", "yyyy-MM-dd")]
    [InlineData("from=2022-01-02&to=2022-01-01", "from", "after")]
    [InlineData("from=2030-01-01&to=1990-01-01", "from", "after")]
    [InlineData("sort=random", "sort", "relevance, newest or oldest")]
    [InlineData("sort=date", "sort", "relevance, newest or oldest")]
    [InlineData("sort=1", "sort", "relevance, newest or oldest")]
    [InlineData("sort=newest%00", "sort", "relevance, newest or oldest")]
    [InlineData("interval=week", "interval", "year, month or day")]
    [InlineData("interval=0", "interval", "year, month or day")]
    [InlineData("interval=hour", "interval", "year, month or day")]
    public async Task A_bad_parameter_is_a_400_naming_it_and_what_is_allowed(string query, string parameter, string allowed)
    {
        var response = await factory.CreateCheckedClient().GetAsync($"/api/search?q={factory.Word}&{query}");

        var problem = await response.ReadProblemAsync(400);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"{query}: no errors.{parameter} in {problem}");
        var message = string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(allowed, message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"S":"relevance","K":1,"I":null}""")]
    [InlineData("""{"S":"shuffle","K":1,"I":"walk-01"}""")]
    [InlineData("""{"S":"7","K":1,"I":"walk-01"}""")]
    [InlineData("""{"S":"-1","K":1,"I":"walk-01"}""")]
    [InlineData("""{"S":"newest","K":"x","I":"walk-01"}""")]
    [InlineData("""{"S":"newest","K":1e400,"I":"walk-01"}""")]
    [InlineData("""{"S":"newest","K":1,"I":7}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""null""")]
    [InlineData("""{"S":"newest","K":1,"I":"walk-01","X":{"deep":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}""")]
    public async Task A_forged_cursor_is_a_400_on_cursor(string payload)
    {
        var response = await factory.CreateCheckedClient().GetAsync($"/api/search?q={factory.Word}&cursor={Cursor(payload)}");

        var problem = await response.ReadProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), $"{payload}: {problem}");
    }

    [Theory]
    [InlineData("""{"S":"newest","K":1e300,"I":"walk-01"}""")]
    [InlineData("""{"S":"newest","K":-1e300,"I":"walk-01"}""")]
    [InlineData("""{"S":"oldest","K":2147483648,"I":""}""")]
    [InlineData("""{"S":"relevance","K":3.4e39,"I":"\u0000"}""")]
    public async Task A_cursor_with_values_out_of_range_is_answered_or_refused_never_a_500(string payload)
    {
        var response = await factory.CreateCheckedClient().GetAsync($"/api/search?q={factory.Word}&cursor={Cursor(payload)}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{payload}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("oldest")]
    [InlineData("relevance")]
    public async Task Following_nextCursor_walks_every_hit_once_in_the_order_of_the_pages(string sort)
    {
        var client = factory.CreateCheckedClient();
        var byPages = new List<string>();
        for (var page = 1; page <= 3; page++)
            byPages.AddRange(Hits(await client.GetJsonAsync($"/api/search?q={factory.Word}&sort={sort}&size=10&page={page}")));

        var byCursor = new List<string>();
        var answer = await client.GetJsonAsync($"/api/search?q={factory.Word}&sort={sort}&size=10");
        var steps = 0;
        while (true)
        {
            byCursor.AddRange(Hits(answer));
            Assert.Equal(CursorWalkFactory.Count, answer.GetProperty("total").GetInt64());
            if (!answer.TryGetProperty("nextCursor", out var next) || next.ValueKind == JsonValueKind.Null)
                break;
            Assert.True(++steps < 10, "the cursor walk does not end");
            answer = await client.GetJsonAsync($"/api/search?q={factory.Word}&sort={sort}&size=10&cursor={Uri.EscapeDataString(next.GetString()!)}");
        }

        Assert.Equal(CursorWalkFactory.Count, byCursor.Count);
        Assert.Equal(CursorWalkFactory.Count, byCursor.Distinct().Count());
        Assert.Equal(byPages, byCursor);
        if (sort == "newest")
            Assert.Equal(Enumerable.Range(0, CursorWalkFactory.Count).Reverse().Select(i => $"walk-{i:D2}"), byCursor);
    }

    [Fact]
    public async Task A_cursor_is_refused_with_a_page_or_another_sort()
    {
        var client = factory.CreateCheckedClient();
        var first = await client.GetJsonAsync($"/api/search?q={factory.Word}&sort=newest&size=5");
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);

        var withPage = await (await client.GetAsync($"/api/search?q={factory.Word}&size=5&page=2&cursor={cursor}")).ReadProblemAsync(400);
        Assert.True(withPage.GetProperty("errors").TryGetProperty("page", out _), withPage.ToString());

        var otherSort = await (await client.GetAsync($"/api/search?q={factory.Word}&sort=oldest&size=5&cursor={cursor}")).ReadProblemAsync(400);
        Assert.True(otherSort.GetProperty("errors").TryGetProperty("cursor", out _), otherSort.ToString());
    }

    [Fact]
    public async Task The_deepest_page_allowed_answers_and_offers_no_way_past_the_window_but_the_cursor()
    {
        var response = await factory.CreateCheckedClient().GetAsync($"/api/search?q={factory.Word}&page=100&size=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonSerializer.Deserialize<SearchResponse>(await response.Content.ReadAsStringAsync(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(CursorWalkFactory.Count, answer.Total);
        Assert.Empty(answer.Hits);
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_at_once_and_the_archive_is_untouched()
    {
        var response = await factory.CreateCheckedClient().GetAsync(
            "/api/search?q=%22&size=0&page=x&sort=random&interval=week&from=2021-02-30&to=2021-13-01&cursor=garbage");

        var problem = await response.ReadProblemAsync(400);
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "size", "page", "sort", "interval", "from", "to", "cursor" }, named);
        await factory.Canary.AssertUnchangedAsync(factory);
    }

    private static IEnumerable<string> Hits(JsonElement answer) =>
        answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!);
}
