using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>Paging with the back button, and the source facet.</summary>
[Collection(PageCollection.Name)]
public sealed class PagingAndSourceTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_story_carried_many_times_is_listed_once_with_its_other_copies_a_click_away()
    {
        // The port's statements are one template with a number changed: collapsed (the default), few stories.
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");

        var story = page.Locator("#hits .hit .story").First;
        await Expect(story).ToContainTextAsync("ونشرته");
        // The other outlets are named, each as text of its own.
        await Expect(story.Locator("bdi").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^({PageDocuments.PortAuthority}|{PageDocuments.TransportMinistry})$"));
        await Expect(story).Not.ToContainTextAsync("[object");
        await Expect(page.Locator("#summary")).ToContainTextAsync("خبرًا مختلفًا");

        await story.Locator("a.all-copies").ClickAndWaitAsync();

        Assert.Equal("none", page.Query()["collapse"]);
        Assert.Equal(10, (await page.HitIdsAsync()).Length);
        await Expect(page.Locator("#summary")).ToContainTextAsync("الصفحة ١ من ٣");
        await BrowserFixture.ScreenshotAsync(page, "stories", output);
    }

    [Fact]
    public async Task The_next_page_shows_other_hits_and_the_back_button_returns_to_the_first()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}&collapse=none");
        var first = await page.HitIdsAsync();
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("١");

        await page.Locator("#pager a[rel=next]").ClickAndWaitAsync();

        Assert.Equal("2", page.Query()["page"]);
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("٢");
        await Expect(page.Locator("#summary")).ToContainTextAsync("الصفحة ٢ من ٣");
        var second = await page.HitIdsAsync();
        Assert.Equal(10, second.Length);
        Assert.Empty(first.Intersect(second));
        await BrowserFixture.ScreenshotAsync(page, "paging", output);

        await page.Locator("#pager a", new() { HasText = "٣" }).ClickAndWaitAsync();
        Assert.Equal(4, (await page.HitIdsAsync()).Length);

        await page.GoBackAsync();
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("٢");
        Assert.Equal(second, await page.HitIdsAsync());
        await page.GoBackAsync();
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("١");
        Assert.False(page.Query().ContainsKey("page"));
        Assert.Equal(first, await page.HitIdsAsync());
    }

    [Fact]
    public async Task Choosing_a_source_keeps_only_its_statements_until_the_chip_is_removed()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}&collapse=none");
        await Expect(page.Locator("#sources a", new() { HasText = PageDocuments.PortAuthority })).ToContainTextAsync("١٢");

        await page.Locator("#sources a", new() { HasText = PageDocuments.PortAuthority }).ClickAndWaitAsync();

        Assert.Equal(PageDocuments.PortAuthority, page.Query()["source"]);
        await Expect(page.Locator("#source-chip")).ToContainTextAsync(PageDocuments.PortAuthority);
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ١٢");
        Assert.All(await page.HitSourcesAsync(), s => Assert.Equal(PageDocuments.PortAuthority, s));
        await BrowserFixture.ScreenshotAsync(page, "source", output);

        await page.Locator("#source-chip .remove").ClickAndWaitAsync();
        Assert.False(page.Query().ContainsKey("source"));
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
    }
}
