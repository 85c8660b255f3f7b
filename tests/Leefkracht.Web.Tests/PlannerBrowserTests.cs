using System.Text.Json;
using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The planner page in Debian's Chromium: choose Utrecht, select a buurt on the map, add an intervention, run it
/// against the baseline, compare, optimise and download the scenario. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PlannerBrowserTests(DashboardServer server) : BrowserTest
{
    private Task<IPage> OpenAsync(string hash) => NewPageAsync(new Uri(server.BaseAddress, "/" + hash));

    [Fact]
    public async Task Planner_Utrecht_MidRentOnAClickedBuurt_RunsAgainstTheBaseline_ComparesAndOptimises()
    {
        // Given the planner page, which says it is a what-if
        var page = await OpenAsync("#/planner");
        await page.WaitForSelectorAsync("#whatif");
        (await page.TextContentAsync("#whatif") ?? string.Empty).ShouldContain("Wat-als, geen voorspelling");
        (await page.GetAttributeAsync("nav a[data-route='planner']", "aria-current")).ShouldBe("page");

        // When Utrecht is chosen, its buurten are drawn and the baseline is run
        await page.SelectOptionAsync("#planner-gemeente", "GM0344");
        await page.WaitForSelectorAsync("#planner-map[data-loaded^='GM0344:']");
        await page.WaitForSelectorAsync("#planner-results[data-state='ran'] #planner-table tbody tr");

        // And a click on the map selects Tigrisdreef (Overvecht), the buurt with the highest vulnerable share in 2023
        (await page.InputValueAsync("#planner-base-year")).ShouldBe("2023");
        var point = await page.EvaluateAsync<Point>("window.leefkracht.pointOf('BU03440342')");
        await page.Mouse.ClickAsync(point.X, point.Y);
        await page.WaitForSelectorAsync("#planner-selected button[data-code='BU03440342']");

        // And 300 mid-rent dwellings are built there, and the scenario is run
        await page.SelectOptionAsync("#iv-kind", "build");
        await page.SelectOptionAsync("#iv-segment", "midRent");
        await page.FillAsync("#iv-dwellings", "300");
        await page.SelectOptionAsync("#iv-scope", "selected");
        await page.ClickAsync("#iv-add");
        (await page.TextContentAsync("#planner-interventions") ?? string.Empty).ShouldContain("Bouwen: 300 middenhuur");
        await page.FillAsync("#planner-name", "Middenhuur in Tigrisdreef");
        await page.ClickAsync("#planner-run");

        // Then the per-buurt table shows Tigrisdreef first, its vulnerable share below the baseline, and the charts are drawn
        await page.WaitForSelectorAsync("#planner-summary-title:has-text('Middenhuur in Tigrisdreef')");
        var row = page.Locator("#planner-table tbody tr[data-code='BU03440342']");
        (await row.Locator("td").Nth(0).TextContentAsync()).ShouldBe("25,7 %");
        (await row.Locator("td").Nth(2).TextContentAsync() ?? string.Empty).ShouldStartWith("−");
        (await page.Locator("#planner-table tbody tr").First.GetAttributeAsync("data-code")).ShouldBe("BU03440342");
        (await page.Locator("#planner-run-charts canvas").CountAsync()).ShouldBe(2);
        (await page.TextContentAsync("#planner-run-label") ?? string.Empty).ShouldContain("geen voorspelling");
        await page.SelectOptionAsync("#planner-by", "change");
        await page.WaitForTimeoutAsync(300);
        await ShotAsync(page, "7-planner-run");
        await page.Locator("#planner-results").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "8-planner-comparison-table.png") });

        // When it is saved and compared with the baseline
        await page.ClickAsync("#planner-save");
        await page.CheckAsync("#saved-0");
        await page.ClickAsync("#planner-compare");
        await page.WaitForSelectorAsync("#planner-compare-table tbody tr");
        var scenarios = await page.Locator("#planner-compare-table tbody th").AllTextContentsAsync();
        scenarios.ShouldBe(["Basis (geen ingreep)", "Middenhuur in Tigrisdreef"]);
        (await page.TextContentAsync("#planner-comparison") ?? string.Empty).ShouldContain("Tigrisdreef en omgeving");

        // And the optimiser spreads 150 placements no worse than "where the vacancies are"
        await page.ClickAsync("#opt-run");
        await page.WaitForSelectorAsync("#planner-opt-table tbody tr");
        var summary = await page.Locator("#planner-opt-summary li").AllTextContentsAsync();
        summary[0].ShouldContain("Naïef");
        summary[1].ShouldContain("Geoptimaliseerd");
        await page.Locator("#planner-optimise").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "9-planner-optimiser");

        // And on a phone the results, the comparison and the optimiser's plan fit the screen: their tables reflow
        foreach (var size in new[] { PageChecks.Phone, PageChecks.SmallPhone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.WaitForFunctionAsync("(width) => document.documentElement.clientWidth === width", size.Width);
            string[] findings = [.. await PageChecks.OverflowAsync(page), .. await PageChecks.HiddenCellsAsync(page)];
            findings.ShouldBeEmpty($"{size.Width} px: {string.Join("\n", findings)}");
        }

        await page.SetViewportSizeAsync(1366, 768);

        // And the downloaded scenario is the document the page built
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#planner-download"));
        var path = Path.Combine(Screenshots, "planner-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var stock = document.RootElement.GetProperty("stock")[0];
        stock.GetProperty("dwellings").GetInt32().ShouldBe(300);
        stock.GetProperty("buurten").EnumerateArray().Select(b => b.GetString()).ShouldBe(["BU03440342"]);
        document.RootElement.GetProperty("area").GetProperty("gemeenten")[0].GetString().ShouldBe("GM0344");
        document.RootElement.TryGetProperty("parameters", out _).ShouldBeFalse("no assumption was changed, so the file leaves them to the defaults");
    }

    [Fact]
    public async Task Planner_Assumptions_ShowTheDefaults_AndOnlyChangedOnesGoIntoTheScenario()
    {
        // Given the planner on Utrecht, with the model's assumptions opened: the defaults of docs/planner.md, in percent
        var page = await OpenAsync("#/planner?gemeente=GM0344");
        await page.WaitForSelectorAsync("#planner-results[data-state='ran'] #planner-table tbody tr");
        await page.ClickAsync("#planner-parameters summary");
        (await page.InputValueAsync("#param-turnover-socialRent")).ShouldBe("7");
        (await page.InputValueAsync("#param-turnover-privateRent")).ShouldBe("15");
        (await page.InputValueAsync("#param-vulnerability-midRent")).ShouldBe("0.35");
        (await page.InputValueAsync("#param-tipping")).ShouldBe("15");
        (await page.InputValueAsync("#param-feedback")).ShouldBe("0");

        // When social-rent turnover is raised to 9 % and selective inflow switched on, and the scenario is run
        await page.FillAsync("#param-turnover-socialRent", "9");
        await page.FillAsync("#param-feedback", "1");
        await page.Locator("#planner-parameters").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "10-planner-parameters.png") });
        await page.FillAsync("#planner-name", "Hogere mutatiegraad");
        await page.ClickAsync("#planner-run");
        await page.WaitForSelectorAsync("#planner-summary-title:has-text('Hogere mutatiegraad')");
        (await page.TextContentAsync("#planner-error") ?? string.Empty).ShouldBeEmpty();

        // Then the scenario file carries exactly those two assumptions
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#planner-download"));
        var path = Path.Combine(Screenshots, "planner-assumptions.json");
        await download.SaveAsAsync(path);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var parameters = document.RootElement.GetProperty("parameters");
        parameters.EnumerateObject().Select(p => p.Name).ShouldBe(["turnover", "inflowFeedback"]);
        parameters.GetProperty("turnover").EnumerateObject().Single().Name.ShouldBe("socialRent");
        parameters.GetProperty("turnover").GetProperty("socialRent").GetDouble().ShouldBe(0.09, 1e-12);
        parameters.GetProperty("inflowFeedback").GetDouble().ShouldBe(1);

        // And an impossible value is refused by the server with the field's path
        await page.FillAsync("#param-turnover-socialRent", "150");
        await page.ClickAsync("#planner-run");
        await page.WaitForSelectorAsync("#planner-error:has-text('turnover.socialRent')");

        // And "Standaardwaarden" puts every assumption back
        await page.ClickAsync("#param-reset");
        (await page.InputValueAsync("#param-turnover-socialRent")).ShouldBe("7");
        (await page.InputValueAsync("#param-feedback")).ShouldBe("0");
    }

    [Fact]
    public async Task Planner_Keyboard_SelectsABuurtFromTheList_AndUploadsAScenario()
    {
        var page = await OpenAsync("#/planner?gemeente=GM0344");
        await page.WaitForSelectorAsync("#planner-results[data-state='ran'] #planner-table tbody tr");

        // A buurt chosen from the list with the keyboard is selected as a map click would
        await page.FocusAsync("#planner-buurt");
        await page.SelectOptionAsync("#planner-buurt", "BU03440111");
        await page.FocusAsync("#planner-buurt-add");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#planner-selected button[data-code='BU03440111']");

        // An uploaded example replaces the scenario and runs it; English labels follow the language switch
        var file = Path.Combine(TestData.RepositoryRoot, "docs", "planner", "midrent-weakest.json");
        await page.SetInputFilesAsync("#planner-upload", file);
        await page.WaitForSelectorAsync("#planner-summary-title:has-text('200 middenhuurwoningen')");
        (await page.InputValueAsync("#planner-base-year")).ShouldBe("2023");
        (await page.TextContentAsync("#planner-interventions") ?? string.Empty).ShouldContain("de 3 zwakste buurten");

        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("h1:has-text('Planner: what-if scenarios')");
        (await page.TextContentAsync("#whatif") ?? string.Empty).ShouldContain("What-if, not a forecast");
    }
}
