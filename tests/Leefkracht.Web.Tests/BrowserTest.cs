using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// What every browser test shares: Debian's Chromium driven by Playwright, a fresh 1366×768 page per test (so no
/// localStorage leaks between tests), and screenshots in artifacts/screenshots.
/// </summary>
public abstract class BrowserTest(DashboardServer server) : IAsyncLifetime
{
    protected static readonly string Screenshots = Path.Combine(DashboardServer.RepositoryRoot, "artifacts", "screenshots");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        // The system browser: a tool's own browser download does not work here. Background networking is off because
        // the machine has no internet, and root needs --no-sandbox (Playwright adds it).
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LEEFKRACHT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<IPage> OpenAsync(string hash)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
        return page;
    }

    protected static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png") });

    /// <summary>A point on the page (Playwright fills it through its setters).</summary>
    public sealed class Point
    {
        public float X { get; set; }

        public float Y { get; set; }
    }
}
