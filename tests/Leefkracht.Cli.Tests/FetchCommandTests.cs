namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>leefkracht fetch</c> in-process against the fake StatLine feed: from an empty store, <c>fetch kwb</c> followed
/// by <c>score</c> works with no other step.
/// </summary>
public sealed class FetchCommandTests : IAsyncLifetime
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "leefkracht-fetch-tests", Guid.NewGuid().ToString("N"));
    private FakeStatLine _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeStatLine.StartAsync();
        _fake.Serve("84583NED", FakeStatLine.DenHaag2019());
    }

    public async ValueTask DisposeAsync()
    {
        await _fake.DisposeAsync();
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task FetchKwb_ThenScore_WorksFromAnEmptyStore()
    {
        using var store = TestStore.Create();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "'s-Gravenhage", "--db", store.Setting, "--cache", _cache, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        fetch.Error.ShouldBeEmpty();
        fetch.ExitCode.ShouldBe(0);
        fetch.Out.ShouldContain("kwb 2019 (84583NED, GM0518): 159 rows; 5 responses, 5 downloaded");
        fetch.Out.ShouldContain("0 unknown");
        var score = await CliRunner.RunAsync("score", "--year", "2019", "--gemeente", "'s-Gravenhage", "--db", store.Setting);
        score.ExitCode.ShouldBe(0, score.Error);
        score.Out.ShouldContain("BU0518");

        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting);
        list.Out.ShouldContain("84583NED");
        list.Out.ShouldContain("159 areas with inhabitants");
    }

    [Fact]
    public async Task FetchKwb_WithTheServiceDown_SaysSo_AndLeavesTheStoreAlone()
    {
        _fake.Inject("84583NED", 1, Fault.Down);
        using var store = TestStore.Create();
        (await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting)).ExitCode.ShouldBe(0);
        var before = store.Snapshot();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2019", "--gemeente", "GM0518", "--db", store.Setting, "--cache", _cache, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001");

        fetch.ExitCode.ShouldBe(4);
        fetch.Error.ShouldContain("the server answered 503");
        fetch.Error.ShouldContain("the store was not changed");
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task FetchKwb_ForAYearWithoutATable_IsRefused()
    {
        using var store = TestStore.Create();

        var fetch = await CliRunner.RunAsync("fetch", "kwb", "--year", "2012", "--db", store.Setting, "--cache", _cache, "--statline-url", _fake.Feed.AbsoluteUri);

        fetch.ExitCode.ShouldBe(4);
        fetch.Error.ShouldContain("no Kerncijfers wijken en buurten table for 2012");
    }
}
