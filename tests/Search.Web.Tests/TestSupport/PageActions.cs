using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests.TestSupport;

/// <summary>What a person does on the page, and what the tests read back from it.</summary>
public static class PageActions
{
    /// <summary>Opens the page at a state (a query string, or "" for the start) and waits until its results are shown.</summary>
    public static async Task OpenAsync(this IPage page, string query = "")
    {
        await page.GotoAsync(query);
        await page.WaitForShownAsync();
    }

    /// <summary>Types a query into the search box and presses Enter, as a person would.</summary>
    public static async Task SearchForAsync(this IPage page, string text)
    {
        await page.Locator("#q").FillAsync(text);
        await page.Locator("#q").AndWaitAsync(box => box.PressAsync("Enter"));
    }

    /// <summary>Types a period into the from/to fields as a person would and applies it.</summary>
    public static async Task EnterPeriodAsync(this IPage page, string from, string to)
    {
        await page.Locator("#from").FillAsync(from);
        await page.Locator("#to").FillAsync(to);
        await page.Locator("#dates button").ClickAndWaitAsync();
    }

    /// <summary>Waits until the page has answered the state in its address (the service has replied and it is drawn).</summary>
    public static Task WaitForShownAsync(this IPage page) =>
        Expect(page.Locator("body")).ToHaveAttributeAsync("data-shown", new System.Text.RegularExpressions.Regex(".+"));

    /// <summary>Clicks and waits until the page shows the new state.</summary>
    public static Task ClickAndWaitAsync(this ILocator locator) => locator.AndWaitAsync(l => l.ClickAsync());

    /// <summary>Does something to an element, then waits until the page has shown the state that led to.</summary>
    public static async Task AndWaitAsync(this ILocator locator, Func<ILocator, Task> action)
    {
        var body = locator.Page.Locator("body");
        var before = await body.GetAttributeAsync("data-shown");
        await action(locator);
        await Expect(body).Not.ToHaveAttributeAsync("data-shown", before ?? "");
    }

    public static Task<string[]> HitIdsAsync(this IPage page) =>
        page.Locator("#hits h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.doc)");

    public static Task<string[]> HitDatesAsync(this IPage page) =>
        page.Locator("#hits time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");

    public static Task<IReadOnlyList<string>> HitSourcesAsync(this IPage page) =>
        page.Locator("#hits .source").AllTextContentsAsync();

    /// <summary>The query string of the page's address, decoded.</summary>
    public static IReadOnlyDictionary<string, string> Query(this IPage page) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query) is var q
            ? q.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => q[k]!)
            : new Dictionary<string, string>();
}
