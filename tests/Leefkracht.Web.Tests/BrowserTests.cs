using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The dashboard in Debian's Chromium, driven by Playwright: the map, switching level and colouring, a click on a
/// Utrecht buurt, its profile and breakdown, comparing two areas and downloading a CSV. Screenshots are kept in
/// artifacts/screenshots.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowserTests(DashboardServer server) : BrowserTest
{
    private Task<IPage> OpenAsync(string hash) => NewPageAsync(new Uri(server.BaseAddress, "/" + hash));

    [Fact]
    public async Task Map_SwitchLevelAndIndicator_ThenClickAUtrechtBuurt_ShowsItsProfileAndBreakdown()
    {
        // Given the map of gemeenten
        var page = await OpenAsync("#/map?level=gemeente");
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:total:']");
        (await page.TextContentAsync(".legend") ?? string.Empty).ShouldContain("ruim voldoende");
        await ShotAsync(page, "1-map-gemeenten");

        // When the level becomes buurt and the colouring an indicator
        await page.SelectOptionAsync("#level", "buurt");
        await page.WaitForSelectorAsync("#map[data-loaded^='buurt:total:']");
        await page.SelectOptionAsync("#by", "indicator");
        await page.SelectOptionAsync("#indicator", "good_health_pct");
        await page.WaitForSelectorAsync("#map[data-loaded^='buurt:indicator:']");
        var national = await page.EvaluateAsync<int>("window.leefkracht.features");
        national.ShouldBeGreaterThan(13_000);
        await ShotAsync(page, "2-map-buurten-indicator");

        // And the map shows Utrecht's buurten by livability
        await page.SelectOptionAsync("#by", "total");
        await page.SelectOptionAsync("#gemeente", "GM0344");
        await page.WaitForFunctionAsync("() => window.leefkracht.features > 0 && window.leefkracht.features < 200 && document.querySelector('#map').dataset.loaded.startsWith('buurt:total:')");
        await ShotAsync(page, "3-map-utrecht");

        // And a click lands inside Welgelegen, Den Hommel
        var point = await page.EvaluateAsync<Point>("window.leefkracht.pointOf('BU03440111')");

        // (the areas are drawn on one canvas, which finds the area under the mouse: hovering names it in a tooltip)
        await page.Mouse.MoveAsync(point.X, point.Y);
        await page.WaitForSelectorAsync(".leaflet-tooltip:has-text('Welgelegen, Den Hommel')");
        await page.Mouse.ClickAsync(point.X, point.Y);

        // Then its profile opens with the score and the breakdown
        await WaitForHashAsync(page, "^#/area/BU03440111");
        await page.WaitForSelectorAsync("h1:has-text('Welgelegen, Den Hommel')");
        (await page.TextContentAsync(".score-card") ?? string.Empty).ShouldContain("zeer goed");
        (await page.TextContentAsync("#score-nowcast") ?? string.Empty).ShouldContain("verwachte Leefbaarometer-klasse (schatting)");
        var breakdown = await page.TextContentAsync("#why table") ?? string.Empty;
        breakdown.ShouldContain("Goed ervaren gezondheid");
        breakdown.ShouldContain("sociale samenhang+0,134"); // the largest dimension of the calibrated model here (explain: +0,134 sociale samenhang)
        (await page.TextContentAsync(".caveat") ?? string.Empty).ShouldContain("bewijst geen oorzaken");
        await ShotAsync(page, "4-profile");
    }

    [Fact]
    public async Task Compare_TwoAreas_SideBySide()
    {
        var page = await OpenAsync("#/compare?codes=BU03440111,GM0344&year=2024");
        await page.WaitForSelectorAsync("#compare-table");
        var headers = await page.Locator("#compare-table thead th a").AllTextContentsAsync();
        headers.ShouldBe(["Welgelegen, Den Hommel", "Utrecht"]);
        (await page.TextContentAsync("#compare-table tbody") ?? string.Empty).ShouldContain("+0,153");

        // Adding a third by name: Heerlen is a gemeente, a wijk and a buurt, so the page asks which one
        await page.FillAsync("#compare-code", "Heerlen");
        await page.ClickAsync("#compare-form button[type=submit]");
        await page.ClickAsync("#compare-choices button[data-code='GM0917']");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#compare-table thead th a').length === 3");
        await ShotAsync(page, "5-compare");
    }

    [Fact]
    public async Task Profile_DownloadCsv_OfTheGemeentesBuurten()
    {
        var page = await OpenAsync("#/area/BU03440111?year=2024");
        await page.WaitForSelectorAsync("#csv-gemeente");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv-gemeente"));
        download.SuggestedFilename.ShouldBe("leefkracht-scores-buurt-2024-GM0344.csv");
        var path = Path.Combine(Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        // the Dutch dashboard downloads what Dutch Excel opens as columns: ';' and decimal commas (docs/web.md#downloads)
        lines[0].ShouldStartWith("code;name;year;level;deviation");
        lines.ShouldContain(l => l.StartsWith("BU03440111;Welgelegen, Den Hommel;2024;buurt;0,153;8;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_Overvecht_ShowsTheOfficialLeefbaarometerCard()
    {
        var page = await OpenAsync("#/area/WK034403?year=2024");
        await page.WaitForSelectorAsync("#leefbaarometer .class-badge");
        (await page.TextContentAsync("#lbm-title")).ShouldBe("Leefbaarometer (officieel) 2018");
        (await page.TextContentAsync("#leefbaarometer .class-badge")).ShouldBe("3 onvoldoende");
        (await page.TextContentAsync("#leefbaarometer") ?? string.Empty).ShouldContain("geen invoer van onze index");
    }

    [Fact]
    public async Task Watchlist_SortsAndSwitchesToEnglish()
    {
        var page = await OpenAsync("#/watchlist?gemeente=GM0344&year=2024");
        await page.WaitForSelectorAsync("#watchlist-table tbody tr");
        (await page.Locator("#watchlist-table tbody tr").CountAsync()).ShouldBe(10);
        (await page.TextContentAsync("#watchlist-table thead") ?? string.Empty).ShouldContain("Kans op wegzakken naar zwak of slechter");
        (await page.TextContentAsync("#watch-basis") ?? string.Empty).ShouldContain("niet beter dan simpelweg de gebieden met de laagste score");
        await page.ClickAsync("button.sort[data-key='name']");
        (await page.GetAttributeAsync("#watchlist-table th:first-child", "aria-sort")).ShouldBe("descending");
        await ShotAsync(page, "6-watchlist");

        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("h1:has-text('Watchlist')");
        (await page.TextContentAsync("nav") ?? string.Empty).ShouldContain("Map");
    }

    [Fact]
    public async Task Watchlist_OnAPhone_ShowsEachAreaAsACard_WithItsReasonsInFull()
    {
        // Given Utrecht's watchlist on a phone, where its table used to scroll sideways with the reasons off-screen
        var page = await PageChecks.NewPhonePageAsync(Browser, new Uri(server.BaseAddress, "/#/watchlist?gemeente=GM0344&year=2024"));
        await page.WaitForSelectorAsync("#watchlist-table tbody tr");
        var first = page.Locator("#watchlist-table tbody tr").First;

        // Then the first area's reasons are within the screen, in full (not cut off inside their box)
        var reasons = first.Locator("td.reasons");
        (await reasons.TextContentAsync() ?? string.Empty).Length.ShouldBeGreaterThan(20);
        var box = await reasons.BoundingBoxAsync() ?? throw new ShouldAssertException("the reasons are not drawn");
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(PageChecks.Phone.Width, $"the reasons end at {box.X + box.Width} px on a {PageChecks.Phone.Width} px screen");
        (await reasons.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth")).ShouldBeTrue("the reasons are cut off inside their cell");

        // And the card names the area, its score and its class, each under its column's name; nothing sticks out
        (await first.Locator("td a").TextContentAsync() ?? string.Empty).ShouldNotBeEmpty();
        var labels = await first.Locator("td[data-label]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.label)");
        labels.ShouldContain("afwijking");
        labels.ShouldContain("klasse");
        labels.ShouldContain("Redenen");
        (await first.Locator("td").Nth(4).TextContentAsync() ?? string.Empty).ShouldMatch(@"^\d \p{L}");
        (await PageChecks.OverflowAsync(page)).ShouldBeEmpty();
        (await PageChecks.HiddenCellsAsync(page)).ShouldBeEmpty();

        // And the sort buttons stay above the cards and still sort
        await page.ClickAsync("button.sort[data-key='score']");
        (await page.GetAttributeAsync("#watchlist-table th:nth-child(4)", "aria-sort")).ShouldBe("descending");
        await page.EvaluateAsync("() => document.querySelector('#watchlist-table').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "phone-watchlist-cards.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KwetsbareWijken_ShowsTheSetsAndTheWijken_InDutchAndEnglish()
    {
        var page = await OpenAsync("#/kwetsbare-wijken?gemeente=GM0599");
        await page.WaitForSelectorAsync("#kwib-areas tbody tr");
        (await page.TextContentAsync("#kwib-trajectory tr[data-set='zwak']") ?? string.Empty).ShouldContain("zwak of slechter in een gemeten jaar");
        (await page.Locator("#kwib-periods thead th").CountAsync()).ShouldBe(8); // the group and seven periods
        (await page.TextContentAsync("#kwib-areas") ?? string.Empty).ShouldContain("Feijenoord");
        (await page.TextContentAsync("main") ?? string.Empty).ShouldContain("Platform31");
        (await page.GetAttributeAsync("nav a[data-route='kwetsbare-wijken']", "aria-current")).ShouldBe("page");
        await ShotAsync(page, "6b-kwetsbare-wijken");

        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("h1:has-text('Vulnerable wijken in view')");
        (await page.TextContentAsync("#kwib-trajectory tr[data-set='zwak']") ?? string.Empty).ShouldContain("weak or worse in a measured year");
    }

    [Fact]
    public async Task Compare_ByAnAmbiguousName_AsksWhichOne()
    {
        // Given the compare page, when a name that several buurten share is typed
        var page = await OpenAsync("#/compare");
        await page.FillAsync("#compare-code", "Welgelegen");
        await page.Keyboard.PressAsync("Enter");

        // Then it asks which one rather than taking the first, and the chosen one is compared
        await page.WaitForSelectorAsync("#compare-choices button[data-code='BU03440111']");
        (await page.Locator("#compare-choices button").CountAsync()).ShouldBeGreaterThan(1);
        (await page.TextContentAsync("#compare-choices") ?? string.Empty).ShouldContain("Welke bedoel je?");
        await page.ClickAsync("#compare-choices button[data-code='BU03440111']");
        await page.WaitForFunctionAsync("() => location.hash.includes('codes=BU03440111')");
    }

    [Fact]
    public async Task Search_TheCommonName_OpensTheGemeente()
    {
        var page = await OpenAsync("#/data");
        await page.FillAsync("#search", "Den Haag");
        await page.WaitForSelectorAsync("#search-results li[data-code='GM0518']");
        (await page.TextContentAsync("#search-results li[data-code='GM0518']") ?? string.Empty).ShouldContain("gevonden als ‘Den Haag’");
    }

    [Fact]
    public async Task Keyboard_SearchOpensAProfile()
    {
        var page = await OpenAsync("#/data");
        await page.WaitForSelectorAsync("#imports-table tbody tr");
        await page.FocusAsync("#search");
        await page.Keyboard.TypeAsync("Welgelegen, Den");
        await page.WaitForSelectorAsync("#search-results li[data-code='BU03440111']");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Welgelegen, Den Hommel')");
    }

    [Fact]
    public async Task Phone_EveryMonitorPage_FitsTheScreen_PassesAxe_AndSpeaksDutch()
    {
        // Every page of the monitor at 390×844 in Dutch: the hash, what shows it is drawn, and the screenshot's name
        (string Hash, string Ready, string Name)[] pages =
        [
            ("#/map", "#map[data-loaded^='gemeente:']", "map"),
            ("#/map?level=buurt&gemeente=GM0344", "#map[data-loaded^='buurt:']", "map-utrecht"),
            ("#/area/BU03440111", "h1:has-text('Welgelegen, Den Hommel')", "profile"),
            ("#/area/WK034403", "#similar-table tbody tr", "profile-overvecht"),
            ("#/compare?codes=BU03440111,BU03440112,WK034403,GM0344", "#compare-table", "compare"),
            ("#/watchlist?gemeente=GM0344", "#watchlist-table tbody tr", "watchlist"),
            ("#/kwetsbare-wijken?gemeente=GM0599", "#kwib-areas tbody tr", "kwetsbare-wijken"),
            ("#/planner?gemeente=GM0344", "#planner-results[data-state='ran'] #planner-table tbody tr", "planner"),
            ("#/signin", "#signin-form", "signin"),
        ];
        var page = await PageChecks.NewPhonePageAsync(Browser, new Uri(server.BaseAddress, "/#/data"));
        var findings = new List<string>();
        foreach (var (hash, ready, name) in pages)
        {
            findings.AddRange(await PageChecks.VisitAsync(page, hash, ready, name));
        }

        // The data page too: codes are marked lang="zxx" and publishers' names translate="no", which the words check
        // skips, and the catalogue's Dutch indicator names count as Dutch ("Afstand tot school")
        findings.AddRange(await PageChecks.VisitAsync(page, "#/data", "#imports-table tbody tr", "data"));

        findings.ShouldBeEmpty(string.Join("\n", findings));
    }
}
