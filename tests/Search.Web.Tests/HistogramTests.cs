using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>A year of one statement beside a year of forty stays a visible bar with its count.</summary>
[Collection(PageCollection.Name)]
public sealed class HistogramTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_small_year_stays_visible_beside_a_large_one_with_its_count()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.HarvestWord}");
        await Expect(page.Locator("#histogram .bar")).ToHaveCountAsync(4);

        var small = page.Locator("#histogram [data-key='2016']");
        var large = page.Locator("#histogram [data-key='2019']");
        await Expect(small.Locator(".count")).ToBeVisibleAsync();
        await Expect(small.Locator(".count")).ToHaveTextAsync("١");
        await Expect(large.Locator(".count")).ToHaveTextAsync("٤٠");

        var smallHeight = (await small.Locator(".fill").BoundingBoxAsync())!.Height;
        var largeHeight = (await large.Locator(".fill").BoundingBoxAsync())!.Height;
        // On a linear scale the small bar would be a fortieth of the large one; on a square-root scale, about a sixth.
        Assert.True(smallHeight >= 6, $"the bar of one statement is {smallHeight}px tall");
        Assert.InRange(smallHeight / largeHeight, 0.12, 0.25);
        await BrowserFixture.ScreenshotAsync(page, "histogram-small-year", output);
    }
}
