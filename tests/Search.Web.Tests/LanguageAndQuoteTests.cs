using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Search.Web.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>
/// Documents in other languages (issue 20): the language facet and filter, English and Russian read
/// left to right, "also in" links between versions; and quotations (issue 21): the speakers facet,
/// inside quotations only, and the quotations marked with their speakers in a document.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class LanguageAndQuoteTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_language_facet_filters_and_a_hit_in_english_reads_left_to_right()
    {
        var page = await browser.NewPageAsync();
        // Results in one language show no language facet.
        await page.OpenAsync($"?q={PageDocuments.PortWord}");
        await Expect(page.Locator("#sources-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#langs-panel")).ToBeHiddenAsync();

        await page.OpenAsync($"?{PageDocuments.TalksMonth}");
        await Expect(page.Locator("#langs a")).ToHaveCountAsync(3);
        await Expect(page.Locator("#langs a").First).ToContainTextAsync("العربية٣");
        await Expect(page.Locator("#langs a[data-key=en]")).ToContainTextAsync("English١");
        await Expect(page.Locator("#langs a bdi", new() { HasText = "Русский" })).ToHaveAttributeAsync("lang", "ru");

        await page.Locator("#langs a[data-key=en]").ClickAndWaitAsync();

        Assert.Equal("en", page.Query()["lang"]);
        await Expect(page.Locator("#lang-chip")).ToContainTextAsync("English");
        Assert.Equal([PageDocuments.TalksEnglishId], await page.HitIdsAsync());
        var hit = page.Locator("#hits .hit").First;
        await Expect(hit.Locator("h3")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(hit.Locator("h3")).ToHaveAttributeAsync("lang", "en");
        await Expect(hit.Locator(".snippet")).ToHaveAttributeAsync("dir", "ltr");
        Assert.Equal("ltr", await hit.Locator(".snippet").EvaluateAsync<string>("p => getComputedStyle(p).direction"));
        // The chosen language stays in the facet, to be undone there or on its chip.
        await Expect(page.Locator("#langs a[aria-current]")).ToContainTextAsync("English");
        await BrowserFixture.ScreenshotAsync(page, "language-english", output);

        await page.Locator("#lang-chip .remove").ClickAndWaitAsync();
        Assert.False(page.Query().ContainsKey("lang"));
        await Expect(page.Locator("#hits > li")).ToHaveCountAsync(5);
        // Arabic hits keep the page's direction.
        await Expect(page.Locator($"#hits .hit:has(h3 a[data-doc='{PageDocuments.TalksId}']) .snippet")).Not.ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task Also_in_links_lead_to_the_versions_and_the_document_marks_the_quotation_with_its_speaker()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?{PageDocuments.TalksMonth}&lang=ru");
        var arabic = page.Locator("#hits .versions a[hreflang=ar]");
        await Expect(page.Locator("#hits .versions")).ToContainTextAsync("متوفر أيضًا بـ: ");
        await Expect(arabic).ToHaveTextAsync("العربية");
        await Expect(arabic).ToHaveAttributeAsync("dir", "rtl");

        await arabic.ClickAndWaitAsync();

        Assert.Equal(PageDocuments.TalksId, page.Query()["doc"]);
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync(PageDocuments.TalksTitle);
        await Expect(page.Locator("#doc-versions a")).ToHaveTextAsync(["English", "Русский"]);
        var quote = page.Locator($"#doc-body q.quote[data-speaker='{PageDocuments.Peskov}']").First;
        await Expect(quote).ToHaveTextAsync(PageDocuments.PeskovQuote);
        await Expect(quote).ToHaveAttributeAsync("title", new Regex($"^{PageDocuments.Peskov} — .*الكرملين"));
        // The speaker is shown after the quotation, drawn by the style sheet: the body's text is its own.
        Assert.Contains(PageDocuments.Peskov, await quote.EvaluateAsync<string>("q => getComputedStyle(q, '::after').content"));
        await Expect(page.Locator("#doc-body p")).ToHaveTextAsync(PageDocuments.TalksParagraphs);

        // With a query, its matches stay marked inside the quotation.
        await page.OpenAsync($"?q={PageDocuments.TalksWord}&doc={PageDocuments.TalksId}");
        await Expect(page.Locator("#doc-body q.quote mark")).ToHaveTextAsync(PageDocuments.TalksWord);
        await Expect(page.Locator("#doc-body p")).ToHaveTextAsync(PageDocuments.TalksParagraphs);
        await BrowserFixture.ScreenshotAsync(page, "document-quotes", output);

        await page.Locator("#doc-versions a[hreflang=en]").ClickAndWaitAsync();

        Assert.Equal(PageDocuments.TalksEnglishId, page.Query()["doc"]);
        await Expect(page.Locator("#doc-view article")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator("#doc-view article")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("Kremlin: the negotiations are stalled");
        // The page's own words around it stay Arabic, right to left.
        await Expect(page.Locator("#doc-view article > p:has(.back)").First).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("#doc-view .meta")).ToHaveAttributeAsync("lang", "ar");
        await BrowserFixture.ScreenshotAsync(page, "document-english", output);
    }

    [Fact]
    public async Task Quotations_that_do_not_fit_the_body_are_left_out_and_the_rest_still_shown()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/highlighted**", async route =>
        {
            var response = await route.FetchAsync();
            var answer = JsonNode.Parse(await response.TextAsync())!;
            var quotes = answer["document"]!["quotes"]!.AsArray();
            quotes.Add(new JsonObject { ["speaker"] = "خارج النص", ["text"] = "x", ["start"] = 10, ["end"] = 100_000 });
            quotes.Add(new JsonObject { ["speaker"] = "بلا مواضع", ["text"] = "x", ["start"] = "a" });
            quotes.Add(new JsonObject { ["speaker"] = null, ["start"] = 0, ["end"] = 4 });
            await route.FulfillAsync(new() { Response = response, Body = answer.ToJsonString() });
        });

        await page.OpenAsync($"?q={PageDocuments.TalksWord}&doc={PageDocuments.TalksId}");

        await Expect(page.Locator($"#doc-body q.quote[data-speaker='{PageDocuments.Peskov}']").First).ToHaveTextAsync(PageDocuments.PeskovQuote);
        await Expect(page.Locator("#doc-body q.quote[data-speaker='خارج النص'], #doc-body q.quote[data-speaker='بلا مواضع']")).ToHaveCountAsync(0);
        // A quotation whose speaker is not named is marked without a name.
        var unnamed = page.Locator("#doc-body q.quote:not([data-speaker])");
        await Expect(unnamed).ToHaveTextAsync("وقال");
        Assert.DoesNotContain("—", await unnamed.EvaluateAsync<string>("q => getComputedStyle(q, '::after').content"));
        await Expect(unnamed).ToHaveAttributeAsync("title", "اقتباس لم يُذكر قائله");
        await Expect(page.Locator("#doc-body p")).ToHaveTextAsync(PageDocuments.TalksParagraphs);
    }

    [Fact]
    public async Task The_speakers_facet_and_inside_quotations_only_filter_the_results()
    {
        var page = await browser.NewPageAsync();
        await page.OpenAsync($"?q={PageDocuments.TalksWord}&collapse=none");
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٣");
        await Expect(page.Locator("#speakers a", new() { HasText = PageDocuments.Peskov })).ToContainTextAsync("١");
        await Expect(page.Locator("#speakers a", new() { HasText = PageDocuments.Lavrov })).ToContainTextAsync("١");

        await page.Locator("#in-quotes").AndWaitAsync(box => box.CheckAsync());

        Assert.Equal("quotes", page.Query()["in"]);
        await Expect(page.Locator("#in-chip")).ToBeVisibleAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢");
        Assert.DoesNotContain("talks-comment", await page.HitIdsAsync());

        await page.Locator("#speakers a", new() { HasText = PageDocuments.Peskov }).ClickAndWaitAsync();

        Assert.Equal(PageDocuments.Peskov, page.Query()["speaker"]);
        await Expect(page.Locator("#speaker-chip")).ToContainTextAsync(PageDocuments.Peskov);
        Assert.Equal([PageDocuments.TalksId], await page.HitIdsAsync());
        await Expect(page.Locator("#in-quotes")).ToBeCheckedAsync();
        await Expect(page.Locator("#speakers a[aria-current]")).ToContainTextAsync(PageDocuments.Peskov);
        await BrowserFixture.ScreenshotAsync(page, "speakers", output);

        await page.Locator("#speaker-chip .remove").ClickAndWaitAsync();
        Assert.False(page.Query().ContainsKey("speaker"));
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٢");

        await page.Locator("#in-quotes").AndWaitAsync(box => box.UncheckAsync());
        Assert.False(page.Query().ContainsKey("in"));
        await Expect(page.Locator("#summary")).ToContainTextAsync("عدد النتائج: ٣");
    }
}
