using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// What every page of the dashboard must pass on a phone (issue 16, items 5, 6 and 12): no horizontal overflow and no
/// table cell reached only by scrolling sideways at 390×844 and 360×780, no serious or critical violation found by
/// axe-core at either size, and in Dutch no word that only the English texts use. A tour opens each page in a
/// phone-sized page and collects every finding, so that one run lists them all.
/// </summary>
internal static partial class PageChecks
{
    /// <summary>The phone of issue 16: an iPhone 12–15 in portrait.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The narrowest phone the layout is made for (issue 16: "the breakdown fits 360 px"), a small Android phone.</summary>
    public static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 780 };

    /// <summary>
    /// axe-core from the front-end's node_modules (a locked dev dependency of ClientApp), injected into each page as a
    /// script tag, which the dashboard's Content-Security-Policy forbids: the phone contexts bypass the policy, which
    /// ContentSecurityBrowserTests checks on its own.
    /// </summary>
    private static readonly string Axe = Path.Combine(TestData.RepositoryRoot, "src", "Leefkracht.Web", "ClientApp", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<HashSet<string>> EnglishOnly = new(() => OnlyWords(english: true));

    private static readonly Lazy<HashSet<string>> DutchOnly = new(() => OnlyWords(english: false));

    /// <summary>A phone-sized page in a browser context of its own, in Dutch, at <paramref name="address"/>.</summary>
    public static async Task<IPage> NewPhonePageAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 1,
            Locale = "nl-NL",
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(address.ToString());
        return page;
    }

    /// <summary>
    /// Goes to <paramref name="hash"/>, waits for <paramref name="ready"/> and for every "Laden…" to go, keeps a
    /// full-page screenshot (phone-<paramref name="name"/>.png) and returns the findings of <see cref="CheckAsync"/>.
    /// </summary>
    /// <param name="page">The phone-sized page.</param>
    /// <param name="hash">Where to go.</param>
    /// <param name="ready">A selector that shows the page is drawn.</param>
    /// <param name="name">The page's name in findings and the screenshot's.</param>
    /// <param name="words">Whether to look for English words (false only where a page shows stored texts as they were imported).</param>
    public static async Task<IReadOnlyList<string>> VisitAsync(IPage page, string hash, string ready, string name, bool words = true)
    {
        await page.EvaluateAsync("(hash) => { location.hash = hash; }", hash);
        await page.WaitForSelectorAsync(ready);
        try
        {
            await page.WaitForFunctionAsync("() => !document.querySelector('main').innerText.includes('Laden…')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            return [$"{name}: 'Laden…' still shows after 30 s"];
        }

        await SettledAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestData.RepositoryRoot, "artifacts", "screenshots", $"phone-{name}.png"), FullPage = true });
        return await CheckAsync(page, name, words);
    }

    /// <summary>
    /// Every finding of the checks on the page as it is now at 390×844, and of the layout checks and axe at 360×780,
    /// each line naming the page and the width; the page is left at 390×844.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string name, bool words = true)
    {
        var findings = new List<string>();
        foreach (var size in new[] { SmallPhone, Phone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.WaitForFunctionAsync("(width) => document.documentElement.clientWidth === width", size.Width);
            await ChartsResizedAsync(page);
            var at = $"{name} at {size.Width} px";
            findings.AddRange((await OverflowAsync(page)).Select(f => $"{at}: overflow: {f}"));
            findings.AddRange((await HiddenCellsAsync(page)).Select(f => $"{at}: table: {f}"));
            findings.AddRange((await AccessibilityAsync(page)).Select(f => $"{at}: axe: {f}"));
        }

        if (words)
        {
            findings.AddRange((await EnglishWordsAsync(page)).Select(f => $"{name}: English in Dutch: {f}"));
        }

        return findings;
    }

    /// <summary>
    /// Waits (at most 5 s) until every chart fits its box again after the window changed size: Chart.js redraws its
    /// canvas on the next resize notice, not at once. A chart still too wide after that is the overflow check's finding.
    /// </summary>
    private static async Task ChartsResizedAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('main canvas')].every(c => c.getBoundingClientRect().right <= c.parentElement.getBoundingClientRect().right + 1)",
                null,
                new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>
    /// Cells of the page's tables that lie (partly) outside the screen's width: inside a box that scrolls sideways the
    /// page does not overflow, yet the information is out of sight until the user scrolls, which nobody does for the
    /// columns at the right (issue 16: the watchlist's reasons). A table must fit or reflow (dom.js reflow). One
    /// finding per table: its first cell out of sight, with its column.
    /// </summary>
    public static async Task<IReadOnlyList<string>> HiddenCellsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const found = [];
              for (const table of document.querySelectorAll('main table')) {
                if (!table.checkVisibility()) continue;
                const header = [...(table.tHead?.rows[table.tHead.rows.length - 1]?.cells ?? [])].map(c => c.textContent.trim());
                for (const cell of table.querySelectorAll('th, td')) {
                  const r = cell.getBoundingClientRect();
                  if (r.width === 0 || !cell.checkVisibility() || (r.left >= -1 && r.right <= width + 1)) continue;
                  // a header row hidden from sight for screen readers only (a reflowed table's) is not out of sight by scrolling
                  const head = cell.closest('thead');
                  if (head && getComputedStyle(head).clip !== 'auto') continue;
                  const name = table.id ? '#' + table.id : (table.caption?.textContent.trim() || header.join(' | ')).slice(0, 40);
                  const column = header[cell.cellIndex] ?? '';
                  found.push(`${name}: a cell of column "${column}" spans ${Math.round(r.left)}–${Math.round(r.right)} px ("${cell.textContent.trim().slice(0, 30)}"), outside the ${width} px screen`);
                  break;
                }
              }
              return found;
            }
            """);

    /// <summary>
    /// Waits until the page's Leaflet map (if it has one) has settled: for 600 ms no zoom animation, move, zoom, layer
    /// being fetched (<c>aria-busy</c>) or redrawn layer (the map page redraws at another detail after each zoom), then
    /// two frames for the canvas to paint. Screenshots of a map taken earlier were blurred, caught mid-zoom.
    /// </summary>
    public static Task SettledAsync(IPage page) =>
        page.EvaluateAsync("""
            () => new Promise((resolve) => {
              if (!document.querySelector('main .leaflet-container')) { resolve(); return; }
              const map = window.leefkracht?.map;
              let layer = window.leefkracht?.layer;
              let last = performance.now();
              const moved = () => { last = performance.now(); };
              map?.on('movestart move moveend zoomstart zoom zoomend', moved);
              const check = () => {
                if (window.leefkracht?.layer !== layer) { layer = window.leefkracht?.layer; last = performance.now(); }
                const animating = window.leefkracht?.map?._animatingZoom || document.querySelector('.leaflet-zoom-anim');
                // the map page marks the map aria-busy while it fetches a layer (after a zoom, at another detail)
                if (animating || document.querySelector('main [aria-busy="true"]')) last = performance.now();
                if (performance.now() - last > 600) {
                  map?.off('movestart move moveend zoomstart zoom zoomend', moved);
                  requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
                } else {
                  setTimeout(check, 100);
                }
              };
              check();
            })
            """);

    /// <summary>
    /// The document wider than the viewport, or an element that ends right of it without a scroll container (or a
    /// clipping one: the map's panes) between it and the page.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OverflowAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const found = [];
              if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
              const clipped = (e) => {
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                  if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) return true;
                }
                return false;
              };
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.right <= width + 1 || !e.checkVisibility()) continue;
                if (clipped(e)) continue;
                const id = e.id ? '#' + e.id : '';
                const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
                found.push(`${e.tagName.toLowerCase()}${id}${cls} ends at ${Math.round(r.right)} px ("${(e.textContent || '').trim().slice(0, 40)}")`);
                if (found.length > 8) break;
              }
              return found;
            }
            """);

    /// <summary>axe-core's serious and critical violations (rule, help, the first elements).</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Axe });
        }

        return await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await window.axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
    }

    /// <summary>
    /// Words of the visible text that occur in the English texts (texts.js and every *.en.resx) and in none of the
    /// Dutch ones. Text marked with another language (the language button, lang="en") is skipped, as a screen
    /// reader would switch voice there.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnglishWordsAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string>("""
            () => {
              const parts = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                // translate="no" marks a proper name (a publisher, an organisation): the same in every language
                if (!parent || parent.closest('script, style, [aria-hidden="true"], [translate="no"]') || !parent.checkVisibility()) continue;
                const language = parent.closest('[lang]')?.getAttribute('lang') ?? 'nl';
                if (!language.startsWith('nl')) continue;
                parts.push(node.textContent);
              }
              return parts.join(' ');
            }
            """);
        return EnglishWordsIn(text);
    }

    /// <summary>
    /// Words of <paramref name="text"/> that only the English texts use, apart from <paramref name="names"/> (a shipped
    /// model's id, such as leefkracht-lbm-calibrated, is always a name in any language).
    /// </summary>
    public static IReadOnlyList<string> EnglishWordsIn(string text, params IEnumerable<string> names) => Found(text, EnglishOnly.Value, names);

    /// <summary>
    /// Words of <paramref name="text"/> that only the Dutch texts use, apart from <paramref name="names"/> (names of
    /// areas and what users wrote stay as they are in English): for a page or document in English.
    /// </summary>
    public static IReadOnlyList<string> DutchWordsIn(string text, params IEnumerable<string> names) => Found(text, DutchOnly.Value, names);

    /// <summary>The text of a PDF as poppler's pdftotext reads it (Debian package poppler-utils, installed by .ci/run).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-enc", "UTF-8", "-", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils)");
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        var text = await output;
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, "pdftotext could not read the PDF");
        return text;
    }

    private static string[] Found(string text, HashSet<string> only, IEnumerable<string> names)
    {
        // A printed name may be broken over two lines: whitespace is one space before names are taken out.
        var withoutNames = ModelIds.Value.Concat(names).Aggregate(Whitespace().Replace(text, " "), (visible, name) => visible.Replace(name, " ", StringComparison.Ordinal));
        return [.. Words(withoutNames).Where(only.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static readonly Lazy<string[]> ModelIds = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot, "src", "Leefkracht.Monitor", "Models"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()]);

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3);

    /// <summary>
    /// The English words minus the Dutch words of the product's own texts (or, for <paramref name="english"/> false,
    /// the other way round), minus words both languages write alike that the resources happen to use in one language
    /// only (names of things, loanwords the Dutch texts use too).
    /// </summary>
    private static HashSet<string> OnlyWords(bool english)
    {
        var src = Path.Combine(TestData.RepositoryRoot, "src");
        var englishTexts = new List<string>();
        var dutchTexts = new List<string>();
        foreach (Match entry in TextEntry().Matches(File.ReadAllText(Path.Combine(src, "Leefkracht.Web", "ClientApp", "src", "texts.js"))))
        {
            (entry.Groups["lang"].Value == "en" ? englishTexts : dutchTexts).Add(Regex.Unescape(entry.Groups["text"].Value));
        }

        foreach (var file in Directory.EnumerateFiles(src, "*.resx", SearchOption.AllDirectories))
        {
            var values = XDocument.Load(file).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? string.Empty);
            (file.EndsWith(".en.resx", StringComparison.Ordinal) ? englishTexts : dutchTexts).AddRange(values);
        }

        // The indicator catalogue's names come in pairs too (nl/en): its Dutch names are Dutch texts of the product, so a
        // Dutch word that the English texts happen to use ("school" in "Afstand tot school") is not taken for English.
        foreach (var indicator in JsonNode.Parse(File.ReadAllText(Path.Combine(src, "Leefkracht.Data", "Catalog", "indicators.json")))!["indicators"]!.AsArray())
        {
            dutchTexts.Add((string?)indicator!["nl"] ?? string.Empty);
            englishTexts.Add((string?)indicator["en"] ?? string.Empty);
        }

        var words = (english ? englishTexts : dutchTexts).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        words.ExceptWith((english ? dutchTexts : englishTexts).SelectMany(Words));
        words.ExceptWith(AlikeInBothLanguages);
        words.ExceptWith(PlaceNamesThatAreEnglishWords);
        return words;
    }

    /// <summary>
    /// Gemeenten whose name is also an English word of the product's texts ("a sale goes to ownerOccupied"): a page
    /// listing every gemeente (the map's gemeente list, the map table) shows "Goes" as a name, in every language.
    /// </summary>
    private static readonly string[] PlaceNamesThatAreEnglishWords = ["goes"];

    /// <summary>Words Dutch writes as English does, which a Dutch page may rightly show.</summary>
    private static readonly string[] AlikeInBothLanguages = ["api", "csv", "pdf", "json", "xlsx", "geojson", "chromium", "leaflet", "openstreetmap", "leefkracht"];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b(?<lang>nl|en):\s*'(?<text>(?:[^'\\]|\\.)*)'")]
    private static partial Regex TextEntry();
}
