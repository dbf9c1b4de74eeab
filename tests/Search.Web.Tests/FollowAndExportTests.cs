using System.Text;
using System.Web;
using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>
/// The page's "تابع" (follow) link and the feed it announces to the browser point at the Atom feed of the
/// search shown, and its "تصدير" (export) link at that search's CSV export; both follow the search as it changes.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class FollowAndExportTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_follow_and_export_links_point_at_the_feed_and_the_export_of_the_search_shown()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}&source={Uri.EscapeDataString(PageDocuments.PortAuthority)}");

        var follow = page.Locator("#follow");
        await Expect(follow).ToHaveTextAsync("تابع");
        await Expect(follow).ToHaveAttributeAsync("type", "application/atom+xml");
        var feed = new Uri(await follow.EvaluateAsync<string>("a => a.href"));
        Assert.Equal("/api/search.atom", feed.AbsolutePath);
        var query = HttpUtility.ParseQueryString(feed.Query);
        Assert.Equal(PageDocuments.PortWord, query["q"]);
        Assert.Equal(PageDocuments.PortAuthority, query["source"]);
        Assert.Equal(feed, new Uri(await page.Locator("link[rel=alternate][type='application/atom+xml']").EvaluateAsync<string>("l => l.href")));

        var export = page.Locator("#export");
        await Expect(export).ToHaveTextAsync("تصدير");
        var csv = new Uri(await export.EvaluateAsync<string>("a => a.href"));
        Assert.Equal("/api/search/export", csv.AbsolutePath);
        var exportQuery = HttpUtility.ParseQueryString(csv.Query);
        Assert.Equal((PageDocuments.PortWord, PageDocuments.PortAuthority, "csv"), (exportQuery["q"], exportQuery["source"], exportQuery["format"]));
        await BrowserFixture.ScreenshotAsync(page, "follow-export", output);

        // The links answer: the feed is Atom, the export a CSV with as many rows as the page's total.
        using var client = new HttpClient();
        var atom = await client.GetAsync(feed);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        var rows = Encoding.UTF8.GetString(await client.GetByteArrayAsync(csv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var total = (await client.GetStringAsync(new Uri(browser.Service.BaseAddress, $"api/search?q={Uri.EscapeDataString(PageDocuments.PortWord)}&source={Uri.EscapeDataString(PageDocuments.PortAuthority)}&size=1")));
        Assert.Contains($"\"total\":{rows.Length - 1},", total, StringComparison.Ordinal);

        // A new search moves both links with it.
        await page.SearchForAsync(PageDocuments.HarvestWord);
        Assert.Equal(PageDocuments.HarvestWord, HttpUtility.ParseQueryString(new Uri(await follow.EvaluateAsync<string>("a => a.href")).Query)["q"]);
        Assert.Equal(PageDocuments.HarvestWord, HttpUtility.ParseQueryString(new Uri(await export.EvaluateAsync<string>("a => a.href")).Query)["q"]);
    }
}
