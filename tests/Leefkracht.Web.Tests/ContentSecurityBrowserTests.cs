using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The Content-Security-Policy in Chromium (issue 18): the dashboard, the printable report and the API reference work
/// under it, and Chromium reports no violation, so the policy does not have to allow inline script.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityBrowserTests(DashboardServer server) : BrowserTest
{
    [Fact]
    public async Task TheDashboardTheReportAndTheApiReference_RunUnderThePolicy_WithoutAViolation()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Enqueue($"{page.Url}: page error {error}");

        // The map and a profile
        await page.GotoAsync(new Uri(server.BaseAddress, "/#/map?level=gemeente").ToString());
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:total:']");
        await page.GotoAsync(new Uri(server.BaseAddress, "/#/area/BU03440111").ToString());
        await page.WaitForSelectorAsync("main h1");

        // The printable report (its stylesheet is inline)
        await page.GotoAsync(new Uri(server.BaseAddress, "/report/BU03440111?year=2024").ToString());
        (await page.TextContentAsync("h1") ?? string.Empty).ShouldContain("Welgelegen");

        // The API reference (Scalar: an inline script with the request's nonce) renders the operations
        await page.GotoAsync(new Uri(server.BaseAddress, "/api").ToString());
        await page.GetByText("GetAreaReportPdf").Or(page.GetByText("/api/v1/areas/{code}/report.pdf")).First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "csp-api-reference.png") });

        violations.ShouldBeEmpty();
        await context.CloseAsync();
    }
}
