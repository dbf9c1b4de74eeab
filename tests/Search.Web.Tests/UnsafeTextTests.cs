using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>Markup in a document is shown as its characters and never runs, in the results and in the document.</summary>
[Collection(PageCollection.Name)]
public sealed class UnsafeTextTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Pwned = "() => window.__pwned === undefined";

    [Fact]
    public async Task Script_and_image_tags_in_a_document_show_as_text_and_run_nothing()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.UnsafeWord}");

        var title = page.Locator($"#hits a[data-doc='{PageDocuments.UnsafeId}']");
        await Expect(title).ToContainTextAsync(PageDocuments.ScriptText);
        await Expect(title).ToContainTextAsync(PageDocuments.ImageText);
        await Expect(page.Locator("#hits .snippet")).ToContainTextAsync(PageDocuments.ScriptText);
        await AssertNothingRanAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "unsafe-results", output);

        await title.ClickAndWaitAsync();
        await Expect(page.Locator("#doc-title")).ToContainTextAsync(PageDocuments.ScriptText);
        await Expect(page.Locator("#doc-body")).ToContainTextAsync(PageDocuments.ImageText);
        // The body's own "<mark>" is text too: only the service's marks (the query's word) are elements.
        await Expect(page.Locator("#doc-body")).ToContainTextAsync("<mark>ليست علامتنا</mark>");
        await Expect(page.Locator("#doc-body")).ToContainTextAsync("&amp; كما هي");
        await Expect(page.Locator("#doc-body mark")).ToHaveTextAsync([PageDocuments.UnsafeWord]);
        await AssertNothingRanAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "unsafe-document", output);
    }

    private static async Task AssertNothingRanAsync(Microsoft.Playwright.IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>(Pwned), "window.__pwned was set");
        // The page's one module script, and no image at all.
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
    }
}
