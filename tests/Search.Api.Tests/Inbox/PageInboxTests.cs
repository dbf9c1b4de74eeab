using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Inbox;

/// <summary>Pages dropped into the inbox and its folders: stored with a report in <c>done/</c>, or refused into <c>failed/</c>.</summary>
public sealed class PageInboxTests(FastInboxSearchApiFactory factory) : IClassFixture<FastInboxSearchApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Inbox => factory.InboxPath;

    private string InInbox(string folder, string relative) => Path.Combine(Inbox, folder, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes the file in place under a folder of the inbox, as a copy into a shared folder would.</summary>
    private void Drop(string relative, byte[] content)
    {
        var path = InInbox("", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private async Task<IngestReport> ReportAsync(string relative)
    {
        var report = InInbox("done", relative + ".report.json");
        Assert.True(await Poll.UntilAsync(() => File.Exists(report)), $"{relative} has no report in done/");
        return JsonSerializer.Deserialize<IngestReport>(await File.ReadAllTextAsync(report), Json)!;
    }

    private async Task<SearchHit> FoundAsync(string q)
    {
        var result = await Poll.UntilAsync(() => factory.CreateApi().SearchAsync(new SearchQuery { Q = q }), r => r.Total > 0);
        return Assert.Single(result.Hits);
    }

    [Fact]
    public async Task Text_and_html_pages_in_folders_and_encodings_are_ingested_and_found_by_a_phrase()
    {
        await factory.CreateApi().GetStatusAsync();
        var batch = Guid.NewGuid().ToString("N");
        var pages = new (string Name, byte[] Content, string Title, string Date, string Word)[5];
        for (var i = 0; i < pages.Length; i++)
            pages[i].Word = Statements.UniqueWord();
        pages[0] = ($"{batch}/2021/a.txt", StatementPages.Utf8(StatementPages.Text($"خطة المياه الأولى {pages[0].Word}", "٢٧ يوليو ٢٠٢١", pages[0].Word)), $"خطة المياه الأولى {pages[0].Word}", "2021-07-27", pages[0].Word);
        pages[1] = ($"{batch}/2021/b.txt", StatementPages.Utf16LittleEndian(StatementPages.Text($"خطة المياه الثانية {pages[1].Word}", "١٥ ذو الحجة ١٤٤٢ هـ", pages[1].Word)), $"خطة المياه الثانية {pages[1].Word}", "2021-07-25", pages[1].Word);
        pages[2] = ($"{batch}/old/c.txt", StatementPages.Windows1256.GetBytes(StatementPages.Text($"خطة المياه الثالثة {pages[2].Word}", "27/07/2021", pages[2].Word)), $"خطة المياه الثالثة {pages[2].Word}", "2021-07-27", pages[2].Word);
        pages[3] = ($"{batch}/site/d.html", StatementPages.Utf8WithBom(StatementPages.Html($"افتتاح الجسر {pages[3].Word}", """<meta itemprop="datePublished" content="2022-05-03">""", pages[3].Word)), $"افتتاح الجسر {pages[3].Word}", "2022-05-03", pages[3].Word);
        pages[4] = ($"{batch}/site/e.htm", StatementPages.Windows1256.GetBytes(StatementPages.Html($"افتتاح النفق {pages[4].Word}", "<p>الثلاثاء ٣ مايو/ أيار ٢٠٢٢</p>", pages[4].Word)), $"افتتاح النفق {pages[4].Word}", "2022-05-03", pages[4].Word);

        foreach (var page in pages)
            Drop(page.Name, page.Content);

        foreach (var page in pages)
        {
            var report = await ReportAsync(page.Name);
            Assert.Equal((1, 0, 0), (report.Accepted, report.Undated, report.Refused));
            Assert.True(File.Exists(InInbox("done", page.Name)));
            var phrase = page.Name.EndsWith(".txt") ? "\"عدادات ذكية في المباني الحكومية\"" : "\"سيخفف الازدحام المروري\"";
            var hit = await FoundAsync($"{phrase} +{page.Word}");
            Assert.Equal((page.Title, page.Date), (hit.Title, hit.Date));
            var document = await factory.CreateApi().GetDocumentAsync(hit.Id);
            foreach (var furniture in (string[])["Ru En", "فيسبوك", "الرئيسية", "جميع الحقوق", "أخبار أخرى", "متابعة"])
                Assert.DoesNotContain(furniture, document.Body);
        }
    }

    [Fact]
    public async Task An_undated_page_is_stored_and_reported_as_undated()
    {
        await factory.CreateApi().GetStatusAsync();
        var word = Statements.UniqueWord();
        var name = $"{Guid.NewGuid():N}/undated.txt";

        Drop(name, StatementPages.Utf8(StatementPages.Text($"خطة بلا تاريخ {word}", "", word)));

        var report = await ReportAsync(name);
        var page = Assert.Single(report.Pages);
        Assert.Equal((1, 1, true, (string?)null), (report.Accepted, report.Undated, page.Undated, page.Date));
        Assert.Null((await FoundAsync(word)).Date);
        var facets = (await factory.CreateApi().SearchAsync(new SearchQuery { Q = word })).Facets;
        Assert.Equal(1, facets.Undated);
        Assert.Empty(facets.Date);
    }

    [Fact]
    public async Task A_page_without_text_goes_to_failed_with_the_reason()
    {
        await factory.CreateApi().GetStatusAsync();
        var name = $"{Guid.NewGuid():N}/empty.html";

        Drop(name, StatementPages.Utf8("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"));

        var reason = InInbox("failed", name + ".reason.txt");
        Assert.True(await Poll.UntilAsync(() => File.Exists(reason)), $"{name} not refused");
        Assert.Contains("no article text", await File.ReadAllTextAsync(reason));
        Assert.True(File.Exists(InInbox("failed", name)));
    }

    [Fact]
    public async Task The_same_page_dropped_twice_is_one_document()
    {
        await factory.CreateApi().GetStatusAsync();
        var word = Statements.UniqueWord();
        var page = StatementPages.Text($"خطة مكررة {word}", "27 يوليو 2021", word);
        var folder = Guid.NewGuid().ToString("N");

        Drop($"{folder}/first.txt", StatementPages.Utf8(page));
        var first = await ReportAsync($"{folder}/first.txt");
        Drop($"{folder}/again/second.txt", StatementPages.Utf8WithBom(page));
        var second = await ReportAsync($"{folder}/again/second.txt");

        Assert.Equal(IngestedPage.Added, Assert.Single(first.Pages).Status);
        Assert.Equal(IngestedPage.Replaced, Assert.Single(second.Pages).Status);
        Assert.Equal(first.Pages[0].Id, second.Pages[0].Id);
        Assert.Equal(first.Pages[0].Id, (await FoundAsync(word)).Id);
    }
}
