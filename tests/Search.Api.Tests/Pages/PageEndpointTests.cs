using System.Net;
using System.Net.Http.Headers;
using Search.Api.Tests.TestSupport;
using Search.Client;
using Search.Client.Contracts;

namespace Search.Api.Tests.Pages;

/// <summary><c>POST /api/pages</c>: pages as multipart files (as the CLI sends them) or as the raw body, and the report.</summary>
public sealed class PageEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static HttpContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private async Task<SearchResponse> SearchAsync(string q) => await factory.CreateApi().SearchAsync(new SearchQuery { Q = q });

    [Fact]
    public async Task Pages_sent_as_files_are_reported_one_by_one_with_the_totals()
    {
        var word = Statements.UniqueWord();
        var title = $"اللجنة الوطنية تعلن خطة لترشيد المياه {word}";
        var files = new (string, byte[])[]
        {
            ("2021/يوليو/بيان.txt", StatementPages.Utf8(StatementPages.Text(title, "٢٧ يوليو ٢٠٢١", word))),
            ("site/bridge.html", StatementPages.Windows1256.GetBytes(StatementPages.Html($"افتتاح الجسر الجديد {word}", "", word))),
            ("undated.txt", StatementPages.Utf16LittleEndian(StatementPages.Text($"خطة بلا تاريخ {word}", "", word + "x"))),
            ("empty.htm", StatementPages.Utf8("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>")),
        };

        var report = await factory.CreateApi().PostPagesAsync(PagesContent.FromFiles(files));

        Assert.Equal((3, 0, 2, 1), (report.Accepted, report.Replaced, report.Undated, report.Refused));
        Assert.Equal(["2021/يوليو/بيان.txt", "site/bridge.html", "undated.txt", "empty.htm"], report.Pages.Select(p => p.Name));
        Assert.Equal([IngestedPage.Added, IngestedPage.Added, IngestedPage.Added, IngestedPage.Refused], report.Pages.Select(p => p.Status));
        Assert.Equal((title, "2021-07-27", false, "utf-8"), (report.Pages[0].Title, report.Pages[0].Date, report.Pages[0].Undated, report.Pages[0].Encoding));
        Assert.Equal(($"افتتاح الجسر الجديد {word}", "windows-1256"), (report.Pages[1].Title, report.Pages[1].Encoding));
        Assert.True(report.Pages[2].Undated);
        Assert.Equal("no article text was found in the page", report.Pages[3].Reason);
        var stored = await factory.CreateApi().GetDocumentAsync(report.Pages[0].Id!);
        Assert.Equal((title, "2021-07-27", "اللجنة الوطنية للمياه"), (stored.Title, stored.Date, stored.Source));
        Assert.DoesNotContain("Ru En", stored.Body);
        Assert.DoesNotContain("فيسبوك", stored.Body);
    }

    [Fact]
    public async Task A_raw_html_page_with_wait_is_found_by_a_phrase_from_its_body()
    {
        var word = Statements.UniqueWord();
        var html = StatementPages.Html($"افتتاح الجسر {word}", """<time datetime="2022-05-03T10:00:00+03:00">٣ مايو ٢٠٢٢</time>""", word);

        var response = await factory.CreateClient().PostAsync($"/api/pages?wait=true&name=bridge.html", Raw(StatementPages.Utf8(html), "text/html; charset=utf-8"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var hit = Assert.Single((await SearchAsync($"\"سيخفف الازدحام المروري في وسط المدينة\" +{word}")).Hits);
        Assert.Equal(($"افتتاح الجسر {word}", "2022-05-03"), (hit.Title, hit.Date));
        Assert.Equal(0, (await SearchAsync($"+{word} +الرئيسية")).Total);
    }

    [Fact]
    public async Task The_same_page_twice_is_one_document_reported_as_replaced_the_second_time()
    {
        var word = Statements.UniqueWord();
        var page = StatementPages.Text($"خطة لترشيد المياه {word}", "الثلاثاء 27 يوليو/ تموز 2021", word);

        var first = await factory.CreateApi().PostPagesAsync(PagesContent.FromFiles([("a.txt", StatementPages.Utf8(page))]));
        var second = await factory.CreateApi().PostPagesAsync(PagesContent.FromFiles([("elsewhere/b.txt", StatementPages.Utf16BigEndian(page))]));

        Assert.Equal(IngestedPage.Added, Assert.Single(first.Pages).Status);
        Assert.Equal((1, 1), (second.Accepted, second.Replaced));
        Assert.Equal(first.Pages[0].Id, second.Pages[0].Id);
        Assert.Equal(1, (await Poll.UntilAsync(() => SearchAsync(word), r => r.Total >= 1)).Total);
    }

    [Fact]
    public async Task A_raw_page_takes_its_address_and_id_from_the_query()
    {
        var word = Statements.UniqueWord();
        var id = Statements.UniqueId("page");

        var response = await factory.CreateClient().PostAsync($"/api/pages?id={id}&url=https://www.example.org/news/1",
            Raw(StatementPages.Utf8WithBom(StatementPages.Text($"خطة المياه {word}", "2021-07-27", word)), "text/plain"));
        var report = System.Text.Json.JsonSerializer.Deserialize<IngestReport>(await response.Content.ReadAsStringAsync(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        Assert.Equal(id, Assert.Single(report.Pages).Id);
        Assert.Equal("https://www.example.org/news/1", (await factory.CreateApi().GetDocumentAsync(id)).Url);
    }

    [Fact]
    public async Task Needs_the_admin_key()
    {
        var response = await factory.CreateAnonymousClient().PostAsync("/api/pages", Raw(StatementPages.Utf8("نص"), "text/plain"));

        await response.ReadProblemAsync(401);
    }

    [Fact]
    public async Task An_empty_request_is_a_400_and_another_content_type_a_415()
    {
        await (await factory.CreateClient().PostAsync("/api/pages", Raw([], "text/plain"))).ReadProblemAsync(400);
        var unsupported = await (await factory.CreateClient().PostAsync("/api/pages", Raw(StatementPages.Utf8("{}"), "application/json"))).ReadProblemAsync(415);
        Assert.Contains("text/html", unsupported.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refused_batch_still_answers_with_the_report()
    {
        var report = await factory.CreateApi().PostPagesAsync(PagesContent.FromFiles([("blank.txt", StatementPages.Utf8("\n\n"))]));

        Assert.Equal((0, 1), (report.Accepted, report.Refused));
        Assert.Equal(IngestedPage.Refused, Assert.Single(report.Pages).Status);
    }
}
