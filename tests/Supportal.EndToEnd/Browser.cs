using Microsoft.Playwright;

namespace Supportal.EndToEnd;

/// <summary>
/// One headless Chromium (Debian's, never a downloaded build) for the whole run. SUPPORTAL_CHROMIUM overrides
/// the path; SUPPORTAL_SCREENSHOTS names a folder to keep screenshots in.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("SUPPORTAL_SCREENSHOTS");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SUPPORTAL_CHROMIUM") ?? "/usr/bin/chromium",
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1366, int height = 900, string locale = "en-US", bool javaScript = true)
    {
        var context = await browser!.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale,
            // Lets the tests inject axe-core; the app's own pages still get its Content-Security-Policy header.
            BypassCSP = true,
            // Bootstrap drops its colour transitions for reduced motion, so a contrast check right after switching
            // to dark mode reads the final colours, not ones half-way through a fade.
            ReducedMotion = ReducedMotion.Reduce,
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        if (ScreenshotFolder is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }
}

/// <summary>The browser tests share one started app and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
