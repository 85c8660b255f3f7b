using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Leefkracht.Cli.Tests;

/// <summary>
/// The fetch commands on an interactive console (ANSI, live display) against the fake sources: every table gets a
/// bar of its own, drawn above the lines that report its fetch, and each ends at 100 % once its import is done.
/// </summary>
public sealed partial class FetchProgressDisplayTests : IAsyncLifetime
{
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        var denHaag = FakeSources.DenHaag2019();
        _fake.Serve("84583NED", denHaag);
        // 2020 (84799NED) as Den Haag 2019 less one row: another file, so the importer does not take it for the first.
        _fake.Serve("84799NED", [.. denHaag.Take(denHaag.Count - 1)]);
        _fake.ServeWijkBoundaries(2019);
        _fake.SendNumberMatched = true;
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task FetchKwb_OfTwoYears_DrawsABarPerYear_EachEndingAt100Percent_AboveItsReport()
    {
        using var store = TestStore.Create();

        var (exitCode, lines, error) = await RunInteractiveAsync("fetch", "kwb", "--years", "2019-2020", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        exitCode.ShouldBe(0, error);
        var bar2019 = FinishedBar(lines, "kwb 2019");
        var report2019 = lines.FindIndex(l => l.StartsWith("kwb 2019 (84583NED, GM0518): 159 rijen", StringComparison.Ordinal));
        var bar2020 = FinishedBar(lines, "kwb 2020");
        var report2020 = lines.FindIndex(l => l.StartsWith("kwb 2020 (84799NED, GM0518): 158 rijen", StringComparison.Ordinal));
        report2019.ShouldBeGreaterThan(bar2019);
        bar2020.ShouldBeGreaterThan(report2019);
        report2020.ShouldBeGreaterThan(bar2020);
        // Counted: the feed's $count was asked once per year, for the bar.
        _fake.CountStatuses("84583NED").ShouldBe([200]);
        _fake.CountStatuses("84799NED").ShouldBe([200]);
    }

    [Fact]
    public async Task FetchBoundaries_AndLbm_DrawABarPerCollectionAndArchive_EndingAt100Percent()
    {
        using var store = TestStore.Create();

        var boundaries = await RunInteractiveAsync("fetch", "boundaries", "--year", "2019", "--level", "wijken", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--pdok-url", _fake.PdokTemplate, "--retry-delay", "0.001", "--lang", "en");
        var lbm = await RunInteractiveAsync("fetch", "lbm", "--meting", "2024", "--db", store.Setting, "--cache", _fake.CacheFolder, "--lbm-url", _fake.Leefbaarometer.AbsoluteUri, "--lang", "en");

        boundaries.ExitCode.ShouldBe(0, boundaries.Error);
        FinishedBar(boundaries.Lines, "boundaries wijken 2019", "done").ShouldBeLessThan(boundaries.Lines.FindIndex(l => l.StartsWith("boundaries 2019 wijken (GM0518): 45 features", StringComparison.Ordinal)));
        lbm.ExitCode.ShouldBe(0, lbm.Error);
        FinishedBar(lbm.Lines, "lbm 2024", "done").ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task NotInteractive_NothingIsDrawn_AndNothingIsCounted()
    {
        using var store = TestStore.Create();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        fetch.ExitCode.ShouldBe(0, fetch.Error);
        fetch.Out.ShouldNotContain("%");
        fetch.Out.ShouldNotContain("klaar");
        _fake.CountStatuses("84583NED").ShouldBeEmpty();
    }

    /// <summary>The line of the bar's last frame: the bar's "done" text and 100 %; its index in the output.</summary>
    private static int FinishedBar(List<string> lines, string label, string done = "klaar")
    {
        var index = lines.FindLastIndex(l => l.StartsWith($"{label}: {done} ", StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"no finished bar '{label}' in:\n{string.Join('\n', lines)}");
        lines[index].ShouldContain("100%");
        return index;
    }

    /// <summary>
    /// Runs a command on a console that is interactive and speaks ANSI (as a terminal does, so that Spectre draws its
    /// live progress display), and returns the output as lines with the escape sequences taken out.
    /// </summary>
    private static async Task<(int ExitCode, List<string> Lines, string Error)> RunInteractiveAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var environment = new CliEnvironment(console, error, _ => null, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)), Interactive: true)
        {
            Input = new StringReader(string.Empty),
            InputIsTerminal = false,
        };
        var exitCode = await CliApp.RunAsync(args, environment, TestContext.Current.CancellationToken);
        var lines = Escape().Replace(output.ToString(), string.Empty).Split(['\n', '\r']).Select(l => l.Trim()).ToList();
        return (exitCode, lines, error.ToString());
    }

    /// <summary>ANSI control sequences (CSI): cursor moves, line erasing, showing and hiding the cursor.</summary>
    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]")]
    private static partial Regex Escape();
}
