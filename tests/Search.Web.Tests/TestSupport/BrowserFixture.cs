using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Search.Web.Tests.TestSupport;

/// <summary>
/// One service and one headless Chromium for all the page tests: Debian's <c>chromium</c>
/// (installed by <c>.ci/run</c>), never a browser downloaded by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; <c>CHROMIUM_PATH</c> names another.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private IPlaywright? _playwright;

    public PageService Service { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH.");
        await Service.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser context (no history, no cache) with a page on the service (or another); desktop-sized unless told.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, PageService? service = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (service ?? Service).BaseAddress.ToString(),
            Locale = "ar-EG",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>TestResults/screenshots/NAME.png</c> under the test output and says where.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "search page";
}
