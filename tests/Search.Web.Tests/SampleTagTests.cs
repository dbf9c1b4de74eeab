using System.Net.Http.Json;
using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>
/// The sample of invented statements a first start loads is tagged «عينة تجريبية» on every hit of
/// it, so it is never taken for real statements; once real documents are stored it is gone from the page.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class SampleTagTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Sample_statements_are_tagged_as_invented_and_gone_once_real_documents_arrive()
    {
        await using var service = new PageService(sampleOnly: true);
        await service.StartAsync();
        var page = await browser.NewPageAsync(service: service);
        await page.OpenAsync("?q=وزارة");

        var hits = page.Locator("#hits > li");
        await Expect(hits.First).ToBeVisibleAsync();
        var shown = await hits.CountAsync();
        Assert.True(shown > 0);
        await Expect(page.Locator("#hits .sample-tag")).ToHaveCountAsync(shown);
        await Expect(page.Locator("#hits .sample-tag").First).ToHaveTextAsync("عينة تجريبية");
        await BrowserFixture.ScreenshotAsync(page, "sample-tagged", output);

        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", PageService.AdminKey);
        var response = await client.PostAsJsonAsync("api/documents?wait=true", PageDocuments.All().Take(3));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);

        var fresh = await browser.NewPageAsync(service: service);
        await fresh.OpenAsync();
        await Expect(fresh.Locator("#hits > li").First).ToBeVisibleAsync();
        await Expect(fresh.Locator("#hits .sample-tag")).ToHaveCountAsync(0);
        Assert.All(await fresh.HitIdsAsync(), id => Assert.DoesNotContain("sample-", id));
    }
}
