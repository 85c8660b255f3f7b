using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Leefkracht.Web.Hosting;
using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// What a policy officer needs to trust the map and the profile (issue 16): a base map with a context layer drawn from
/// the store, a scale bar and labels; maps that say why they are empty and offer only years with data; a page that is
/// never blank; trends over the years with the reasons a year is missing; figures with units; the indicator
/// catalogue. The tiles of the configured base map are refused by the test (no network): the context layer must show
/// where you are without them. Screenshots at 1440×900 go to artifacts/screenshots.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DashboardMapBrowserTests(DashboardServer server) : BrowserTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A page at 1440×900 whose requests for base-map tiles are refused and counted.</summary>
    private async Task<(IPage Page, ConcurrentQueue<string> Tiles)> OpenAsync(string hash, Uri? address = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var tiles = new ConcurrentQueue<string>();
        await context.RouteAsync("https://service.pdok.nl/**", route =>
        {
            tiles.Enqueue(route.Request.Url);
            return route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(address ?? server.BaseAddress, "/" + hash).ToString());
        return (page, tiles);
    }

    [Fact]
    public async Task Map_DrawsTheContextLayerFromTheStore_AScaleBar_AndAsksTheConfiguredTiles()
    {
        // Given the map of buurten, with no network for the tiles
        var (page, tiles) = await OpenAsync("#/map?level=buurt");
        await page.WaitForSelectorAsync("#map[data-loaded^='buurt:total:']");

        // Then nothing is said over the map (nearly every buurt has a value), the gemeente outlines from the store are
        // drawn over the colours, with a metric scale bar
        await page.WaitForSelectorAsync("#map-message", new PageWaitForSelectorOptions { State = WaitForSelectorState.Hidden });
        await page.WaitForSelectorAsync("#map[data-context]");
        int.Parse(await page.GetAttributeAsync("#map", "data-context") ?? "0", CultureInfo.InvariantCulture).ShouldBeGreaterThan(300);
        (await page.TextContentAsync(".leaflet-control-scale-line") ?? string.Empty).ShouldMatch(@"^\d+ k?m$");

        // And the PDOK tiles are the configured base map, asked for (and allowed by the CSP), credited
        (await page.GetAttributeAsync("#map", "data-tiles")).ShouldBe(BaseMap.PdokTiles);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.base-tiles img').length > 0");
        tiles.ShouldNotBeEmpty();
        tiles.ShouldAllBe(t => t.StartsWith("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/", StringComparison.Ordinal));
        (await page.TextContentAsync(".leaflet-control-attribution") ?? string.Empty).ShouldContain("PDOK");

        // When Utrecht is chosen, its name is on the map even without tiles, and the other gemeenten are labelled
        await page.SelectOptionAsync("#gemeente", "GM0344");
        await page.WaitForSelectorAsync(".area-label.selected span:text-is('Utrecht')");
        await page.WaitForFunctionAsync("() => document.querySelector('#map').classList.contains('labels-on')");
        (await page.Locator(".area-label:not(.selected) span:visible").CountAsync()).ShouldBeGreaterThan(0);
        await ShotAsync(page, "map-1440-utrecht-buurten");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Map_OfAYearWithoutData_SaysSo_AndTheYearListOffersOnlyYearsWithDataAndTheirCoverage()
    {
        // Given a layer and a year the store has no value of (resilience needs tenure figures that few years have)
        var meta = await GetJsonAsync("api/v1/meta");
        var all = meta.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        var layer = await GetJsonAsync("api/v1/map/gemeente/years?by=resilience");
        var withData = layer.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToList();
        var best = layer.GetProperty("years").EnumerateArray().MaxBy(y => y.GetProperty("coverage").GetDouble());
        withData.ShouldNotBeEmpty();
        var empty = all.Except(withData).Max();

        // When the map is opened on it
        var (page, _) = await OpenAsync($"#/map?level=gemeente&by=resilience&year={empty}");
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:resilience:']");

        // Then a message over the map says there is nothing, and which years have data
        await page.WaitForSelectorAsync("#map-message:visible");
        var message = await page.TextContentAsync("#map-message") ?? string.Empty;
        message.ShouldContain($"Geen gegevens voor \"Veerkracht\" op gemeenteniveau in {empty}.");
        message.ShouldContain("Wel gegevens in: ");
        message.ShouldMatch($@"{withData.Max()} \((< )?\d+ %\)\.$");
        await ShotAsync(page, "map-1440-empty-year");

        // And the year list offers the years with data, with their coverage, and the chosen one marked as empty
        await page.WaitForSelectorAsync("#year[data-coverage]");
        var offered = await page.Locator("#year option").AllTextContentsAsync();
        offered.ShouldContain($"{empty} (geen gegevens)");
        offered.Where(o => !o.Contains("geen gegevens", StringComparison.Ordinal)).ShouldAllBe(o => System.Text.RegularExpressions.Regex.IsMatch(o, @"^\d{4} \((< )?\d+ %\)$"));
        offered.Count.ShouldBe(withData.Count + 1);

        // When the year with the most data is chosen, the map says how few of the gemeenten the store has it for
        var year = best.GetProperty("year").GetInt32();
        await page.SelectOptionAsync("#year", year.ToString(CultureInfo.InvariantCulture));
        await page.WaitForSelectorAsync($"#map-message:has-text('Maar {best.GetProperty("withValue").GetInt32()} van de {best.GetProperty("areas").GetInt32()} gebieden hebben een waarde in {year}')");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FirstMapAfterAFreshStart_ShowsTheShellAndALoadingStateAtOnce_AndTheTimeIsMeasured()
    {
        // Given a fresh instance of the app over the sample (nothing computed, the warmer just started)
        var clock = Stopwatch.StartNew();
        await using var app = server.CreateApp();
        await app.StartAsync(Cancel);
        var started = clock.Elapsed;
        var address = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/");

        // The page as served, before any script: the header and a loading state
        using (var client = new HttpClient { BaseAddress = address })
        {
            var html = await client.GetStringAsync("/", Cancel);
            html.ShouldContain("<header class=\"top\">");
            html.ShouldContain("class=\"loading shell-loading\"");
        }

        // When the first visitor opens the map, with its data held back a moment so that the waiting is seen
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await context.RouteAsync("https://service.pdok.nl/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        clock.Restart();
        await page.GotoAsync(new Uri(address, "/#/map").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("main .loading, #map-message:has-text('Kaart laden…')");
        var loadingShown = clock.Elapsed;
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:total:']");
        var firstMap = clock.Elapsed;
        (await page.IsVisibleAsync("#map-message:has-text('Kaart laden…')")).ShouldBeFalse();

        // Then the time is reported (measured, never asserted: docs/benchmarks.md)
        var line = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():u} start {started.TotalSeconds:0.00} s; loading state {loadingShown.TotalSeconds:0.00} s; first map {firstMap.TotalSeconds:0.00} s after opening the page");
        TestContext.Current.SendDiagnosticMessage(line);
        await File.AppendAllTextAsync(Path.Combine(Screenshots, "first-map-timing.txt"), line + Environment.NewLine, Cancel);
        await context.CloseAsync();
    }

    [Fact]
    public async Task NationalBuurtMap_FirstPaint_IsMeasured_ColdAndWarm()
    {
        // Given the national buurt map (13,748 buurten of 2024), opened in a fresh browser twice (the first time the
        // server may still have to simplify the boundaries, the second time it has them), then once more in the second
        // browser, which has the boundaries in its cache and fetches only the values
        var times = new List<string>();
        IBrowserContext? warm = null;
        foreach (var run in new[] { "first", "again", "browser warm" })
        {
            IPage page;
            if (warm is null)
            {
                (page, _) = await OpenAsync("#/map?level=buurt");
            }
            else
            {
                page = await warm.NewPageAsync();
                page.SetDefaultTimeout(120_000);
                await page.GotoAsync(new Uri(server.BaseAddress, "/#/map?level=buurt").ToString());
            }

            var geometry = new ConcurrentQueue<string>();
            page.RequestFinished += (_, request) =>
            {
                if (request.Url.Contains("/geometry?", StringComparison.Ordinal))
                {
                    geometry.Enqueue(request.Url);
                }
            };
            var clock = Stopwatch.StartNew();
            await page.WaitForSelectorAsync("#map[data-loaded^='buurt:total:']");

            // The canvas draws on the next animation frame: the paint is done when a second frame comes
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            times.Add(string.Create(CultureInfo.InvariantCulture, $"{run} {clock.Elapsed.TotalSeconds:0.00} s"));

            // Then the map has every buurt, and a change of colouring is measured too: it fetches no boundaries
            int.Parse((await page.GetAttributeAsync("#map", "data-loaded"))!.Split(':')[2], CultureInfo.InvariantCulture).ShouldBeGreaterThan(13_000);
            var fetched = geometry.Count;
            clock.Restart();
            await page.SelectOptionAsync("#by", "indicator");
            await page.WaitForSelectorAsync("#map[data-loaded^='buurt:indicator:']");
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            times.Add(string.Create(CultureInfo.InvariantCulture, $"{run}, colouring changed {clock.Elapsed.TotalSeconds:0.00} s"));
            geometry.Count(u => u.Contains("/api/v1/map/buurt/", StringComparison.Ordinal)).ShouldBe(geometry.Take(fetched).Count(u => u.Contains("/api/v1/map/buurt/", StringComparison.Ordinal)));
            if (run == "again")
            {
                await ShotAsync(page, "map-1440-national-buurten");
                warm = page.Context;
                await page.CloseAsync();
            }
            else
            {
                await page.Context.CloseAsync();
            }
        }

        // (measured, never asserted: docs/benchmarks.md)
        var line = $"{TimeProvider.System.GetUtcNow():u} national buurt map, first paint after opening the page: {string.Join("; ", times)}";
        TestContext.Current.SendDiagnosticMessage(line);
        await File.AppendAllTextAsync(Path.Combine(Screenshots, "first-map-timing.txt"), line + Environment.NewLine, Cancel);
    }

    /// <summary>
    /// The box, in page coordinates, of what the highlight canvas has drawn (null when it is empty), and whether the
    /// areas' canvas is unchanged since <c>window.areasBefore</c> was taken (a checksum of its pixels).
    /// </summary>
    private const string HighlightState = """
        () => {
          const sum = (c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let s = 0; for (let i = 0; i < d.length; i += 97) s = (s * 31 + d[i]) % 1000000007; return s; };
          const overlay = document.querySelector('canvas.area-highlight');
          const areas = document.querySelector('canvas.area-canvas:not(.area-highlight)');
          window.areasBefore ??= sum(areas);
          // Without a highlight the overlay has no bitmap at all
          if (overlay.width === 0) return { drawn: false, areasUnchanged: sum(areas) === window.areasBefore };
          const d = overlay.getContext('2d').getImageData(0, 0, overlay.width, overlay.height).data;
          let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
          for (let y = 0; y < overlay.height; y++) for (let x = 0; x < overlay.width; x++) {
            if (d[4 * (y * overlay.width + x) + 3] === 0) continue;
            minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
          }
          const rect = overlay.getBoundingClientRect();
          const k = rect.width / overlay.width;
          return { drawn: minX <= maxX, left: rect.left + minX * k, top: rect.top + minY * k, right: rect.left + maxX * k, bottom: rect.top + maxY * k, areasUnchanged: sum(areas) === window.areasBefore };
        }
        """;

    [Fact]
    public async Task MapHighlight_OutlinesTheAreaUnderThePointer_AndTheOneFocusedInTheTable_OnAnOverlay()
    {
        // Given the gemeente map, nothing highlighted
        var (page, _) = await OpenAsync("#/map?level=gemeente");
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:total:']");
        (await page.EvaluateAsync<Highlight>(HighlightState)).Drawn.ShouldBeFalse();

        // When the pointer is over Utrecht
        var utrecht = await page.EvaluateAsync<Point>("window.leefkracht.pointOf('GM0344')");
        await page.Mouse.MoveAsync(utrecht.X, utrecht.Y);
        await page.WaitForSelectorAsync("#map[data-hovered='GM0344']");
        await page.WaitForSelectorAsync(".leaflet-tooltip:has-text('Utrecht')");

        // Then Utrecht is outlined on the overlay around the pointer, and the areas' canvas was not drawn again
        var over = await page.EvaluateAsync<Highlight>(HighlightState);
        over.Drawn.ShouldBeTrue();
        over.Contains(utrecht).ShouldBeTrue($"the outline {over} holds the pointer at {utrecht.X},{utrecht.Y}");
        over.AreasUnchanged.ShouldBeTrue();

        // When the pointer moves to Amsterdam, the outline follows it
        var amsterdam = await page.EvaluateAsync<Point>("window.leefkracht.pointOf('GM0363')");
        await page.Mouse.MoveAsync(amsterdam.X, amsterdam.Y);
        await page.WaitForSelectorAsync("#map[data-hovered='GM0363']");
        var moved = await page.EvaluateAsync<Highlight>(HighlightState);
        moved.Contains(amsterdam).ShouldBeTrue($"the outline {moved} holds the pointer at {amsterdam.X},{amsterdam.Y}");
        moved.Contains(utrecht).ShouldBeFalse();

        // When the pointer leaves the map, nothing is outlined
        await page.HoverAsync("#level");
        await page.WaitForSelectorAsync("#map[data-hovered='']");
        (await page.EvaluateAsync<Highlight>(HighlightState)).Drawn.ShouldBeFalse();

        // When the table is opened and the keyboard moves from Utrecht's row to the next, that gemeente is outlined
        // (the pointer is put over the sea in the map's corner, so that it hovers neither an area nor a row)
        await page.ClickAsync("#map-table-toggle");
        await page.Mouse.MoveAsync(0, 0);
        await page.FocusAsync("#map-table-rows tr[data-code='GM0344'] a");
        await page.WaitForSelectorAsync("#map[data-focused='GM0344']");
        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateAsync<string>("document.activeElement.closest('tr').dataset.code");
        next.ShouldNotBe("GM0344");
        await page.WaitForSelectorAsync($"#map[data-focused='{next}']");
        await page.EvaluateAsync("() => document.querySelector('#map').scrollIntoView()");
        var inside = await page.EvaluateAsync<Point>($"window.leefkracht.pointOf('{next}')");
        var focused = await page.EvaluateAsync<Highlight>(HighlightState);
        focused.Contains(inside).ShouldBeTrue($"the outline {focused} holds a point of {next} at {inside.X},{inside.Y}");
        await ShotAsync(page, "map-1440-table-focus");

        // And when the focus leaves the table, the outline goes
        await page.FocusAsync("#level");
        await page.WaitForSelectorAsync("#map[data-focused='']");
        (await page.EvaluateAsync<Highlight>(HighlightState)).Drawn.ShouldBeFalse();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MapOnAPhone_TheFirstTapNamesAndOutlinesAnArea_TheSecondOpensIt()
    {
        var page = await PageChecks.NewPhonePageAsync(Browser, new Uri(server.BaseAddress, "/#/map?level=gemeente"));
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:total:']");
        await page.EvaluateAsync("() => document.querySelector('#map').scrollIntoView()");
        var utrecht = await page.EvaluateAsync<Point>("window.leefkracht.pointOf('GM0344')");

        // When Utrecht is tapped, its name shows and it is outlined, and the map stays
        await page.Touchscreen.TapAsync(utrecht.X, utrecht.Y);
        await page.WaitForSelectorAsync(".leaflet-tooltip:has-text('Utrecht')");
        await page.WaitForSelectorAsync("#map[data-hovered='GM0344']");
        (await page.EvaluateAsync<Highlight>(HighlightState)).Contains(utrecht).ShouldBeTrue();
        page.Url.ShouldContain("#/map");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "phone-map-tap.png") });

        // When it is tapped again, its profile opens
        await page.Touchscreen.TapAsync(utrecht.X, utrecht.Y);
        await WaitForHashAsync(page, "^#/area/GM0344");
        await page.Context.CloseAsync();
    }

    /// <summary>The detail of the boundaries the map's layer is drawn on (the last element of its key).</summary>
    private const string LoadedDetail = "() => JSON.parse(window.leefkracht.loaded).at(-1)";

    [Fact]
    public async Task MapZoom_TheCanvasesFollowTheAnimation_ToWhereTheAreasLandAfterIt()
    {
        // Given the gemeente map, whose finer boundaries (asked after the zoom below) are held until they are let through
        var (page, _) = await OpenAsync("#/map?level=gemeente");
        await page.WaitForSelectorAsync("#map[data-loaded^='gemeente:total:']");
        var boundaries = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(
            url => url.Contains("/api/v1/map/gemeente/geometry?", StringComparison.Ordinal) && url.Contains("detail=medium", StringComparison.Ordinal),
            async route =>
            {
                await boundaries.Task.WaitAsync(TimeSpan.FromMinutes(2), Cancel);
                await route.ContinueAsync();
            });

        // When the map zooms in by one, animated, around a point away from the centre, where Utrecht's centre lies on
        // the canvas as it was drawn is carried by the animation's transform (read when it starts) to a place that is
        // compared with Utrecht's place after the zoom; the highlight canvas moves with the areas' one
        var zoom = await page.EvaluateAsync<ZoomCheck>("""
            () => new Promise((resolve) => {
              const { map } = window.leefkracht;
              const areas = document.querySelector('canvas.area-canvas:not(.area-highlight)');
              const overlay = document.querySelector('canvas.area-highlight');
              const translate = (c) => { const m = /translate3d\(([-\d.]+)px,\s*([-\d.]+)px/.exec(c.style.transform); return [Number(m[1]), Number(m[2])]; };
              const scaleOf = (c) => { const m = /scale\(([\d.]+)\)/.exec(c.style.transform); return m ? Number(m[1]) : 1; };
              const utrecht = { lat: 52.09, lng: 5.12 };
              const before = map.latLngToLayerPoint(utrecht);
              const [cx, cy] = translate(areas);
              const local = [before.x - cx, before.y - cy];
              let predicted = null;
              let same = false;
              let scale = 0;
              map.once('zoomanim', () => {
                const [tx, ty] = translate(areas);
                scale = scaleOf(areas);
                predicted = [tx + scale * local[0], ty + scale * local[1]];
                same = areas.style.transform === overlay.style.transform;
              });
              map.once('zoomend', () => requestAnimationFrame(() => {
                const after = map.latLngToLayerPoint(utrecht);
                resolve({ animated: predicted !== null, scale, error: predicted ? Math.hypot(predicted[0] - after.x, predicted[1] - after.y) : -1, overlayMoved: same, scaleAfter: scaleOf(areas) });
              }));
              map.setView({ lat: 52.3, lng: 5.6 }, map.getZoom() + 1, { animate: true });
            })
            """);

        // Then the animation ran, scaled by 2, and put Utrecht within a pixel of where the next drawing has it
        zoom.Animated.ShouldBeTrue();
        zoom.Scale.ShouldBe(2, 0.001);
        zoom.Error.ShouldBeLessThan(1.5);
        zoom.OverlayMoved.ShouldBeTrue();

        // And after it the canvas is drawn again at the new zoom (no scale left), and the area under the pointer is found
        // and outlined around the pointer, on the layer still drawn on the national boundaries
        zoom.ScaleAfter.ShouldBe(1);
        var utrecht = await page.EvaluateAsync<Point>("window.leefkracht.pointOf('GM0344')");
        await page.Mouse.MoveAsync(utrecht.X, utrecht.Y);
        await page.WaitForSelectorAsync("#map[data-hovered='GM0344']");
        var outline = await page.EvaluateAsync<Highlight>(HighlightState);
        outline.Contains(utrecht).ShouldBeTrue($"the outline {outline} holds the pointer at {utrecht.X},{utrecht.Y}");
        (await page.EvaluateAsync<string>(LoadedDetail)).ShouldBe("low");

        // When the finer boundaries of the new zoom arrive and their layer replaces that one, with the pointer still on
        // Utrecht, Utrecht stays named and outlined (it lost the outline when they came after the hover: the known
        // fault of docs/web.md, in 2 of about 10 runs; holding them makes that order certain)
        boundaries.SetResult();
        await page.WaitForFunctionAsync($"() => ({LoadedDetail})() === 'medium'");
        (await page.GetAttributeAsync("#map", "data-hovered")).ShouldBe("GM0344");
        var kept = await page.EvaluateAsync<Highlight>(HighlightState);
        kept.Contains(utrecht).ShouldBeTrue($"the outline {kept} holds the pointer at {utrecht.X},{utrecht.Y}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Profile_ShowsTheTrendOverTheYears_WithTheOfficialSeries_AndWhyYearsAreMissing_InTheUsersLanguage()
    {
        // Given Overvecht, which has the official Leefbaarometer beside our score
        var (page, _) = await OpenAsync("#/area/WK034403?year=2024");
        await page.WaitForSelectorAsync("#trend-chart");

        // Then the trend names both series and its table has a row per scored year
        var label = await page.GetAttributeAsync("#trend-chart", "aria-label") ?? string.Empty;
        label.ShouldContain("Leefkracht (deze monitor)");
        label.ShouldContain("Leefbaarometer (officieel, BZK)");
        (await page.Locator("#trend-table tbody tr").CountAsync()).ShouldBeGreaterThan(1);

        // And the years without a score say why, in Dutch
        var missing = await page.TextContentAsync("#trend-missing") ?? string.Empty;
        missing.ShouldNotBeEmpty();
        missing.ShouldNotContain("the ");
        (await page.Locator("#trend-missing li").First.GetAttributeAsync("data-code")).ShouldNotBeNull();

        // And the key indicators are listed per year with their units; the breakdown gives units and sensible rounding
        var units = await page.Locator("#key-indicators tbody td:nth-child(2)").AllTextContentsAsync();
        units.ShouldNotBeEmpty();
        units.ShouldAllBe(u => u.Length > 0);
        var breakdown = await page.TextContentAsync("#why table") ?? string.Empty;
        breakdown.ShouldMatch(@"\d %");
        var values = await page.Locator("#why table tbody tr:not(.dimension) td:is(:nth-child(2), :nth-child(3), :nth-child(4))").AllTextContentsAsync();
        values.ShouldNotBeEmpty();
        values.ShouldAllBe(v => !System.Text.RegularExpressions.Regex.IsMatch(v, @"\d,\d{3}")); // 68 %, not 68,009
        await page.EvaluateAsync("() => document.querySelector('#trend').scrollIntoView()");
        await ShotAsync(page, "profile-1440-overvecht-trend");

        // When the language is English the reasons are English too
        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("#trend-title:has-text('Trend')");
        await page.WaitForSelectorAsync("#trend-missing");
        var english = await page.TextContentAsync("#trend-missing") ?? string.Empty;
        english.ShouldNotBe(missing);
        english.ShouldNotContain(" het ");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DataPage_IsAnIndicatorCatalogue_WithUnitSourceYearsLevelsAndCoverage()
    {
        var (page, _) = await OpenAsync("#/data");
        await page.WaitForSelectorAsync("#catalogue-table tbody tr");
        var rows = await page.Locator("#catalogue-table tbody tr").CountAsync();
        rows.ShouldBeGreaterThan(20);

        var health = page.Locator("#catalogue-table tr[data-id='good_health_pct']");
        var text = await health.TextContentAsync() ?? string.Empty;
        text.ShouldContain("Goed ervaren gezondheid");
        text.ShouldContain("hoger is beter");
        text.ShouldContain("Het percentage volwassenen (18 jaar of ouder) dat de eigen gezondheid als goed of zeer goed ervaart");
        (await page.Locator("#catalogue-table tbody td.definition").AllTextContentsAsync()).ShouldAllBe(d => d.Length > 60);
        text.ShouldMatch(@"buurt \d+ %");
        (await health.Locator("a").GetAttributeAsync("href") ?? string.Empty).ShouldStartWith("https://opendata.cbs.nl/statline/");

        await page.FillAsync("#catalogue-filter", "gezondheid");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#catalogue-table tbody tr:not([hidden])').length < {rows}");
        await ShotAsync(page, "data-1440-catalogue");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Map_HasATableAlternative_ReachedByKeyboard_SortedByValue_AndARowOpensTheProfile()
    {
        // Given the owner-occupied share of Utrecht's wijken on the map
        var (page, _) = await OpenAsync("#/map?level=wijk&by=indicator&indicator=dwellings_owner_occupied_pct&gemeente=GM0344");
        await page.WaitForSelectorAsync("#map[data-loaded^='wijk:indicator:']");

        // Then the legend names the indicator's unit from the catalogue
        (await page.TextContentAsync("#legend-unit") ?? string.Empty).ShouldBe("Eenheid: %");

        // When the keyboard user tabs to "Toon als tabel" and presses Enter
        await TabToAsync(page, "document.activeElement.id === 'map-table-toggle'");
        await page.Keyboard.PressAsync("Enter");

        // Then a table lists every wijk of the map with its value and unit and its class
        await page.WaitForSelectorAsync("#map-table-rows tbody tr");
        (await page.GetAttributeAsync("#map-table-toggle", "aria-expanded")).ShouldBe("true");
        var features = int.Parse((await page.GetAttributeAsync("#map", "data-loaded"))!.Split(':')[2], CultureInfo.InvariantCulture);
        (await page.Locator("#map-table-rows tbody tr").CountAsync()).ShouldBe(features);
        (await page.TextContentAsync("#map-table-rows thead") ?? string.Empty).ShouldContain("waarde (%)");
        (await page.Locator("#map-table-rows tbody td:nth-child(2)").AllTextContentsAsync()).Where(v => v != "–").ShouldAllBe(v => v.EndsWith(" %", StringComparison.Ordinal));

        // When the value column is sorted (by keyboard: Tab to its button, Enter), the highest share comes first
        await TabToAsync(page, "document.activeElement.matches('#map-table-rows button[data-key=value]')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#map-table-rows th[aria-sort='descending'] button[data-key=value]");
        var values = (await page.Locator("#map-table-rows tbody td:nth-child(2)").AllTextContentsAsync()).Where(v => v != "–")
            .Select(v => double.Parse(v.Replace(" %", string.Empty, StringComparison.Ordinal).Replace(",", ".", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        values.Count.ShouldBeGreaterThan(5);
        values.ShouldBe(values.OrderDescending().ToList());
        await page.EvaluateAsync("() => document.querySelector('#map-table').scrollIntoView()");
        await ShotAsync(page, "map-1440-table");

        // And Tab reaches the first row's link, and Enter opens that wijk's profile
        await TabToAsync(page, "document.activeElement.matches('#map-table-rows tbody tr:first-child a')");
        var name = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        var code = await page.EvaluateAsync<string>("() => document.activeElement.closest('tr').dataset.code");
        await page.Keyboard.PressAsync("Enter");
        await WaitForHashAsync(page, $"^#/area/{code}");
        await page.WaitForSelectorAsync($"h1:text-is('{name}')");
        await page.Context.CloseAsync();

        // And on a phone the table fits the screen, passes axe and speaks Dutch
        var phone = await PageChecks.NewPhonePageAsync(Browser, new Uri(server.BaseAddress, "/#/map?level=wijk&by=indicator&indicator=dwellings_owner_occupied_pct&gemeente=GM0344"));
        await phone.WaitForSelectorAsync("#map[data-loaded^='wijk:indicator:']");
        await phone.ClickAsync("#map-table-toggle");
        await phone.WaitForSelectorAsync("#map-table-rows tbody tr");
        await PageChecks.SettledAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "phone-map-table.png"), FullPage = true });
        (await PageChecks.CheckAsync(phone, "map-table")).ShouldBeEmpty();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Profile_FillsTheNederlandRow_AndOffersSimilarAreasWithTheirScores()
    {
        // Given Overvecht's profile
        var (page, _) = await OpenAsync("#/area/WK034403?year=2024");
        await page.WaitForSelectorAsync("#similar-table tbody tr");

        // Then the comparison's Nederland row has a score and a class, and the breakdown a Nederland column with units
        var country = await page.Locator("#comparison tbody tr").Last.Locator("td").AllTextContentsAsync();
        country[0].ShouldStartWith("Nederland");
        country[1].ShouldMatch(@"^[+−]\d,\d{3}$");
        country[2].ShouldNotBe("–");
        (await page.TextContentAsync("#why table thead") ?? string.Empty).ShouldContain("Nederland");
        var health = await page.Locator("#why table tbody tr:has-text('Goed ervaren gezondheid') td").AllTextContentsAsync();
        health[4].ShouldBe("73 %");

        // and an indicator's name opens what it measures
        await page.ClickAsync("#why tr[data-id='good_health_pct'] summary");
        (await page.TextContentAsync("#why tr[data-id='good_health_pct'] details p") ?? string.Empty).ShouldContain("Gezondheidsmonitor");

        // And the similar wijken are listed with their score and class, each a link to its profile
        var rows = page.Locator("#similar-table tbody tr");
        (await rows.CountAsync()).ShouldBe(10);
        (await rows.First.Locator("td").Nth(2).TextContentAsync() ?? string.Empty).ShouldMatch(@"^\d ");
        (await page.TextContentAsync("#similar") ?? string.Empty).ShouldContain("Omgevingsadressendichtheid 3.501 per km²");
        await page.EvaluateAsync("() => document.querySelector('#similar').scrollIntoView()");
        await ShotAsync(page, "profile-1440-similar");
        var link = rows.First.Locator("a");
        var code = await rows.First.GetAttributeAsync("data-code");
        var name = await link.TextContentAsync();
        await link.ClickAsync();
        await WaitForHashAsync(page, $"^#/area/{code}");
        await page.WaitForSelectorAsync($"h1:text-is('{name}')");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until <paramref name="focused"/> (a script expression) holds, at most 400 times.</summary>
    private static async Task TabToAsync(IPage page, string focused)
    {
        for (var presses = 0; presses < 400; presses++)
        {
            if (await page.EvaluateAsync<bool>($"() => {focused}"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new ShouldAssertException($"Tab never reached: {focused}");
    }

    [Fact]
    public async Task TheCsp_AllowsTheTileHostForImagesOnly_AndNoneWhenTilesAreOff()
    {
        using var response = await server.Client.GetAsync("api/v1/meta", Cancel);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("img-src 'self' https://service.pdok.nl data: blob:");
        csp.Split(';').Where(d => !d.TrimStart().StartsWith("img-src", StringComparison.Ordinal)).ShouldAllBe(d => !d.Contains("pdok", StringComparison.Ordinal));

        await using var app = server.CreateApp("--Leefkracht:BaseMap:TileUrl=");
        await app.StartAsync(Cancel);
        using var client = new HttpClient { BaseAddress = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/") };
        using var off = await client.GetAsync("api/v1/meta", Cancel);
        off.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("pdok");
        using var body = JsonDocument.Parse(await off.Content.ReadAsStringAsync(Cancel));
        body.RootElement.GetProperty("baseMap").GetProperty("tileUrl").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void ABaseMapThatIsNoTileTemplate_StopsTheStart_NamingTheSetting()
    {
        var error = Should.Throw<InvalidOperationException>(() => server.CreateApp("--Leefkracht:BaseMap:TileUrl=service.pdok.nl/tiles"));
        error.Message.ShouldContain("Leefkracht:BaseMap:TileUrl");
        error.Message.ShouldContain("'service.pdok.nl/tiles'");
    }

    /// <summary>What the highlight canvas shows: whether anything, its box on the page, and whether the areas' canvas stayed as it was.</summary>
    public sealed class Highlight
    {
        public bool Drawn { get; set; }

        public double Left { get; set; }

        public double Top { get; set; }

        public double Right { get; set; }

        public double Bottom { get; set; }

        public bool AreasUnchanged { get; set; }

        public bool Contains(Point p) => Drawn && p.X >= Left && p.X <= Right && p.Y >= Top && p.Y <= Bottom;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Left:0},{Top:0}–{Right:0},{Bottom:0}");
    }

    /// <summary>What the zoom animation did to the canvases (see the test).</summary>
    public sealed class ZoomCheck
    {
        public bool Animated { get; set; }

        public double Scale { get; set; }

        public double Error { get; set; }

        public bool OverlayMoved { get; set; }

        public double ScaleAfter { get; set; }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await server.Client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return document.RootElement.Clone();
    }
}
