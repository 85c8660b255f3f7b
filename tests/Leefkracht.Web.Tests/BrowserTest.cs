using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, one browser per test class; pages at a laptop's 1366×768 and screenshots
/// kept in artifacts/screenshots. Browser test classes run one after another (collection <c>Browser</c>): two
/// Chromiums and two servers at once on a small machine make the timing-sensitive map test time out.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected static readonly string Screenshots = Path.Combine(TestData.RepositoryRoot, "artifacts", "screenshots");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

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
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                await KeepFailureShotsAsync(_browser);
            }

            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page in a browser context of its own (its own cookies), opened at <paramref name="address"/>.</summary>
    protected async Task<IPage> NewPageAsync(Uri address, float timeout = 120_000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeout);
        // An answer of the API that is not valid JSON is kept as bad-json-*.txt beside the screenshots: browser tests
        // on a loaded machine saw "Expected ',' or '}' after property value in JSON at position 14747" for
        // /api/v1/meta while the same answer fetched by HttpClient parsed, and this keeps the evidence when it recurs.
        page.Response += async (_, r) =>
        {
            if (!r.Url.Contains("/api/", StringComparison.Ordinal) || r.Status != 200)
            {
                return;
            }

            try
            {
                var text = await r.TextAsync();
                System.Text.Json.JsonDocument.Parse(text).Dispose();
            }
            catch (System.Text.Json.JsonException e)
            {
                File.WriteAllText(Path.Combine(Screenshots, $"bad-json-{Guid.NewGuid():N}.txt"), r.Url + "\n" + string.Join("\n", r.Headers.Select(h => h.Key + ": " + h.Value)) + "\n" + e.Message + "\n" + (await r.TextAsync()));
            }
            catch (PlaywrightException)
            {
            }
        };
        await page.GotoAsync(address.ToString());
        return page;
    }

    /// <summary>
    /// After a failed test, every page still open as a screenshot (failed-&lt;test&gt;-&lt;n&gt;.png) with its address and
    /// text beside it, so that a failure on CI (where it cannot be watched) shows what the user would have seen.
    /// </summary>
    private static async Task KeepFailureShotsAsync(IBrowser browser)
    {
        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var n = 0;
        foreach (var page in browser.Contexts.SelectMany(c => c.Pages))
        {
            var name = Path.Combine(Screenshots, $"failed-{test}-{++n}");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true, Timeout = 10_000 });
                await File.WriteAllTextAsync(name + ".txt", page.Url + "\n\n" + await page.InnerTextAsync("body", new PageInnerTextOptions { Timeout = 10_000 }));
            }
            catch (PlaywrightException)
            {
                // A page that cannot be captured any more (closed, hung) is skipped: the test's own error stands.
            }
        }
    }

    /// <summary>
    /// Waits until the page's hash matches <paramref name="pattern"/> (a JavaScript regular expression), checking in
    /// the page itself: Playwright's WaitForURLAsync missed a hash navigation that landed just as it began to listen
    /// (the page was at #/programme/3, the wait timed out after 120 s).
    /// </summary>
    protected static Task WaitForHashAsync(IPage page, string pattern) =>
        page.WaitForFunctionAsync("(pattern) => new RegExp(pattern).test(location.hash)", pattern);

    /// <summary>The last part of the page's hash (an id), read in the page rather than from Playwright's cached address.</summary>
    protected static async Task<string> HashIdAsync(IPage page) => (await page.EvaluateAsync<string>("location.hash")).Split('/').Last();

    /// <summary>A screenshot in artifacts/screenshots, taken once a map on the page has settled (<see cref="PageChecks.SettledAsync"/>).</summary>
    protected static async Task ShotAsync(IPage page, string name, bool fullPage = false)
    {
        await PageChecks.SettledAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });
    }

    /// <summary>A point on the page (Playwright fills it through its setters).</summary>
    public sealed class Point
    {
        public float X { get; set; }

        public float Y { get; set; }
    }
}

/// <summary>The browser test classes, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
