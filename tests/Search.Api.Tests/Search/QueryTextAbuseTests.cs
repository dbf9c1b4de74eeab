using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Core.Tests.TestSupport;

namespace Search.Api.Tests.Search;

/// <summary>A service holding a few Arabic statements and canaries, for the query-text tests.</summary>
public sealed class QueryTextFactory : HostileApiFactory, IAsyncLifetime
{
    public Canary Canary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var documents = new[]
        {
            Statements.Doc("q-1", "أعلن وزير الخارجية اليوم عن زيارة رسمية إلى القاهرة لبحث العلاقات الثنائية"),
            Statements.Doc("q-2", "أصدرت السفارة الأمريكية بيانا حول الانتخابات المقبلة Covid-19 كوفيد"),
            Statements.Doc("q-3", "ناقشت الحكومة مع الشركات الامريكية خطة الاستثمار في الطاقة الشمسية ٢٠٢١"),
        };
        await (await CreateCheckedClient().PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();
        Canary = await Canary.PlantAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// What people (and scripts) type into the search box, however odd: each is a sensible search
/// (200) or a 400 problem on <c>q</c> with a message, never a 500, and never takes a second.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class QueryTextAbuseTests(QueryTextFactory factory) : IClassFixture<QueryTextFactory>
{
    private static readonly TimeSpan PerQuery = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string> MustBeRefused => new()
    {
        { "1,001 characters", new string('ب', 1_001) },
        { "1,001 characters of words", string.Join(' ', Enumerable.Repeat("وزارة", 167)) },
        { "100,000 characters", new string('ب', 100_000) },
        { "65 words", string.Join(' ', Enumerable.Range(0, 65).Select(i => "كلمة" + i)) },
        { "65 words joined by OR", string.Join(" OR ", Enumerable.Range(0, 65).Select(i => "كلمة" + i)) },
        { "65 words in a phrase", "\"" + string.Join(' ', Enumerable.Range(0, 65).Select(i => "كلمة" + i)) + "\"" },
        { "an unbalanced quote", "\"وزير الخارجية" },
        { "an unbalanced guillemet", "بيان «وزير" },
        { "three quotes", "\"وزير\" \"الخارجية" },
        { "a lone minus", "-" },
        { "a lone plus", "+" },
        { "a minus before a space", "وزير - الخارجية" },
        { "two signs", "--وزير" },
        { "a lone OR", "OR" },
        { "a lone AND", "AND" },
        { "a lone ||", "||" },
        { "OR at the end", "وزير OR" },
        { "AND at the start", "AND وزير" },
        { "OR OR", "وزير OR OR الخارجية" },
        { "OR of an excluded word", "وزير OR -الخارجية" },
    };

    public static TheoryData<string, string> AnswerOrRefuse => new()
    {
        { "a leading wildcard", "*foo" },
        { "an Arabic leading wildcard", "*وزير" },
        { "a one-letter prefix", "a*" },
        { "an Arabic one-letter prefix", "و*" },
        { "a lone wildcard", "*" },
        { "wildcards only", "*?*?*?*?" },
        { "a fuzzy operator", "وزير~2" },
        { "a boost", "وزير^100" },
        { "a field", "title:وزير" },
        { "a range", "[a TO z]" },
        { "a regular expression", "/.*/" },
        { "parentheses", "((((وزير))))" },
        { "unbalanced parentheses", "(((وزير" },
        { "backslashes", "\\\\\\" },
        { "NUL", "\0" },
        { "NUL inside a word", "وزي\0ر" },
        { "control characters", "\u0001\u0002\u0003\u001B[31m\u007F" },
        { "a bell and a backspace", "وزير\u0007\u0008" },
        { "line breaks", "وزير\r\nالخارجية\n" },
        { "tabs", "\tوزير\t" },
        { "zero-width characters", "\u200Bو\u200Cز\u200Dير\uFEFF" },
        { "direction marks", "\u200Fوزير\u200E\u202Eالخارجية\u202C" },
        { "mixed scripts", "وزيرminister الخارجيةforeign" },
        { "mixed scripts in one word", "كوفيدCovid19١٩" },
        { "Arabic-Indic digits", "٢٠٢١" },
        { "Persian digits", "۲۰۲۱" },
        { "harakat only", "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652" },
        { "tatweel only", "ـــــــ" },
        { "a word with tatweel", "وزيـــــر" },
        { "hamza forms", "أإآؤئءٱ" },
        { "emoji", "😀🇸🇦👍🏽" },
        { "emoji between words", "وزير😀الخارجية" },
        { "a family emoji", "👨‍👩‍👧‍👦" },
        { "a replacement character", "\uFFFD\uFFFD" },
        { "private-use characters", "\uE000\uF8FF" },
        { "CJK", "外交部" },
        { "HTML", "<script>alert(1)</script>" },
        { "SQL", "' OR 1=1; DROP TABLE documents; --" },
        { "a Lucene query", "body:وزير AND title:(بيان OR تصريح) -source:\"x\"~3^2" },
        { "a path", "../../etc/passwd" },
        { "a URL", "https://example.org/?q=1&x=%00" },
        { "a percent sign", "100%" },
        { "64 words", string.Join(' ', Enumerable.Range(0, 64).Select(i => "كلمة" + i)) },
        { "1,000 characters", new string('ب', 1_000) },
        { "a 1,000-character word of letters and dots", string.Join('.', Enumerable.Repeat("ب", 501))[..1_000] },
        { "65 words joined by commas", string.Join('،', Enumerable.Range(0, 65).Select(i => "كلمة" + i)) },
        { "65 words joined by hyphens", string.Join('-', Enumerable.Repeat("وزارة", 65)) },
        { "the same word 64 times", string.Join(' ', Enumerable.Repeat("وزير", 64)) },
        { "64 stop words", string.Join(' ', Enumerable.Repeat("في", 64)) },
        { "a phrase of 64 common words", "\"" + string.Join(' ', Enumerable.Repeat("الخارجية", 64)) + "\"" },
        { "64 ORs", string.Join(" OR ", Enumerable.Repeat("وزير", 64)) },
        { "64 exclusions", string.Join(' ', Enumerable.Range(0, 64).Select(i => "-كلمة" + i)) },
        { "an empty phrase", "\"\"" },
        { "an excluded empty phrase", "-\"\"" },
        { "only spaces", "     " },
        { "typographic quotes", "“وزير الخارجية”" },
        { "a lowercase or", "وزير or الخارجية" },
        { "an excluded OR", "-OR" },
    };

    [Theory]
    [MemberData(nameof(MustBeRefused))]
    public async Task Query_text_that_cannot_be_read_is_a_400_on_q(string what, string q)
    {
        var (response, text) = await SearchAsync(q);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        AssertRefusedOnQ(what, text);
    }

    [Theory]
    [MemberData(nameof(AnswerOrRefuse))]
    public async Task Odd_query_text_is_searched_or_refused_never_a_500(string what, string q)
    {
        var (response, text) = await SearchAsync(q);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            AssertRefusedOnQ(what, text);
        else
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt64() >= 0);
    }

    [Theory]
    [InlineData("كوفيد", "q-2")]
    [InlineData("covid", "q-2")]
    [InlineData("٢٠٢١", "q-3")]
    [InlineData("وزيـــــر", "q-1")]
    [InlineData("\u200Fوزير\u200E", "q-1")]
    [InlineData("وزير\u0000", "q-1")]
    [InlineData("😀 وزير", "q-1")]
    public async Task Odd_text_around_a_word_still_finds_it(string q, string id)
    {
        var (response, text) = await SearchAsync(q);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{RandomQueryText.Escape(q)}: {(int)response.StatusCode} {text}");
        var hits = JsonDocument.Parse(text).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString());
        Assert.Contains(id, hits);
    }

    [Fact]
    public async Task The_hostile_queries_changed_nothing()
    {
        foreach (var row in MustBeRefused.Concat(AnswerOrRefuse))
            await SearchAsync((string)row[1]);

        await factory.Canary.AssertUnchangedAsync(factory);
    }

    /// <summary>Searches (the fixture's canary search opened the searcher), and times the search: a slow answer is asked again, so that a pause of this busy machine is not taken for a slow query.</summary>
    private async Task<(HttpResponseMessage Response, string Text)> SearchAsync(string q)
    {
        var client = factory.CreateCheckedClient();
        var uri = $"/api/search?q={QueryValues.ToQueryValue(q)}&interval=day";
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.GetAsync(uri);
            var text = await response.Content.ReadAsStringAsync();
            if (clock.Elapsed < PerQuery)
                return (response, text);
            Assert.True(attempt < 2, $"{RandomQueryText.Escape(q.Length > 80 ? q[..80] + "…" : q)}: took {clock.Elapsed.TotalMilliseconds:F0} ms twice");
        }
    }

    private static void AssertRefusedOnQ(string what, string text)
    {
        var problem = JsonDocument.Parse(text).RootElement;
        var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty("q", out var q) ? q : default;
        Assert.True(messages.ValueKind == JsonValueKind.Array, $"{what}: no errors.q in {text}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()), $"{what}: an empty message in {text}");
    }
}

/// <summary>Tests that time their requests run one class at a time, so they do not slow each other down.</summary>
[CollectionDefinition(Name)]
public sealed class TimedCollection
{
    public const string Name = "Timed hostile tests";
}
