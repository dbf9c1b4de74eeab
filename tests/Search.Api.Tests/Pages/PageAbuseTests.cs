using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client;

namespace Search.Api.Tests.Pages;

/// <summary>A service taking requests of at most 2 MB, with canaries stored before any test.</summary>
public sealed class PageAbuseFactory() : HostileApiFactory(null, maxRequestBytes: PageAbuseFactory.MaxRequestBytes), IAsyncLifetime
{
    public const int MaxRequestBytes = 2 << 20;

    public Canary Canary { get; private set; } = null!;

    public async Task InitializeAsync() => Canary = await Canary.PlantAsync(this);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Broken and hostile requests to <c>POST /api/pages</c>: a request that cannot be read is a 4xx
/// problem and stores nothing; a page that cannot be read is refused in the report (never stored);
/// names and ids never become paths; markup built to be slow is answered at once.
/// </summary>
public sealed class PageAbuseTests(PageAbuseFactory factory) : IClassFixture<PageAbuseFactory>
{
    private static ByteArrayContent Raw(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Page(string word) => $"بيان وزارة الخارجية {word}\n\nأعلنت الوزارة اليوم عن زيارة رسمية {word} إلى القاهرة.\n";

    private const string Boundary = "hostile-boundary";

    private static string Multipart(params string[] parts) =>
        string.Concat(parts.Select(p => $"--{Boundary}\r\n{p}")) + $"--{Boundary}--\r\n";

    private static string FilePart(string fileName, string content) =>
        $"Content-Disposition: form-data; name=\"pages\"; filename=\"{fileName}\"\r\nContent-Type: text/plain\r\n\r\n{content}\r\n";

    public static TheoryData<string, string, string, string?, int> BadRequests => new()
    {
        { "multipart without a boundary", "/api/pages", "multipart/form-data", "x", 400 },
        { "multipart cut short", "/api/pages", $"multipart/form-data; boundary={Boundary}", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"pages\"; filename=\"a.txt\"\r\n\r\nنص", 400 },
        { "multipart with the wrong boundary", "/api/pages", $"multipart/form-data; boundary={Boundary}", "--other\r\nContent-Disposition: form-data; name=\"pages\"; filename=\"a.txt\"\r\n\r\nنص\r\n--other--\r\n", 400 },
        { "multipart garbage", "/api/pages", $"multipart/form-data; boundary={Boundary}", "\u0000\u0001garbage", 400 },
        { "multipart of fields only", "/api/pages", $"multipart/form-data; boundary={Boundary}", Multipart("Content-Disposition: form-data; name=\"x\"\r\n\r\nنص\r\n"), 400 },
        { "multipart with an empty file", "/api/pages", $"multipart/form-data; boundary={Boundary}", Multipart(FilePart("a.txt", "")), 400 },
        { "multipart with a part without headers", "/api/pages", $"multipart/form-data; boundary={Boundary}", Multipart("\r\nنص\r\n"), 400 },
        { "an empty raw body", "/api/pages?name=a.txt", "text/plain", "", 400 },
        { "JSON", "/api/pages", "application/json", "{\"body\": \"نص\"}", 415 },
        { "XML", "/api/pages", "application/xml", "<p>نص</p>", 415 },
        { "wait=maybe", "/api/pages?wait=maybe&name=a.txt", "text/plain", Page("x"), 400 },
        { "no admin key", "/api/pages?name=a.txt", "text/plain", Page("x"), 401 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_request_that_cannot_be_read_is_a_4xx_problem_and_stores_nothing(string what, string path, string contentType, string? body, int status)
    {
        var client = factory.CreateCheckedClient(what == "no admin key" ? null : SearchApiFactory.AdminKey);
        var before = factory.Engine.Stats().ArchiveDocuments;

        var response = await client.PostAsync(path, Raw(Utf8(body ?? ""), contentType));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), $"{what}: no detail in {text}");
        await factory.Canary.AssertUnchangedAsync(factory, before);
    }

    [Fact]
    public async Task A_request_over_the_limit_is_a_413_and_stores_nothing()
    {
        var body = Utf8(Page("x") + new string('ن', PageAbuseFactory.MaxRequestBytes));
        var before = factory.Engine.Stats().ArchiveDocuments;

        var response = await factory.CreateCheckedClient().PostAsync("/api/pages?name=big.txt", Raw(body, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await factory.Canary.AssertUnchangedAsync(factory, before);
    }

    [Fact]
    public async Task A_form_over_the_limit_is_a_413_and_stores_nothing()
    {
        var word = Statements.UniqueWord();
        var form = PagesContent.FromFiles(Enumerable.Range(0, 30).Select(i => ($"p{i}.txt", Utf8(Page(word) + new string('ن', 40_000)))));
        var before = factory.Engine.Stats().ArchiveDocuments;

        var response = await factory.CreateCheckedClient().PostAsync("/api/pages", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await factory.Canary.AssertUnchangedAsync(factory, before);
    }

    public static TheoryData<string, string, byte[]> UnreadablePages => new()
    {
        { "random bytes", "application/octet-stream", Noise(4000, 7) },
        { "NUL bytes", "application/octet-stream", new byte[4000] },
        { "a PNG", "application/octet-stream", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Noise(3000, 8)] },
        { "a gzip", "application/octet-stream", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, .. Noise(3000, 9)] },
        { "random bytes said to be text", "text/plain", Noise(4000, 10) },
        { "random bytes said to be HTML", "text/html", Noise(4000, 11) },
        { "markup without text", "text/html", "<html><body><div><span></span></div><script>var x = 'نص';</script></body></html>"u8.ToArray() },
        { "only a menu", "text/html", "<html><body><nav><a href='/'>الرئيسية</a><a href='/x'>الأخبار</a></nav></body></html>"u8.ToArray() },
        { "whitespace", "text/plain", " \n\t\r\n "u8.ToArray() },
        { "a body over the limit", "text/plain", Encoding.UTF8.GetBytes("عنوان\n\n" + new string('ن', 1_000_001)) },
        { "a title over the limit", "text/html", Encoding.UTF8.GetBytes($"<html><head><title>{new string('ع', 5000)}</title></head><body><h1>{new string('ع', 5000)}</h1><p>نص البيان</p></body></html>") },
    };

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(UnreadablePages))]
    public async Task A_page_that_is_not_an_article_is_refused_in_the_report_and_not_stored(string what, string contentType, byte[] body)
    {
        var before = factory.Engine.Stats().ArchiveDocuments;
        var response = await factory.CreateCheckedClient().PostAsync("/api/pages?name=x", Raw(body, contentType));
        var text = await response.Content.ReadAsStringAsync();

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {text}");
            var page = JsonDocument.Parse(text).RootElement.GetProperty("pages")[0];
            Assert.True(page.GetProperty("status").GetString() == "refused", $"{what}: {text}");
            Assert.False(string.IsNullOrWhiteSpace(page.GetProperty("reason").GetString()), $"{what}: {text}");
        }
        await factory.Canary.AssertUnchangedAsync(factory, before);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt")]
    [InlineData("/etc/passwd.txt")]
    [InlineData("..\\..\\windows\\win.ini.txt")]
    [InlineData("C:\\Windows\\x.txt")]
    [InlineData("....//....//x.txt")]
    [InlineData("inbox/../../admin.key.txt")]
    [InlineData("%2e%2e%2fx.txt")]
    [InlineData("a\u0000b.txt")]
    public async Task A_file_name_is_reported_without_a_way_out_and_never_becomes_a_path(string fileName)
    {
        var word = Statements.UniqueWord();
        var before = Directory.EnumerateFileSystemEntries(factory.DataPath).Order().ToList();
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Utf8(Page(word)));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "pages", FileNameStar = fileName };
        form.Add(part);

        var response = await factory.CreateCheckedClient().PostAsync("/api/pages", form);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var name = JsonDocument.Parse(text).RootElement.GetProperty("pages")[0].GetProperty("name").GetString()!;
            Assert.DoesNotContain("..", name.Split('/'));
            Assert.False(name.StartsWith('/') || name.Contains(':') || name.Contains('\\'), name);
        }
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(factory.DataPath).Order().ToList());
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(factory.DataPath, "..", "..", "etc", "passwd.txt"))));
    }

    [Theory]
    [InlineData("../../etc/passwd", true)]
    [InlineData("%2e%2e%2fadmin.key", true)]
    [InlineData("a\u0001b", false)]
    [InlineData("a\u0000b", false)]
    public async Task An_id_given_with_a_page_is_a_plain_key_or_refused(string id, bool stored)
    {
        var word = Statements.UniqueWord();

        var response = await factory.CreateCheckedClient().PostAsync($"/api/pages?name=a.txt&id={Uri.EscapeDataString(id)}&wait=true", Raw(Utf8(Page(word)), "text/plain"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        if (stored)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(word, factory.Engine.Get(id)?.Body);
            factory.Engine.Delete(id);
        }
        else
        {
            Assert.Null(factory.Engine.Get(id));
            Assert.Null(factory.Engine.Get(id.Trim()));
        }
    }

    private static async Task<(HttpResponseMessage Response, string Text, TimeSpan Elapsed)> PostTimedAsync(HttpClient client, string html)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/pages?name=slow.html", Raw(Utf8(html), "text/html"));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text, clock.Elapsed);
    }

    /// <summary>Markup and the seconds it may take: nesting costs the HTML parser time quadratic in its depth; size costs time in proportion.</summary>
    public static TheoryData<string, string, double> SlowMarkup => new()
    {
        { "40,000 nested divs", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 40_000)) + "<p>نص البيان</p>" + string.Concat(Enumerable.Repeat("</div>", 40_000)) + "</body></html>", 2 },
        { "30,000 unclosed nested divs", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 30_000)) + "<p>نص البيان</p>", 2 },
        { "40,000 nested spans in a paragraph", "<html><body><p>" + string.Concat(Enumerable.Repeat("<span>", 40_000)) + "نص البيان</p></body></html>", 2 },
        { "100,000 paragraphs", "<html><body>" + string.Concat(Enumerable.Repeat("<p>نص</p>", 100_000)) + "</body></html>", 20 },
        { "an unclosed comment", "<html><body><p>نص البيان</p><!--" + new string('-', 1_000_000), 5 },
        { "a million attributes' worth", "<html><body><p " + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"a{i}='x' ")) + ">نص البيان</p></body></html>", 5 },
        { "a long script", "<html><body><script>" + new string('x', 1_500_000) + "</script><p>نص البيان</p></body></html>", 5 },
    };

    [Theory]
    [MemberData(nameof(SlowMarkup))]
    public async Task Markup_built_to_be_slow_is_answered_at_once(string what, string html, double seconds)
    {
        var client = factory.CreateCheckedClient();

        var (response, text, elapsed) = await PostTimedAsync(client, html);
        var quick = TimeSpan.FromSeconds(seconds);
        // A little over: once more, to tell the markup from a pause of this busy machine; far over is the markup.
        if (elapsed >= quick && elapsed < quick * 3)
            (response, text, elapsed) = await PostTimedAsync(client, html);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: {(int)response.StatusCode} {text}");
        Assert.True(elapsed < quick, $"{what}: took {elapsed.TotalSeconds:F1} s ({Encoding.UTF8.GetByteCount(html) >> 10} KB)");
    }
}
