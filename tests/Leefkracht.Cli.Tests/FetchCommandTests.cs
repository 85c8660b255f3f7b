using Leefkracht.Core.Areas;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>leefkracht fetch</c> in-process against the fake StatLine feed: from an empty store, <c>fetch kwb</c> followed
/// by <c>score</c> works with no other step.
/// </summary>
public sealed class FetchCommandTests : IAsyncLifetime
{
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve("84583NED", FakeSources.DenHaag2019());
        _fake.ServeWijkBoundaries(2019);
        _fake.Serve("85984NED", FakeSources.National2024());
        _fake.ServePolice(["GM0518"]);
        _fake.ServeHealth(["GM0518"]);
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task FetchKwb_ThenScore_ByTheGemeentesCommonName_WorksFromAnEmptyStore()
    {
        using var store = TestStore.Create();

        // "Den Haag" is what people type; CBS's tables and the store name it 's-Gravenhage.
        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "Den Haag", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        fetch.Error.ShouldBeEmpty();
        fetch.ExitCode.ShouldBe(0);
        fetch.Out.ShouldContain("kwb 2019 (84583NED, GM0518): 159 rijen; 6 antwoorden, 6 gedownload");
        fetch.Out.ShouldContain("0 onbekend");

        // Like import, the fetch stored what a first visitor waits for: a service opened afterwards (as a freshly
        // started server's is) reads the year's scores, resilience and the gemeente's watchlist and computes nothing.
        await using (var opened = store.Open())
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            var monitor = new MonitorService(opened);
            await monitor.ScoreAsync(2019, DefaultResults.Model, ReferenceChoice.National, cancellationToken);
            await monitor.ResilienceAsync(2019, DefaultResults.Resilience, ReferenceChoice.National, cancellationToken);
            await new EarlyWarningService(monitor).WatchlistAsync(2019, null, AreaCode.Parse("GM0518"), null, DefaultResults.Model, cancellationToken);
            monitor.StoredResultsComputed.ShouldBe(0);
        }

        var score = await CliRunner.RunAsync("score", "--year", "2019", "--gemeente", "Den Haag", "--db", store.Setting);
        score.ExitCode.ShouldBe(0, score.Error);
        score.Out.ShouldContain("BU0518");

        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting);
        list.Out.ShouldContain("84583NED");
        list.Out.ShouldContain("159 gebieden met inwoners");
    }

    [Fact]
    public async Task FetchBoundaries_AndLeefbaarometer_ShowInTheList()
    {
        using var store = TestStore.Create();

        var boundaries = await CliRunner.RunAsync("fetch", "boundaries", "--year", "2019", "--level", "wijken", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--pdok-url", _fake.PdokTemplate, "--retry-delay", "0.001", "--lang", "en");
        var lbm = await CliRunner.RunAsync("fetch", "lbm", "--meting", "2024", "--db", store.Setting, "--cache", _fake.CacheFolder, "--lbm-url", _fake.Leefbaarometer.AbsoluteUri);
        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting, "--cache", _fake.CacheFolder);

        boundaries.ExitCode.ShouldBe(0, boundaries.Error);
        boundaries.Out.ShouldContain("boundaries 2019 wijken (GM0518): 45 features");
        lbm.ExitCode.ShouldBe(0, lbm.Error);
        lbm.Out.ShouldContain("leefbaarometer3_pc4_2002-2018_first2000.csv");
        list.Out.ShouldContain("45 wijk");
        list.Out.ShouldContain("in de downloadmap (geïmporteerd met fetch lbm)");
    }

    [Fact]
    public async Task FetchKwb_WithTheServiceDown_SaysSo_AndLeavesTheStoreAlone()
    {
        _fake.Inject("84583NED", 1, Fault.Down);
        using var store = TestStore.Create();
        (await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting)).ExitCode.ShouldBe(0);
        var before = store.Snapshot();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        fetch.ExitCode.ShouldBe(4);
        fetch.Error.ShouldContain("fetch kwb 2019: de server antwoordde 503 (niet beschikbaar)");
        fetch.Error.ShouldContain($"; adres: {_fake.Feed}");
        fetch.Error.ShouldContain("(de opslag is niet veranderd)");
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task FetchKwb_ForAYearWithoutATable_IsRefused_InTheUsersLanguage()
    {
        using var store = TestStore.Create();

        var dutch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2012", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri);
        var english = await CliRunner.RunAsync("fetch", "kwb", "--year", "2012", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--lang", "en");

        dutch.ExitCode.ShouldBe(2);
        dutch.Error.ShouldContain("fetch kwb 2012: ");
        dutch.Error.ShouldContain("CBS publiceert geen tabel Kerncijfers wijken en buurten voor 2012; jaren met een tabel: 2013, 2014");
        dutch.Error.ShouldContain("(de opslag is niet veranderd)");
        english.ExitCode.ShouldBe(2);
        english.Error.ShouldContain("CBS publishes no Kerncijfers wijken en buurten table for 2012; years with a table: 2013, 2014");
        english.Error.ShouldContain("(the store was not changed)");
    }

    [Fact]
    public async Task FetchKwb_ReportsItsLines_InEnglish_WithLangEn()
    {
        using var store = TestStore.Create();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001", "--lang", "en");
        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting, "--lang", "en");

        fetch.ExitCode.ShouldBe(0, fetch.Error);
        fetch.Out.ShouldContain("kwb 2019 (84583NED, GM0518): 159 rows; ");
        fetch.Out.ShouldContain("known non-indicators, 0 unknown");
        list.Out.ShouldContain("in the store");
        list.Out.ShouldContain("159 areas with inhabitants");
    }

    [Fact]
    public async Task FetchPolitieAndGezondheid_SayWhatTheyStored_AndWhyAYearFails_InDutch()
    {
        using var store = TestStore.Create();
        var sources = await DenHaag2024Async(store);

        // By the gemeente's common name, as fetch kwb takes it (GemeenteNames, one rule for every StatLine fetch).
        var police = await CliRunner.RunAsync(["fetch", "politie", "--year", "2023", "--gemeente", "Den Haag", .. sources]);
        var unknown = await CliRunner.RunAsync(["fetch", "politie", "--year", "2023", "--gemeente", "Gravenhag", .. sources]);
        var noYear = await CliRunner.RunAsync(["fetch", "politie", "--gemeente", "GM0518", .. sources]);
        var notEstimated = await CliRunner.RunAsync(["fetch", "gezondheid", "--year", "2023", "--gemeente", "GM0518", .. sources]);

        police.ExitCode.ShouldBe(0, police.Error);
        police.Out.ShouldMatch(@"politie 2023 \(47022NED GeregistreerdeMisdrijven_1, GM0518\): \d+ rijen, \d+ gebieden; \d+ antwoorden");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldStartWith("fetch politie 2023: geen gemeente met de naam 'Gravenhag' in 47022NED; bedoelt u 's-Gravenhage (GM0518); adres: ");
        unknown.Error.ShouldEndWith("(de opslag is niet veranderd)\n");
        noYear.ExitCode.ShouldBe(2);
        noYear.Error.ShouldBe("geef --year 2019 of --years 2013-2025\n");
        notEstimated.ExitCode.ShouldBe(2);
        notEstimated.Error.ShouldStartWith("fetch gezondheid 2023: 50150NED heeft geen cijfers voor 2023; jaren met cijfers: 2012, 2016, 2020, 2022, 2024; adres: ");
        notEstimated.Error.ShouldEndWith("(de opslag is niet veranderd)\n");
    }

    /// <summary>
    /// A gemeente name that leads nowhere (unknown, or fitting two gemeenten; a name where PDOK takes a code) is the
    /// user's mistake, not the source's: exit 2 like any invalid input, not 4, in every fetch that takes
    /// <c>--gemeente</c>; the message names the candidates as before, and no data are requested or stored.
    /// (<c>fetch nabijheid</c>: <see cref="FetchNabijheidCommandTests"/>.)
    /// </summary>
    [Theory]
    [InlineData("kwb", "2019", "Gravenhag", "84583NED", "fetch kwb 2019: geen gemeente met de naam 'Gravenhag' in 84583NED; bedoelt u 's-Gravenhage (GM0518); adres: ")]
    [InlineData("politie", "2023", "Bergen", "47022NED", "fetch politie 2023: 'Bergen' past bij meer dan één gemeente in 47022NED: Bergen (NH.) (GM0373), Bergen (L.) (GM0893); ")]
    [InlineData("gezondheid", "2022", "Gravenhag", "50150NED", "fetch gezondheid 2022: geen gemeente met de naam 'Gravenhag' in 50150NED; bedoelt u 's-Gravenhage (GM0518); adres: ")]
    [InlineData("boundaries", "2019", "Den Haag", "collections/", "fetch boundaries gemeenten: ‘Den Haag’: grenzen worden per gemeentecode opgehaald (GM0344 of 0344); adres: ")]
    public async Task AGemeenteNameThatLeadsNowhere_IsInvalidInput_Exit2_AndNothingIsStored(string kind, string year, string name, string data, string message)
    {
        // Both Bergens of the 2024 division, so that "Bergen" is ambiguous in the police table.
        _fake.ServePolice(["GM0518", "GM0373", "GM0893"]);
        using var store = TestStore.Create();
        (await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting)).ExitCode.ShouldBe(0);
        var before = store.Snapshot();

        var fetch = await CliRunner.RunAsync("fetch", kind, "--year", year, "--gemeente", name, "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--dataderden-url", _fake.Feed.AbsoluteUri, "--pdok-url", _fake.PdokTemplate, "--retry-delay", "0.001");

        fetch.ExitCode.ShouldBe(2, fetch.Error);
        fetch.Error.ShouldStartWith(message);
        fetch.Error.ShouldEndWith("(de opslag is niet veranderd)\n");
        _fake.StatusesOf(data == "collections/" ? data : $"/{data}/TypedDataSet").ShouldBeEmpty();
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task FetchPolitieAndGezondheid_SayItInEnglish_WithLangEn()
    {
        using var store = TestStore.Create();
        string[] sources = [.. await DenHaag2024Async(store), "--lang", "en"];

        var health = await CliRunner.RunAsync(["fetch", "gezondheid", "--year", "2022", "--gemeente", "'s-Gravenhage", .. sources]);
        var notEstimated = await CliRunner.RunAsync(["fetch", "gezondheid", "--year", "2023", "--gemeente", "GM0518", .. sources]);

        health.ExitCode.ShouldBe(0, health.Error);
        health.Out.ShouldMatch(@"gezondheid 2022 \(50150NED GoedErvarenGezondheid_4, GM0518\): \d+ rows, \d+ areas; \d+ responses");
        notEstimated.Error.ShouldStartWith("fetch gezondheid 2023: 50150NED has no figures for 2023; years with figures: 2012, 2016, 2020, 2022, 2024; address: ");
        notEstimated.Error.ShouldEndWith("(the store was not changed)\n");
    }

    /// <summary>Fills <paramref name="store"/> with Den Haag's KWB 2024 (the division the police and RIVM codes belong to) and returns the options that reach the fake sources.</summary>
    private async Task<string[]> DenHaag2024Async(TestStore store)
    {
        _fake.PageSize = 500;
        string[] sources = ["--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--dataderden-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001"];
        var kwb = await CliRunner.RunAsync(["fetch", "kwb", "--year", "2024", "--gemeente", "GM0518", .. sources]);
        kwb.ExitCode.ShouldBe(0, kwb.Error);
        return sources;
    }
}
