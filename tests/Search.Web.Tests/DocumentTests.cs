using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>A document in full with the query's matches marked, and the way back to the results.</summary>
[Collection(PageCollection.Name)]
public sealed class DocumentTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_document_shows_its_whole_text_with_the_matches_marked_and_links_back_to_the_results()
    {
        var page = await browser.NewPageAsync();
        // Written without hamza: the service's analysis finds and marks "الأمطار".
        await page.OpenAsync("?q=الامطار&sort=newest");
        var results = page.Url;

        await page.Locator($"#hits a[data-doc='{PageDocuments.RainId}']").ClickAndWaitAsync();

        Assert.Equal(PageDocuments.RainId, page.Query()["doc"]);
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync(PageDocuments.RainTitle);
        await Expect(page.Locator("#doc-title mark")).ToHaveTextAsync("الأمطار");
        await Expect(page.Locator("#doc-body p")).ToHaveTextAsync(PageDocuments.RainParagraphs);
        await Expect(page.Locator("#doc-body mark")).ToHaveTextAsync(["الأمطار", "الأمطار"]);
        await Expect(page.Locator("#doc-view time")).ToHaveTextAsync("٢٧ يوليو ٢٠٢١");
        await Expect(page.Locator("#doc-view .source")).ToHaveTextAsync("هيئة الأرصاد");
        await Expect(page.Locator("#search-view")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "document", output);

        await page.Locator("#doc-view .back").First.ClickAndWaitAsync();
        Assert.Equal(results, page.Url);
        await Expect(page.Locator($"#hits a[data-doc='{PageDocuments.RainId}']")).ToBeFocusedAsync();

        // The browser's own buttons walk the same way.
        await page.GoForwardAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync(PageDocuments.RainTitle);
        await page.GoBackAsync();
        await Expect(page.Locator("#hits")).ToBeVisibleAsync();
        Assert.Equal(results, page.Url);
    }

    [Fact]
    public async Task A_document_of_a_story_lists_who_else_carried_it_and_opens_them()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");
        var carried = page.Locator("#hits .hit", new() { Has = page.Locator(".story") }).First;
        var id = await carried.Locator("a[data-doc]").First.GetAttributeAsync("data-doc");

        await carried.Locator("a[data-doc]").First.ClickAndWaitAsync();

        var copies = page.Locator("#doc-copies li a");
        await Expect(page.Locator("#doc-copies h3")).ToContainTextAsync("نشرته أيضًا");
        Assert.True(await copies.CountAsync() >= 1);
        Assert.DoesNotContain(id, await copies.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.doc)"));
        var other = await copies.First.GetAttributeAsync("data-doc");
        await copies.First.ClickAndWaitAsync();
        Assert.Equal(other, page.Query()["doc"]);
        await BrowserFixture.ScreenshotAsync(page, "document-copies", output);
    }

    [Fact]
    public async Task A_shared_document_address_opens_the_document_directly()
    {
        var page = await browser.NewPageAsync();

        await page.OpenAsync($"?q={PageDocuments.PortWord}&doc=port-03");

        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("بيان الميناء رقم 3");
        await Expect(page.Locator("#doc-body mark")).ToHaveCountAsync(2);
        await Expect(page.Locator("#doc-view a.original")).ToHaveAttributeAsync("href", "https://example.org/statements/port-03");
    }
}
