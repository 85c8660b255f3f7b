namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>leefkracht fetch --all</c> (issue 15, item 3) through the real command line against the fake sources on localhost,
/// into a fresh store. The fake serves for 2019 what the shared data hold: the real Den Haag KWB 2019 table
/// (84583NED), the real Haaglanden wijk boundaries as PDOK's <c>wijken</c> collection of 2019, police figures of
/// 2021-2025 and RIVM figures of Den Haag, the Leefbaarometer archive and CBS's postcode file of 2019. It has no
/// <c>gemeenten</c> or <c>buurten</c> collection and no Nabijheid table of 2019 (84718NED): those answer 404, which
/// is exactly the source that refuses while the others are stored.
/// </summary>
public sealed class FetchAllEndToEndTests : IAsyncLifetime
{
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve("84583NED", FakeSources.DenHaag2019());
        _fake.ServeWijkBoundaries(2019);
        _fake.ServePolice(["GM0518"]);
        _fake.ServeHealth(["GM0518"]);
        _fake.ServeNationalLeefbaarometer();
        _fake.ServeDenHaagPostcodes2019();
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task FetchAll_OneGemeenteOneYear_StoresWhatIsServed_ReportsWhatIsNot_ThenScoreWorks_AndASecondRunChangesNothing()
    {
        using var store = TestStore.Create();
        string[] fetchAll = [.. "fetch --all --years 2019-2019 --gemeente".Split(' '), "Den Haag", .. Sources(store)];

        var first = await CliRunner.RunAsync(fetchAll);
        var score = await CliRunner.RunAsync("score", "--year", "2019", "--gemeente", "Den Haag", "--format", "json", "--db", store.Setting);
        var afterFirst = store.Snapshot();
        var observations = FetchedValues.RowCount(store, "observations");
        var boundaries = FetchedValues.RowCount(store, "boundaries");
        var second = await CliRunner.RunAsync(fetchAll);

        // What the fake serves is stored; the police and RIVM publish no 2019 here (one line each, not an error).
        first.ExitCode.ShouldBe(4, first.Error);
        var summary = Summary(first.Out);
        summary.ShouldContain(("kwb", "2019", "opgeslagen", "159"));
        summary.ShouldContain(("boundaries wijken", "2019", "opgeslagen", DenHaagWijken));
        summary.ShouldContain(("politie", "2019", "overgeslagen", "-"));
        summary.ShouldContain(("gezondheid", "2019", "overgeslagen", "-"));
        summary.ShouldContain(r => r.Kind == "lbm" && r.Year == "2024" && r.Outcome == "opgeslagen");
        summary.ShouldContain(r => r.Kind == "postcodes" && r.Outcome == "opgeslagen");
        first.Out.ShouldContain("politie 2019: overgeslagen, 47022NED publiceert alleen de jaren 2021, 2022, 2023, 2024, 2025");
        first.Out.ShouldContain("gezondheid 2019: overgeslagen, 50150NED publiceert alleen de jaren 2012, 2016, 2020, 2022, 2024");

        // What the fake refuses is reported, in the summary and on stderr with the source's answer.
        summary.ShouldContain(("boundaries gemeenten", "2019", "mislukt", "-"));
        summary.ShouldContain(("boundaries buurten", "2019", "mislukt", "-"));
        summary.ShouldContain(("nabijheid", "2019", "mislukt", "-"));
        first.Error.ShouldContain("fetch nabijheid 2019: ");
        first.Error.ShouldContain("404");
        first.Error.ShouldContain("dit deel is niet opgeslagen; de rest gaat door");
        first.Out.ShouldContain("fetch --all: 4 opgeslagen, 0 ongewijzigd, 0 afgewezen, 3 mislukt, 2 overgeslagen.");

        // The store serves `score` with no other step: every buurt of the table, of division 2019.
        score.ExitCode.ShouldBe(0, score.Error);
        var rows = System.Text.Json.JsonDocument.Parse(score.Out).RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(FakeSources.DenHaag2019().Count(r => r["WijkenEnBuurten"].StartsWith("BU", StringComparison.Ordinal)));
        rows.ShouldAllBe(r => r.GetProperty("division").GetInt32() == 2019);
        observations.ShouldBe(FakeSources.DenHaag2019().Sum(r => FetchedValues.OfRow(r).Count));
        boundaries.ShouldBe(int.Parse(DenHaagWijken, System.Globalization.CultureInfo.InvariantCulture));

        // Twice: the same refusals, everything else unchanged, and not one row of the store different.
        second.ExitCode.ShouldBe(4, second.Error);
        var again = Summary(second.Out);
        again.ShouldContain(("kwb", "2019", "ongewijzigd", "159"));
        again.ShouldContain(("boundaries wijken", "2019", "ongewijzigd", DenHaagWijken));
        again.ShouldContain(r => r.Kind == "lbm" && r.Outcome == "ongewijzigd");
        again.ShouldNotContain(r => r.Outcome == "opgeslagen");
        second.Out.ShouldContain("fetch --all: 0 opgeslagen, 3 ongewijzigd, 0 afgewezen, 3 mislukt, 2 overgeslagen.");
        FetchedValues.RowCount(store, "observations").ShouldBe(observations);
        FetchedValues.RowCount(store, "boundaries").ShouldBe(boundaries);
        store.Snapshot().ShouldBe(afterFirst);
    }

    [Fact]
    public async Task FetchAll_WhenStatLineIsDown_KeepsWhatTheOtherSourcesStored_AndTheNextRunBringsTheRest()
    {
        using var store = TestStore.Create();
        _fake.Inject("84583NED", 1, Fault.Down);
        string[] fetchAll = [.. "fetch --all --year 2019 --gemeente GM0518 --lang en".Split(' '), .. Sources(store)];

        var down = await CliRunner.RunAsync(fetchAll);
        var observationsWhileDown = FetchedValues.RowCount(store, "observations");
        var boundariesWhileDown = FetchedValues.RowCount(store, "boundaries");
        _fake.Heal("84583NED", 1);
        var back = await CliRunner.RunAsync(fetchAll);

        down.ExitCode.ShouldBe(4, down.Error);
        down.Error.ShouldContain("fetch kwb 2019: ");
        down.Error.ShouldContain("503");
        var summary = Summary(down.Out);
        summary.ShouldContain(("kwb", "2019", "failed", "-"));
        summary.ShouldContain(("boundaries wijken", "2019", "stored", DenHaagWijken));
        summary.ShouldContain(r => r.Kind == "lbm" && r.Outcome == "stored");
        // No KWB year in the store, so no crosswalk is wanted yet.
        summary.ShouldNotContain(r => r.Kind == "postcodes");
        observationsWhileDown.ShouldBe(0);
        boundariesWhileDown.ShouldBe(int.Parse(DenHaagWijken, System.Globalization.CultureInfo.InvariantCulture));

        var resumed = Summary(back.Out);
        resumed.ShouldContain(("kwb", "2019", "stored", "159"));
        resumed.ShouldContain(("boundaries wijken", "2019", "unchanged", DenHaagWijken));
        resumed.ShouldContain(r => r.Kind == "lbm" && r.Outcome == "unchanged");
        resumed.ShouldContain(r => r.Kind == "postcodes" && r.Outcome == "stored");
        FetchedValues.RowCount(store, "observations").ShouldBe(FakeSources.DenHaag2019().Sum(r => FetchedValues.OfRow(r).Count));
        FetchedValues.RowCount(store, "boundaries").ShouldBe(boundariesWhileDown);
    }

    /// <summary>
    /// A gemeente the year's table does not know is the user's mistake (exit 2, as every fetch with a wrong name), and
    /// the year's other sources are not asked to resolve the same name again; a name no year knows fetches no
    /// national Leefbaarometer either, and nothing is stored.
    /// </summary>
    [Fact]
    public async Task FetchAll_WithAGemeenteNoTableKnows_IsInvalidInput_Exit2_AndTheYearStopsAtItsKerncijfers()
    {
        using var store = TestStore.Create();

        var result = await CliRunner.RunAsync([.. "fetch --all --years 2019-2019 --gemeente Gravenhag".Split(' '), .. Sources(store)]);

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldContain("fetch kwb 2019: geen gemeente met de naam 'Gravenhag' in 84583NED; bedoelt u 's-Gravenhage (GM0518)");
        var summary = Summary(result.Out);
        summary.ShouldContain(("kwb", "2019", "gemeente niet gevonden", "-"));
        summary.ShouldNotContain(r => r.Kind.StartsWith("boundaries", StringComparison.Ordinal) || r.Kind == "nabijheid" || r.Kind == "politie" || r.Kind == "lbm");
        _fake.StatusesOf("/84583NED/TypedDataSet").ShouldBeEmpty();
        FetchedValues.RowCount(store, "observations").ShouldBe(0);
    }

    [Fact]
    public async Task FetchAll_WithoutYears_IsRefused_BeforeAnythingIsFetched()
    {
        using var store = TestStore.Create();

        var result = await CliRunner.RunAsync([.. "fetch --all".Split(' '), .. Sources(store)]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("geef --year 2019 of --years 2013-2025");
        _fake.Log.ShouldBeEmpty();
    }

    /// <summary>The Den Haag (GM0518) features of the wijk boundary fixture the fake serves as PDOK's wijken, as the summary prints their count.</summary>
    private static string DenHaagWijken { get; } = CountDenHaagWijken();

    private static string CountDenHaagWijken()
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(FakeSources.Fixture("wijk_haaglanden_4gm_wgs84.geojson.gz")), System.IO.Compression.CompressionMode.Decompress);
        var features = System.Text.Json.Nodes.JsonNode.Parse(gzip)!["features"]!.AsArray();
        return features.Count(f => f!["properties"]!["WK_CODE"]!.GetValue<string>().StartsWith("WK0518", StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of the summary table: kind, year, outcome, rows (the cells of every line with four).</summary>
    private static List<(string Kind, string Year, string Outcome, string Rows)> Summary(string output) =>
        [.. output.Split('\n')
            .Select(line => line.Split('│').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length == 6 && cells[1].Length > 0 && cells[2].Length > 0)
            .Select(cells => (cells[1], cells[2], cells[3], cells[4]))];

    /// <summary>The options that point every source at the fake, with a cache of the fake's own.</summary>
    private string[] Sources(TestStore store) =>
        ["--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--dataderden-url", _fake.Feed.AbsoluteUri, "--pdok-url", _fake.PdokTemplate, "--lbm-url", _fake.Leefbaarometer.AbsoluteUri, "--postcode-url", _fake.PostcodeTemplate, "--retry-delay", "0.001"];
}
