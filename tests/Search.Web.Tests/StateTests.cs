using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>The friendly states: nothing found, a query the service refuses, the service not ready.</summary>
[Collection(PageCollection.Name)]
public sealed class StateTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task No_results_suggests_removing_the_filters_and_removing_them_brings_results()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}&from=2019-01-01&to=2019-12-31&source={PageDocuments.PortAuthority}");

        await Expect(page.Locator("#no-results")).ToContainTextAsync("لا توجد نتائج");
        await Expect(page.Locator("#no-results")).ToContainTextAsync("جرّب إزالة بعضها");
        await Expect(page.Locator("#hits > li")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "no-results", output);

        await page.Locator("#no-results a", new() { HasText = "إزالة كل الفلاتر" }).ClickAndWaitAsync();

        await Expect(page.Locator("#no-results")).ToHaveCountAsync(0);
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
    }

    [Fact]
    public async Task A_page_past_the_last_offers_the_first_page()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}&page=9");

        await Expect(page.Locator("#past-the-end")).ToBeVisibleAsync();
        await page.Locator("#past-the-end a").ClickAndWaitAsync();

        Assert.False(page.Query().ContainsKey("page"));
        await Expect(page.Locator("#hits > li")).ToHaveCountAsync(10);
    }

    [Fact]
    public async Task A_query_the_service_refuses_shows_an_arabic_message()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync();

        await page.SearchForAsync(new string('ب', 1_001));

        await Expect(page.Locator("#refused")).ToContainTextAsync("تعذّر فهم الاستعلام");
        await Expect(page.Locator("#refused .service-messages")).ToContainTextAsync("نص البحث أطول من المسموح به");
        await Expect(page.Locator("#results")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "refused", output);
    }

    [Fact]
    public async Task A_service_that_is_not_ready_is_said_so_and_retrying_later_shows_the_results()
    {
        var page = await browser.NewPageAsync();
        await page.Context.RouteAsync("**/api/search**", route => route.FulfillAsync(new() { Status = 503 }));
        await page.Context.RouteAsync("**/health/ready", route => route.FulfillAsync(new() { Status = 503 }));

        await page.OpenAsync($"?q={PageDocuments.PortWord}");

        await Expect(page.Locator("#unavailable")).ToContainTextAsync("الخدمة غير جاهزة بعد");
        await BrowserFixture.ScreenshotAsync(page, "not-ready", output);

        await page.Context.UnrouteAllAsync();
        await page.Locator("#unavailable button").ClickAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
        await Expect(page.Locator("#unavailable")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Too_many_requests_wait_as_the_service_asks_and_then_try_again_by_themselves()
    {
        var page = await browser.NewPageAsync();
        await page.Context.RouteAsync("**/api/search**", route => route.FulfillAsync(new()
        {
            Status = 429,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        }));

        await page.OpenAsync($"?q={PageDocuments.PortWord}");
        await Expect(page.Locator("#unavailable")).ToContainTextAsync("طلبات كثيرة");
        await page.Context.UnrouteAllAsync();

        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
    }
}
