using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>The date histogram: years, then a year's months, then a month's days; the period as a removable chip; from/to inputs.</summary>
[Collection(PageCollection.Name)]
public sealed class DateFacetTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Drilling_from_a_year_to_a_month_to_a_day_narrows_the_results_and_shows_the_period()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");
        await Expect(page.Locator("#timeline-title")).ToHaveTextAsync("النتائج حسب السنة");
        await Expect(page.Locator("#histogram .bar")).ToHaveCountAsync(3);

        await page.Locator("#histogram a[data-key='2021']").ClickAndWaitAsync();
        Assert.Equal("2021-01-01", page.Query()["from"]);
        Assert.Equal("2021-12-31", page.Query()["to"]);
        await Expect(page.Locator("#period-chip")).ToContainTextAsync("٢٠٢١");
        await Expect(page.Locator("#timeline-title")).ToHaveTextAsync("النتائج حسب الشهر");
        await Expect(page.Locator("#histogram .bar")).ToHaveCountAsync(12);
        Assert.All(await page.HitDatesAsync(), d => Assert.StartsWith("2021-", d));
        await BrowserFixture.ScreenshotAsync(page, "drill-year", output);

        await page.Locator("#histogram a[data-key='2021-07']").ClickAndWaitAsync();
        Assert.Equal("2021-07-01", page.Query()["from"]);
        Assert.Equal("2021-07-31", page.Query()["to"]);
        await Expect(page.Locator("#period-chip")).ToContainTextAsync("يوليو ٢٠٢١");
        await Expect(page.Locator("#histogram .bar")).ToHaveCountAsync(31);
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٧");
        Assert.All(await page.HitDatesAsync(), d => Assert.StartsWith("2021-07-", d));
        await BrowserFixture.ScreenshotAsync(page, "drill-month", output);

        await page.Locator("#histogram a[data-key='2021-07-27']").ClickAndWaitAsync();
        Assert.Equal("2021-07-27", page.Query()["from"]);
        Assert.Equal("2021-07-27", page.Query()["to"]);
        await Expect(page.Locator("#period-chip")).ToContainTextAsync("٢٧ يوليو ٢٠٢١");
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٣");
        Assert.All(await page.HitDatesAsync(), d => Assert.Equal("2021-07-27", d));
        await Expect(page.Locator("#hits time").First).ToHaveTextAsync("٢٧ يوليو ٢٠٢١");
        await Expect(page.Locator("#crumbs")).ToContainTextAsync("يوليو ٢٠٢١");
        await BrowserFixture.ScreenshotAsync(page, "drill-day", output);

        // Up one step by the path, then the chip's × removes the period altogether.
        await page.Locator("#crumbs a", new() { HasText = "يوليو ٢٠٢١" }).ClickAndWaitAsync();
        Assert.Equal("2021-07-01", page.Query()["from"]);
        await page.Locator("#period-chip .remove").ClickAndWaitAsync();
        Assert.False(page.Query().ContainsKey("from"));
        await Expect(page.Locator("#period-chip")).ToHaveCountAsync(0);
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
    }

    [Fact]
    public async Task From_and_to_dates_filter_the_results()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");

        await page.EnterPeriodAsync("2020-03-01", "2020-03-31");

        Assert.Equal("2020-03-01", page.Query()["from"]);
        await Expect(page.Locator("#period-chip")).ToContainTextAsync("مارس ٢٠٢٠");
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٣");
        Assert.All(await page.HitDatesAsync(), d => Assert.StartsWith("2020-03-", d));
    }
}
