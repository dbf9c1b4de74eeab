using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Documents;

/// <summary>A service with small limits (2,000-character bodies, 64 KB requests) and canaries stored before any test.</summary>
public sealed class DocumentAbuseFactory() : HostileApiFactory(
    new Dictionary<string, string> { ["Search:MaxBodyChars"] = "2000" }, maxRequestBytes: DocumentAbuseFactory.MaxRequestBytes), IAsyncLifetime
{
    public const int MaxRequestBytes = 64 * 1024;

    public Canary Canary { get; private set; } = null!;

    public async Task InitializeAsync() => Canary = await Canary.PlantAsync(this);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Every kind of broken write: malformed JSON or NDJSON, wrong types, missing fields, a body over
/// the limit, invalid UTF-8, NUL bytes, lone surrogates, an empty body, a request over the
/// limit, another content type, no key, a bad parameter. Each is a 4xx problem that names the
/// problem (by line and field when it is a document's), and afterwards the archive and the index
/// are exactly what they were: nothing of a refused request is stored.
/// </summary>
public sealed class DocumentAbuseTests(DocumentAbuseFactory factory) : IClassFixture<DocumentAbuseFactory>
{
    /// <summary>
    /// A bad write. <c>{id}</c> in the body stands for an id unique to the run; <c>{id}-2</c> and
    /// <c>{id}-3</c> are its siblings, all checked to be absent afterwards.
    /// </summary>
    /// <param name="Status">The status expected; 0 for any 4xx.</param>
    /// <param name="Line">The line (or array element) a document error must name.</param>
    /// <param name="Field">The field that error must name (null: the whole line).</param>
    /// <param name="Keyword">Text the reason of that error, or the detail of the problem, must hold.</param>
    public sealed record BadWrite(
        Func<string, byte[]> Body,
        string? ContentType = "application/x-ndjson",
        int Status = 400,
        int? Line = null,
        string? Field = null,
        string? Keyword = null,
        string Method = "POST",
        string Path = "/api/documents",
        string? Key = SearchApiFactory.AdminKey);

    private static Func<string, byte[]> Text(string template) => id => Encoding.UTF8.GetBytes(template.Replace("{id}", id));

    private static Func<string, byte[]> Bytes(params object[] parts) => id => parts.SelectMany(p => p switch
    {
        string text => Encoding.UTF8.GetBytes(text.Replace("{id}", id)),
        byte[] bytes => bytes,
        _ => throw new ArgumentException("a part is text or bytes"),
    }).ToArray();

    private static string Valid(string suffix) => $$"""{"id": "{id}{{suffix}}", "title": "بيان", "date": "2021-06-01", "body": "نص سليم", "source": "وكالة"}""";

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    public static readonly Dictionary<string, BadWrite> Cases = new()
    {
        // Malformed JSON Lines
        ["ndjson: a line cut short"] = new(Text("""{"id": "{id}", "body": """), Line: 1, Keyword: "JSON"),
        ["ndjson: an unclosed string"] = new(Text("""{"id": "{id}", "body": "نص لم يغلق"""), Line: 1, Keyword: "JSON"),
        ["ndjson: trailing text after the object"] = new(Text("""{"id": "{id}", "body": "نص"} زيادة"""), Line: 1, Keyword: "JSON"),
        ["ndjson: two objects on one line"] = new(Text("""{"id": "{id}", "body": "أ"}{"id": "{id}-2", "body": "ب"}"""), Line: 1, Keyword: "JSON"),
        ["ndjson: single quotes"] = new(Text("""{'id': '{id}', 'body': 'نص'}"""), Line: 1, Keyword: "JSON"),
        ["ndjson: a trailing comma"] = new(Text("""{"id": "{id}", "body": "نص",}"""), Line: 1, Keyword: "JSON"),
        ["ndjson: a comment"] = new(Text("""{"id": "{id}", /* x */ "body": "نص"}"""), Line: 1, Keyword: "JSON"),
        ["ndjson: a pretty-printed object"] = new(Text("{\n  \"id\": \"{id}\",\n  \"body\": \"نص\"\n}\n"), Line: 1, Keyword: "JSON"),
        ["ndjson: a bad line among good ones"] = new(Text(Valid("") + "\n" + """{"id": "{id}-2", "body": """ + "\n" + Valid("-3") + "\n"), Line: 2, Keyword: "JSON"),
        ["ndjson: a bad line after blank lines"] = new(Text("\n\n" + Valid("") + "\n\r\n" + """{"id": "{id}-2"}""" + "\n"), Line: 5, Field: "body"),
        ["ndjson: nesting too deep"] = new(Text("""{"id": "{id}", "body": "نص", "extra": """ + Nested(64) + "}"), Line: 1, Keyword: "JSON"),
        ["ndjson: a string, not an object"] = new(Text("\"{id}\""), Line: 1, Keyword: "object"),
        ["ndjson: a number, not an object"] = new(Text("42"), Line: 1, Keyword: "object"),
        ["ndjson: null, not an object"] = new(Text("null"), Line: 1, Keyword: "object"),
        ["ndjson: true, not an object"] = new(Text("true"), Line: 1, Keyword: "object"),

        // Wrong types, missing fields
        ["missing id"] = new(Text("""{"body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id null"] = new(Text("""{"id": null, "body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id empty"] = new(Text("""{"id": "", "body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id blank"] = new(Text("""{"id": "   ", "body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id an object"] = new(Text("""{"id": {"x": "{id}"}, "body": "نص"}"""), Line: 1, Field: "id"),
        ["id an array"] = new(Text("""{"id": ["{id}"], "body": "نص"}"""), Line: 1, Field: "id"),
        ["id a boolean"] = new(Text("""{"id": true, "body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id a fraction"] = new(Text("""{"id": 1.5, "body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id out of range"] = new(Text("""{"id": 1e400, "body": "نص {id}"}"""), Line: 1, Field: "id"),
        ["id too long"] = new(Text($$"""{"id": "{id}{{new string('x', 600)}}", "body": "نص"}"""), Line: 1, Field: "id", Keyword: "512"),
        ["id with a NUL"] = new(Text("""{"id": "{id}\u0000", "body": "نص"}"""), Line: 1, Field: "id"),
        ["id with a control character"] = new(Text("""{"id": "{id}\u0007", "body": "نص"}"""), Line: 1, Field: "id"),
        ["id with a line break"] = new(Text("""{"id": "{id}\nx", "body": "نص"}"""), Line: 1, Field: "id"),
        ["id with a lone surrogate"] = new(Text("""{"id": "{id}\udc00", "body": "نص"}"""), Line: 1, Field: "id"),
        ["missing body"] = new(Text("""{"id": "{id}", "title": "بلا نص"}"""), Line: 1, Field: "body"),
        ["body null"] = new(Text("""{"id": "{id}", "body": null}"""), Line: 1, Field: "body"),
        ["body empty"] = new(Text("""{"id": "{id}", "body": ""}"""), Line: 1, Field: "body"),
        ["body blank"] = new(Text("""{"id": "{id}", "body": " \t\n "}"""), Line: 1, Field: "body"),
        ["body a number"] = new(Text("""{"id": "{id}", "body": 7}"""), Line: 1, Field: "body"),
        ["body an array"] = new(Text("""{"id": "{id}", "body": ["نص"]}"""), Line: 1, Field: "body"),
        ["body an object"] = new(Text("""{"id": "{id}", "body": {"text": "نص"}}"""), Line: 1, Field: "body"),
        ["body over the configured limit"] = new(Text($$"""{"id": "{id}", "body": "{{new string('ن', 2001)}}"}"""), Line: 1, Field: "body", Keyword: "2000"),
        ["body with a NUL"] = new(Text("""{"id": "{id}", "body": "نص\u0000نص"}"""), Line: 1, Field: "body", Keyword: "NUL"),
        ["body with a lone surrogate"] = new(Text("""{"id": "{id}", "body": "نص \ud800 نص"}"""), Line: 1, Field: "body"),
        ["body with a reversed surrogate pair"] = new(Text("""{"id": "{id}", "body": "\udc00\ud800"}"""), Line: 1, Field: "body"),
        ["a lone surrogate in a field name"] = new(Text("""{"\ud800": "x", "id": "{id}", "title": "بلا نص"}"""), Line: 1),
        ["title a number"] = new(Text("""{"id": "{id}", "title": 1, "body": "نص"}"""), Line: 1, Field: "title"),
        ["title too long"] = new(Text($$"""{"id": "{id}", "title": "{{new string('ع', 4097)}}", "body": "نص"}"""), Line: 1, Field: "title"),
        ["title with a NUL"] = new(Text("""{"id": "{id}", "title": "\u0000", "body": "نص"}"""), Line: 1, Field: "title"),
        ["title with a lone surrogate"] = new(Text("""{"id": "{id}", "title": "\ud83d", "body": "نص"}"""), Line: 1, Field: "title"),
        ["date a number"] = new(Text("""{"id": "{id}", "date": 20210601, "body": "نص"}"""), Line: 1, Field: "date"),
        ["date an object"] = new(Text("""{"id": "{id}", "date": {"y": 2021}, "body": "نص"}"""), Line: 1, Field: "date"),
        ["date that does not exist"] = new(Text("""{"id": "{id}", "date": "2021-02-30", "body": "نص"}"""), Line: 1, Field: "date"),
        ["date with month 13"] = new(Text("""{"id": "{id}", "date": "2021-13-01", "body": "نص"}"""), Line: 1, Field: "date"),
        ["date in words"] = new(Text("""{"id": "{id}", "date": "أمس", "body": "نص"}"""), Line: 1, Field: "date"),
        ["source an object"] = new(Text("""{"id": "{id}", "source": {}, "body": "نص"}"""), Line: 1, Field: "source"),
        ["source too long"] = new(Text($$"""{"id": "{id}", "source": "{{new string('s', 513)}}", "body": "نص"}"""), Line: 1, Field: "source"),
        ["lang a boolean"] = new(Text("""{"id": "{id}", "lang": false, "body": "نص"}"""), Line: 1, Field: "lang"),
        ["category a number"] = new(Text("""{"id": "{id}", "category": 3, "body": "نص"}"""), Line: 1, Field: "category"),
        ["url an array"] = new(Text("""{"id": "{id}", "url": ["https://x"], "body": "نص"}"""), Line: 1, Field: "url"),

        // JSON arrays
        ["array: cut short"] = new(Text("[" + Valid("") + ","), "application/json", Keyword: "JSON"),
        ["array: a trailing comma"] = new(Text("[" + Valid("") + ",]"), "application/json", Keyword: "JSON"),
        ["array: text after it"] = new(Text("[" + Valid("") + "] []"), "application/json", Keyword: "JSON"),
        ["array: not objects"] = new(Text("""[1, "{id}", null, []]"""), "application/json", Line: 4, Keyword: "object"),
        ["array: a bad element among good ones"] = new(Text("[" + Valid("") + ", {\"id\": \"{id}-2\", \"body\": false}, " + Valid("-3") + "]"), "application/json", Line: 2, Field: "body"),
        ["array: nesting too deep"] = new(Text("[" + Nested(40) + "]"), "application/json", Keyword: "JSON"),
        ["array: empty"] = new(Text("[]"), "application/json"),

        // Bytes that are not UTF-8 text, and NUL bytes
        ["invalid UTF-8"] = new(Bytes("""{"id": "{id}", "body": "نص """, new byte[] { 0xC3, 0x28, 0xFF }, "\"}\n"), Keyword: "UTF-8"),
        ["an overlong UTF-8 slash"] = new(Bytes("""{"id": "{id}", "body": "..""", new byte[] { 0xC0, 0xAF }, "\"}\n"), Keyword: "UTF-8"),
        ["an encoded surrogate (CESU-8)"] = new(Bytes("""{"id": "{id}", "body": "نص""", new byte[] { 0xED, 0xA0, 0x80 }, "\"}\n"), Keyword: "UTF-8"),
        ["UTF-16 with its byte-order mark"] = new(id => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Valid("").Replace("{id}", id))], Keyword: "UTF-8"),
        ["a raw NUL byte in a string"] = new(Bytes("""{"id": "{id}", "body": "نص""", new byte[] { 0 }, "نص\"}\n"), Line: 1, Keyword: "JSON"),
        ["a raw NUL byte between lines"] = new(Bytes(Valid("") + "\n", new byte[] { 0 }, "\n" + Valid("-2") + "\n"), Line: 2),
        ["binary noise"] = new(_ => [.. Enumerable.Range(0, 2048).Select(i => (byte)((i * 7919) % 256))]),

        // Empty bodies
        ["an empty body"] = new(_ => [], Keyword: "no documents"),
        ["an empty JSON body"] = new(_ => [], "application/json", Keyword: "no documents"),
        ["blank lines only"] = new(Text("\n \r\n\t\n"), Keyword: "no documents"),
        ["a byte-order mark only"] = new(_ => [0xEF, 0xBB, 0xBF], Keyword: "no documents"),

        // Too large
        ["a request over the limit"] = new(id => Encoding.UTF8.GetBytes(Valid("").Replace("{id}", id) + "\n" + new string(' ', DocumentAbuseFactory.MaxRequestBytes)), Status: 413, Keyword: "65536"),
        ["a request of many valid lines over the limit"] = new(id => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => Valid("-" + i).Replace("{id}", id) + "\n"))), Status: 413),

        // The wrong content type, key, parameters or method
        ["content type text/xml"] = new(Text(Valid("")), "text/xml", Status: 415),
        ["content type form"] = new(Text(Valid("")), "application/x-www-form-urlencoded", Status: 415),
        ["content type multipart"] = new(Text(Valid("")), "multipart/form-data; boundary=x", Status: 415),
        ["content type gibberish"] = new(Text(Valid("")), "!!!/???", Status: 0),
        ["no content type, bad body"] = new(Text("""{"id": "{id}", "body": """), null, Status: 0),
        ["no admin key"] = new(Text(Valid("")), Status: 401, Key: null),
        ["the wrong admin key"] = new(Text(Valid("")), Status: 403, Key: "not-the-key"),
        ["an admin key of 10,000 characters"] = new(Text(Valid("")), Status: 403, Key: new string('k', 10_000)),
        ["wait=maybe"] = new(Text(Valid("")), Status: 400, Path: "/api/documents?wait=maybe"),
        ["PUT"] = new(Text(Valid("")), Status: 405, Method: "PUT"),
        ["PATCH"] = new(Text(Valid("")), Status: 405, Method: "PATCH"),
        ["POST to a document"] = new(Text(Valid("")), Status: 405, Path: "/api/documents/{id}"),
        ["DELETE without an id"] = new(_ => [], null, Status: 405, Method: "DELETE", Path: "/api/documents/"),
        ["DELETE of an unknown id"] = new(_ => [], null, Status: 404, Method: "DELETE", Path: "/api/documents/{id}"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_write_is_a_4xx_problem_naming_it_and_changes_nothing(string name)
    {
        var bad = Cases[name];
        var id = Statements.UniqueId("refused");

        var response = await SendAsync(bad, id);
        var text = await response.Content.ReadAsStringAsync();

        if (bad.Status == 0)
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {text}");
        else
            Assert.True((int)response.StatusCode == bad.Status, $"{name}: expected {bad.Status}, got {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        AssertNamesTheProblem(name, bad, json.RootElement);

        foreach (var refused in new[] { id, id + "-2", id + "-3", id + "-0", id + "-1999" })
            Assert.Null(factory.Engine.Get(refused));
        await factory.Canary.AssertUnchangedAsync(factory);
    }

    [Fact]
    public async Task A_request_over_the_limit_without_a_length_is_a_413_and_stores_nothing()
    {
        // A service of its own: should the limit not hold, what got in must not upset the other tests' canaries.
        await using var service = HostileApiFactory.Create(maxRequestBytes: DocumentAbuseFactory.MaxRequestBytes);
        var id = Statements.UniqueId("chunked");
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => Valid("-" + i).Replace("{id}", id) + "\n"));
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(lines)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        Assert.Null(content.Headers.ContentLength);

        var response = await service.CreateCheckedClient().PostAsync("/api/documents", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(service.Engine.Get(id + "-0"));
        Assert.Equal(0, service.Engine.Stats().ArchiveDocuments);
    }

    [Fact]
    public async Task A_delete_without_the_key_leaves_the_document()
    {
        var id = factory.Canary.Ids.First();
        foreach (var key in new[] { null, "wrong" })
        {
            var response = await factory.CreateCheckedClient(key).DeleteAsync($"/api/documents/{Uri.EscapeDataString(id)}");
            Assert.Equal(key is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
        }
        await factory.Canary.AssertUnchangedAsync(factory);
    }

    [Fact]
    public async Task The_default_body_limit_is_a_million_characters()
    {
        await using var service = HostileApiFactory.Create();
        var client = service.CreateCheckedClient();
        var over = Statements.UniqueId("million");
        var at = Statements.UniqueId("million");

        var refused = await client.PostNdjsonAsync($$"""{"id": "{{over}}", "body": "{{new string('ن', 1_000_001)}}"}""" + "\n");
        var problem = await refused.ReadProblemAsync(400);
        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal(("body", 1), (error.Field, error.Line));
        Assert.Contains("1000000", error.Reason);
        Assert.Null(service.Engine.Get(over));

        await (await client.PostNdjsonAsync($$"""{"id": "{{at}}", "body": "{{new string('ن', 1_000_000)}}"}""" + "\n")).ReadAcceptedAsync();
        Assert.Equal(1_000_000, service.Engine.Get(at)!.Body.Length);
    }

    private Task<HttpResponseMessage> SendAsync(BadWrite bad, string id)
    {
        var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path.Replace("{id}", id));
        var body = bad.Body(id);
        if (bad.Method is "POST" or "PUT" or "PATCH" || body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            if (bad.ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", bad.ContentType);
        }
        return factory.CreateCheckedClient(bad.Key).SendAsync(request);
    }

    private static void AssertNamesTheProblem(string name, BadWrite bad, JsonElement problem)
    {
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        if (bad.Line is null && bad.Field is null)
        {
            if (bad.Keyword is not null)
                Assert.True(detail.Contains(bad.Keyword, StringComparison.OrdinalIgnoreCase) || ErrorsText(problem).Contains(bad.Keyword, StringComparison.OrdinalIgnoreCase),
                    $"{name}: '{bad.Keyword}' in neither the detail nor the errors of {problem}");
            return;
        }
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array, $"{name}: no per-line errors in {problem}");
        var listed = problem.DocumentErrors();
        Assert.NotEmpty(listed);
        Assert.All(listed, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"{name}: an error without a reason in {problem}"));
        var match = listed.FirstOrDefault(e => (bad.Line is null || e.Line == bad.Line) && (bad.Field is null || e.Field == bad.Field));
        Assert.True(match is not null, $"{name}: no error on line {bad.Line}, field {bad.Field ?? "(none)"} in {problem}");
        if (bad.Keyword is not null)
            Assert.True(match.Reason.Contains(bad.Keyword, StringComparison.OrdinalIgnoreCase), $"{name}: '{bad.Keyword}' not in '{match.Reason}'");
    }

    private static string ErrorsText(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "";

    /// <summary>A stream that hides its length, so the request goes without Content-Length (chunked).</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
