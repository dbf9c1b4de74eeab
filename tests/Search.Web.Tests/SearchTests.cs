using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>Searching from the box: results with Arabic dates, marks, the total and the time; sorting; the keyboard; a phone.</summary>
[Collection(PageCollection.Name)]
public sealed class SearchTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_search_shows_titles_arabic_dates_sources_marked_snippets_the_total_and_the_time()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();

        await page.SearchForAsync(PageDocuments.PortWord);

        Assert.Equal(PageDocuments.PortWord, page.Query()["q"]);
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
        await Expect(page.Locator("#summary")).ToContainTextAsync("ملّي ثانية");
        await Expect(page.Locator("#hits > li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#hits .snippet mark").First).ToHaveTextAsync(PageDocuments.PortWord);
        await Expect(page.Locator("#hits h3 a").First).ToContainTextAsync("بيان الميناء رقم");
        await Expect(page.Locator("#hits .source").First).Not.ToBeEmptyAsync();

        // The newest first when sorted so: 2022-12-01, shown the Arabic way with the ISO date beside it.
        await page.Locator("#sort").SelectOptionAsync("newest");
        await Expect(page.Locator("#hits time").First).ToHaveAttributeAsync("datetime", "2022-12-01");
        await Expect(page.Locator("#hits time").First).ToHaveTextAsync("١ ديسمبر ٢٠٢٢");
        await Expect(page.Locator("#hits .iso").First).ToHaveTextAsync("2022-12-01");
        Assert.Equal("newest", page.Query()["sort"]);
        await BrowserFixture.ScreenshotAsync(page, "search", output);
    }

    [Fact]
    public async Task Sorting_by_oldest_puts_the_earliest_statement_first()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");

        await page.Locator("#sort").SelectOptionAsync("oldest");
        await Expect(page.Locator("#hits time").First).ToHaveAttributeAsync("datetime", "2020-03-05");

        var dates = await page.HitDatesAsync();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal("oldest", page.Query()["sort"]);
    }

    [Fact]
    public async Task The_keyboard_reaches_the_search_box_with_slash_and_the_results_with_tab()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync();
        await page.Locator(".site a").FocusAsync();

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(PageDocuments.PortWord);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#summary")).ToContainTextAsync("٢٤");

        // Tab from the box gets to a result's title link, whose focus is drawn.
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("document.activeElement.matches('#hits h3 a')"); i++)
            await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#doc-title")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task On_a_phone_the_sources_go_below_the_results()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.OpenAsync($"?q={PageDocuments.PortWord}");

        var results = await page.Locator("#results").BoundingBoxAsync();
        var sources = await page.Locator("#sources-panel").BoundingBoxAsync();
        Assert.True(sources!.Y >= results!.Y + results.Height, "the sources panel is below the results");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page does not scroll sideways");
        await BrowserFixture.ScreenshotAsync(page, "phone", output);
    }
}
