using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>
/// The page speaks Arabic throughout: dates are typed the Arabic way (read by the service) and shown
/// back in Arabic, and a query the service refuses is explained in Arabic at the right character.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class ArabicEntryTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Dates_typed_the_arabic_way_filter_and_are_shown_back_in_arabic()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");
        await Expect(page.Locator("#from")).ToHaveAttributeAsync("type", "text");

        await page.EnterPeriodAsync("١ يوليو ٢٠٢١", "٣١/٧/٢٠٢١");

        Assert.Equal(("2021-07-01", "2021-07-31"), (page.Query()["from"], page.Query()["to"]));
        await Expect(page.Locator("#period-chip")).ToContainTextAsync("يوليو ٢٠٢١");
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٧");
        await Expect(page.Locator("#from")).ToHaveValueAsync("١ يوليو ٢٠٢١");
        await Expect(page.Locator("#to")).ToHaveValueAsync("٣١ يوليو ٢٠٢١");
        await BrowserFixture.ScreenshotAsync(page, "dates-arabic", output);

        // A Hijri date and a Levantine month name, read by the service: 17 Dhu al-Hijjah 1442 is 27 July 2021.
        await page.EnterPeriodAsync("١٧ ذو الحجة ١٤٤٢ هـ", "27 تموز 2021");

        Assert.Equal(("2021-07-27", "2021-07-27"), (page.Query()["from"], page.Query()["to"]));
        await Expect(page.Locator("#period-chip")).ToContainTextAsync("٢٧ يوليو ٢٠٢١");
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٣");
        await Expect(page.Locator("#from")).ToHaveValueAsync("٢٧ يوليو ٢٠٢١");
    }

    [Fact]
    public async Task A_date_the_service_cannot_read_is_said_in_arabic_and_the_search_stays()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.PortWord}");

        await page.Locator("#from").FillAsync("أمس");
        await page.Locator("#dates button").ClickAsync();

        await Expect(page.Locator("#dates-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#dates-error")).ToContainTextAsync("لم نفهم التاريخ «أمس» في خانة «من»");
        await Expect(page.Locator("#from")).ToBeFocusedAsync();
        Assert.False(page.Query().ContainsKey("from"));
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢٤");
    }

    [Fact]
    public async Task A_refused_query_is_explained_in_arabic()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync();

        // Everything typed is searched; only a query beyond the limits is refused, here by its words.
        await page.SearchForAsync(string.Join(' ', Enumerable.Range(0, 70).Select(i => PageDocuments.PortWord + i)));

        var notice = page.Locator("#refused");
        await Expect(notice).ToContainTextAsync("تعذّر فهم الاستعلام");
        await Expect(notice).ToContainTextAsync("كلمات البحث أكثر من المسموح به");
        Assert.DoesNotMatch("[A-Za-z]", await notice.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "refused-arabic", output);

        await page.SearchForAsync($"{PageDocuments.PortWord} \"الأمطار");

        await Expect(page.Locator("#refused")).ToHaveCountAsync(0);
    }
}
