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
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task FetchKwb_ThenScore_WorksFromAnEmptyStore()
    {
        using var store = TestStore.Create();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "'s-Gravenhage", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        fetch.Error.ShouldBeEmpty();
        fetch.ExitCode.ShouldBe(0);
        fetch.Out.ShouldContain("kwb 2019 (84583NED, GM0518): 159 rows; 6 responses, 6 downloaded");
        fetch.Out.ShouldContain("0 unknown");
        var score = await CliRunner.RunAsync("score", "--year", "2019", "--gemeente", "'s-Gravenhage", "--db", store.Setting);
        score.ExitCode.ShouldBe(0, score.Error);
        score.Out.ShouldContain("BU0518");

        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting);
        list.Out.ShouldContain("84583NED");
        list.Out.ShouldContain("159 areas with inhabitants");
    }

    [Fact]
    public async Task FetchBoundaries_AndLeefbaarometer_ShowInTheList()
    {
        using var store = TestStore.Create();

        var boundaries = await CliRunner.RunAsync("fetch", "boundaries", "--year", "2019", "--level", "wijken", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _fake.CacheFolder, "--pdok-url", _fake.PdokTemplate, "--retry-delay", "0.001");
        var lbm = await CliRunner.RunAsync("fetch", "lbm", "--meting", "2024", "--db", store.Setting, "--cache", _fake.CacheFolder, "--lbm-url", _fake.Leefbaarometer.AbsoluteUri);
        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting, "--cache", _fake.CacheFolder);

        boundaries.ExitCode.ShouldBe(0, boundaries.Error);
        boundaries.Out.ShouldContain("boundaries 2019 wijken (GM0518): 45 features");
        lbm.ExitCode.ShouldBe(0, lbm.Error);
        lbm.Out.ShouldContain("leefbaarometer3_pc4_2002-2018_first2000.csv");
        list.Out.ShouldContain("45 wijk");
        list.Out.ShouldContain("in the cache (imported with fetch lbm)");
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
        fetch.Error.ShouldContain("the server answered 503");
        fetch.Error.ShouldContain("the store was not changed");
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task FetchKwb_ForAYearWithoutATable_IsRefused()
    {
        using var store = TestStore.Create();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2012", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri);

        fetch.ExitCode.ShouldBe(4);
        fetch.Error.ShouldContain("no Kerncijfers wijken en buurten table for 2012");
    }
}
