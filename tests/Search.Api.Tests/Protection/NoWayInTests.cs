using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Protection;

/// <summary>A service that generated its admin key into <c>admin.key</c> in its data folder.</summary>
public sealed class GeneratedKeyFactory() : HostileApiFactory(new Dictionary<string, string> { ["Search:AdminApiKey"] = "" });

/// <summary>
/// No way in: ids and paths cannot reach files, no answer shows a stack trace, an exception or a
/// path of the service, cross-origin reads are closed unless configured, and every client is held
/// to its rate.
/// </summary>
public sealed class NoWayInTests(HostileApiFactory factory, GeneratedKeyFactory keyed) : IClassFixture<HostileApiFactory>, IClassFixture<GeneratedKeyFactory>
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("../../../../../../../../etc/passwd")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("%2e%2e%2f%2e%2e%2fadmin.key")]
    [InlineData("..%2F..%2Fadmin.key")]
    [InlineData("/etc/passwd")]
    [InlineData("../admin.key")]
    [InlineData("admin.key")]
    [InlineData("archive.db")]
    [InlineData("../archive.db")]
    [InlineData("inbox/done/x.jsonl")]
    [InlineData("file:///etc/passwd")]
    [InlineData("~/.ssh/id_rsa")]
    [InlineData("C:\\Windows\\System32")]
    [InlineData("\\\\server\\share")]
    [InlineData("con")]
    [InlineData("nul.txt")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("\" OR 1=1")]
    [InlineData("*")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("<script>")]
    [InlineData("بيان/../../سر")]
    public async Task A_path_like_id_is_stored_as_a_plain_key_never_as_a_file(string id)
    {
        var client = factory.CreateCheckedClient();
        var word = Statements.UniqueWord();
        var before = TopLevelEntries();

        var response = await client.PostNdjsonAsync([Statements.Doc(id, $"نص {word}")], wait: true);

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.ReadProblemAsync(400);
            Assert.Equal("id", Assert.Single(problem.DocumentErrors()).Field);
            Assert.Null(factory.Engine.Get(id));
        }
        else
        {
            await response.ReadAcceptedAsync();
            Assert.Equal($"نص {word}", factory.Engine.Get(id)?.Body);
            var found = await client.GetJsonAsync($"/api/search?q={word}");
            Assert.Equal(id, Assert.Single(found.GetProperty("hits").EnumerateArray()).GetProperty("id").GetString());
            if (!id.Contains('/') && !id.Contains('\\') && id is not "." and not "..")
            {
                var stored = await client.GetJsonAsync($"/api/documents/{Uri.EscapeDataString(id)}");
                Assert.Equal(id, stored.GetProperty("id").GetString());
            }
        }
        Assert.Equal(before, TopLevelEntries());
        Assert.Empty(NewEntriesAround(id));
    }

    [Theory]
    [InlineData(513)]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public async Task A_very_long_id_is_refused_on_id(int length)
    {
        var id = new string('ي', length);

        var problem = await (await factory.CreateCheckedClient().PostNdjsonAsync([Statements.Doc(id, "نص")])).ReadProblemAsync(400);

        var error = Assert.Single(problem.DocumentErrors());
        Assert.Equal("id", error.Field);
        Assert.Null(factory.Engine.Get(id));
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u0000")]
    [InlineData("a\u0001")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\tb")]
    [InlineData("\u001B[31mred")]
    [InlineData("a\u007F")]
    [InlineData("a\u0085b")]
    public async Task An_id_with_control_characters_is_refused_on_id(string id)
    {
        var problem = await (await factory.CreateCheckedClient().PostNdjsonAsync([Statements.Doc(id, "نص")])).ReadProblemAsync(400);

        Assert.Equal("id", Assert.Single(problem.DocumentErrors()).Field);
        Assert.Null(factory.Engine.Get(id));
    }

    /// <remarks>
    /// Paths with <c>%00</c> are not here: Kestrel refuses them (bare 400) before the service sees
    /// them, and the test server cannot send them at all.
    /// </remarks>
    public static TheoryData<string> PathsToTheKey =>
    [
        "/api/documents/..%2F..%2Fadmin.key",
        "/api/documents/..%2fadmin.key",
        "/api/documents/..%2F..%2F..%2Fadmin.key",
        "/api/documents/%2e%2e%2fadmin.key",
        "/api/documents/%2E%2E%2F%2E%2E%2Fadmin.key",
        "/api/documents/..%5Cadmin.key",
        "/api/documents/..%5C..%5Cadmin.key",
        "/api/documents/..%252F..%252Fadmin.key",
        "/api/documents/%252e%252e%252fadmin.key",
        "/api/documents/..%c0%afadmin.key",
        "/api/documents/..%ef%bc%8fadmin.key",
        "/api/documents/../../admin.key",
        "/api/documents/....//....//admin.key",
        "/api/documents/admin.key",
        "/admin.key",
        "/api/admin.key",
        "/api/../admin.key",
        "/inbox/../admin.key",
        "/api/admin/reindex/..%2F..%2F..%2Fadmin.key",
        "/api/admin/reindex/..%2F..%2Fadmin.key",
        "/archive.db",
        "/api/documents/..%2F..%2Farchive.db",
        "/generations/",
        "/api/documents/" + new string('.', 3000),
    ];

    [Theory]
    [MemberData(nameof(PathsToTheKey))]
    public async Task No_path_reaches_the_key_file(string path)
    {
        var service = keyed;
        var keyFile = Path.Combine(service.DataPath, "admin.key");
        await service.CreateCheckedClient(adminKey: null).PostNdjsonAsync("{}\n"); // the key is made when first needed
        Assert.True(await Poll.UntilAsync(() => File.Exists(keyFile)), "no admin.key was generated");
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        Assert.True(key.Length >= 16);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head, HttpMethod.Delete })
        {
            // As a client sends it (dot segments resolved by the client's URI rules) ...
            var response = await service.CreateCheckedClient(adminKey: null).SendAsync(new HttpRequestMessage(method, path));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain(key, body);
            Assert.DoesNotContain("SQLite format", body);

            // ... and as it arrives raw, dot segments and all.
            var context = await service.Server.SendAsync(c =>
            {
                c.Request.Method = method.Method;
                c.Request.Path = PathString.FromUriComponent(path);
            });
            var rawBody = await new StreamReader(context.Response.Body).ReadToEndAsync();
            var type = context.Response.ContentType is { } t ? System.Net.Http.Headers.MediaTypeHeaderValue.Parse(t) : null;
            ResponseCheck.Verify($"{method} {path} (raw)", method, context.Response.StatusCode, type, rawBody, service.DataPath);
            Assert.True(context.Response.StatusCode is >= 400 and < 500, $"{method} {path} (raw): {context.Response.StatusCode} {rawBody}");
            Assert.DoesNotContain(key, rawBody);
            Assert.DoesNotContain("SQLite format", rawBody);
        }
    }

    [Fact]
    public async Task Error_answers_show_no_stack_trace_exception_or_path()
    {
        var client = factory.CreateCheckedClient();
        var anonymous = factory.CreateCheckedClient(adminKey: null);
        var requests = new List<Func<Task<HttpResponseMessage>>>
        {
            () => client.GetAsync("/nowhere"),
            () => client.GetAsync("/api"),
            () => client.GetAsync("/api/search?size=abc&page=-1&from=x&to=y&sort=z&interval=w&cursor=!"),
            () => client.GetAsync("/api/search?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("x", 65)))),
            () => client.GetAsync("/api/search?q=" + Uri.EscapeDataString(new string('x', 5000))),
            () => client.PutAsync("/api/search", new StringContent("x")),
            () => client.PostAsync("/api/documents", new StringContent("<xml/>", Encoding.UTF8, "application/xml")),
            () => client.PostAsync("/api/documents?wait=perhaps", new StringContent("{}", Encoding.UTF8, "application/json")),
            () => client.PostAsync("/api/documents", new StringContent("{\"id\": \"x\", \"body\": \"\\ud800\"}", Encoding.UTF8, "application/json")),
            () => client.PostAsync("/api/documents", new StringContent("[" + new string('[', 5000) + new string(']', 5000) + "]", Encoding.UTF8, "application/json")),
            () => client.PostAsync("/api/documents", new ByteArrayContent([0xFF, 0xFE, 0x00])),
            () => anonymous.PostAsync("/api/documents", new StringContent("{}", Encoding.UTF8, "application/json")),
            () => anonymous.PostAsync("/api/admin/reindex", null),
            () => anonymous.GetAsync("/api/admin/stats"),
            () => client.GetAsync("/api/admin/reindex/" + Uri.EscapeDataString("../../x")),
            () => client.DeleteAsync("/api/admin/reindex/none"),
            () => client.DeleteAsync("/api/documents/" + Uri.EscapeDataString("../../etc/shadow")),
            () => client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/api/search")),
            () => client.SendAsync(new HttpRequestMessage(new HttpMethod("PROPFIND"), "/api/documents")),
        };
        var before = ResponseCheck.Checked;

        foreach (var request in requests)
        {
            var response = await request();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
        }

        Assert.True(ResponseCheck.Checked - before >= requests.Count);
    }

    [Fact]
    public async Task A_cross_origin_read_gets_no_cors_header_by_default()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await factory.CreateCheckedClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("/api/search", "GET")]
    [InlineData("/api/documents", "POST")]
    [InlineData("/api/documents/x", "DELETE")]
    [InlineData("/api/admin/reindex", "POST")]
    public async Task A_preflight_by_default_allows_nothing_and_is_no_500(string path, string method)
    {
        var response = await factory.CreateCheckedClient().SendAsync(Preflight(path, method, "https://evil.example"));

        Assert.True((int)response.StatusCode < 500);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Options_without_cors_headers_is_no_500()
    {
        foreach (var path in new[] { "/api/search", "/api/documents", "/api/documents/x", "/", "/nowhere", "*" })
        {
            var response = await factory.CreateCheckedClient().SendAsync(new HttpRequestMessage(HttpMethod.Options, path));
            Assert.True((int)response.StatusCode < 500, $"OPTIONS {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_configured_origin_may_read_and_no_other()
    {
        await using var service = HostileApiFactory.Create(new Dictionary<string, string> { ["Search:CorsOrigins:0"] = "https://allowed.example" });
        var client = service.CreateCheckedClient();

        var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        allowed.Headers.Add("Origin", "https://allowed.example");
        var allowedResponse = await client.SendAsync(allowed);
        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Equal("https://allowed.example", Assert.Single(allowedResponse.Headers.GetValues("Access-Control-Allow-Origin")));

        var evil = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        evil.Headers.Add("Origin", "https://evil.example");
        Assert.False((await client.SendAsync(evil)).Headers.Contains("Access-Control-Allow-Origin"));

        var lookalike = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        lookalike.Headers.Add("Origin", "https://allowed.example.evil.example");
        Assert.False((await client.SendAsync(lookalike)).Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = await client.SendAsync(Preflight("/api/search", "GET", "https://allowed.example"));
        Assert.True((int)preflight.StatusCode is >= 200 and < 300, $"preflight: {(int)preflight.StatusCode}");
        Assert.Equal("https://allowed.example", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));

        // Writes stay same-origin or server-to-server.
        var write = await client.SendAsync(Preflight("/api/documents", "POST", "https://allowed.example"));
        Assert.True((int)write.StatusCode < 500);
        Assert.False(write.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("POST")));
        var evilPreflight = await client.SendAsync(Preflight("/api/search", "GET", "https://evil.example"));
        Assert.False(evilPreflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task The_page_is_served_with_security_headers(string path)
    {
        var response = await factory.CreateCheckedClient().GetAsync(path);
        Skip.If(response.StatusCode == HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "text/html",
            $"the service serves no page at {path}");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no Content-Security-Policy");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.True(csp.Contains("frame-ancestors") || response.Headers.Contains("X-Frame-Options"), "the page can be framed");
        Assert.True(response.Headers.Contains("Referrer-Policy"), "no Referrer-Policy");
    }

    private static HttpRequestMessage Preflight(string path, string method, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type, x-api-key");
        return request;
    }

    /// <summary>
    /// A file at the path the id names, resolved against the data folder. Files right in the data
    /// folder are the top-level entries compared before and after; paths outside the tests'
    /// temporary folder cannot be told apart from the machine's own files.
    /// </summary>
    private IEnumerable<string> NewEntriesAround(string id)
    {
        var target = Path.GetFullPath(Path.Combine(factory.DataPath, id.Replace('\\', '/')));
        var testsRoot = Path.GetDirectoryName(factory.DataPath)!;
        if (!target.StartsWith(testsRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.GetDirectoryName(target) == factory.DataPath)
            return [];
        return File.Exists(target) ? [target] : [];
    }

    /// <summary>
    /// The data folder's entries but the archive's files and the inbox, which the inbox worker creates when
    /// it first runs, whenever that is after the host starts (a check that began first saw it appear).
    /// </summary>
    private string[] TopLevelEntries() =>
        Directory.EnumerateFileSystemEntries(factory.DataPath)
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.StartsWith("archive.db", StringComparison.Ordinal) && n != "inbox")
            .Order(StringComparer.Ordinal)
            .ToArray()!;
}
