namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>leefkracht fetch nabijheid</c> in-process against the fake StatLine feed (86134NED with the real 2024 distances
/// of Utrecht): after <c>fetch kwb</c> of the division, the distances are where the catalog uses them (<c>show</c>),
/// the unknown columns are listed, and <c>fetch --list</c> counts the areas.
/// </summary>
public sealed class FetchNabijheidCommandTests : IAsyncLifetime
{
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve("85984NED", FakeSources.National2024());
        _fake.ServeNabijheid2024("GM0344");
        _fake.PageSize = 500;
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task FetchNabijheid_AfterKwb_PutsTheDistancesWhereShowFindsThem_AndListsTheUnknownColumns()
    {
        using var store = TestStore.Create();
        string[] sources = ["--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--retry-delay", "0.001"];
        var kwb = await CliRunner.RunAsync(["fetch", "kwb", "--year", "2024", "--gemeente", "GM0344", .. sources]);
        kwb.ExitCode.ShouldBe(0, kwb.Error);

        var fetch = await CliRunner.RunAsync(["fetch", "nabijheid", "--year", "2024", "--gemeente", "Utrecht", .. sources]);
        var show = await CliRunner.OutputAsync("show", "GM0344", "--db", store.Setting, "--year", "2024", "--lang", "en", "--format", "csv");
        var list = await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting);

        fetch.ExitCode.ShouldBe(0, fetch.Error);
        fetch.Out.ShouldContain("nabijheid 2024 (86134NED, GM0344): 122 gebieden; 2 antwoorden, 2 gedownload");
        fetch.Out.ShouldContain("kolommen: 5 indicatoren, 0 bekende niet-indicatoren, 51 onbekend");
        fetch.Out.ShouldContain("onbekende kolom AfstandTotSchool_64");
        // The real KWB 2024 figures of the gemeente itself (CBS 85984NED): 0.7 km to a GP and to a large supermarket.
        show.ShouldContain("GM0344,2024,2024,distance_gp,Distance to GP practice,0.7,Kilometre,nabijheid_86134NED_2024_GM0344.csv");
        show.ShouldContain("GM0344,2024,2024,schools_within_3km,Primary schools within 3 km,19.9,Count,nabijheid_86134NED_2024_GM0344.csv");
        list.Out.ShouldContain("86134NED");
        list.Out.ShouldContain("122 gebieden");
    }

    [Fact]
    public async Task FetchNabijheid_WithAGemeenteNameNotInTheTable_IsInvalidInput_Exit2_AndNothingIsStored()
    {
        using var store = TestStore.Create();
        (await CliRunner.RunAsync("fetch", "--list", "--db", store.Setting)).ExitCode.ShouldBe(0);
        var before = store.Snapshot();

        var result = await CliRunner.RunAsync("fetch", "nabijheid", "--year", "2024", "--gemeente", "Utrec", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--lang", "en");

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldStartWith("fetch nabijheid 2024: no gemeente named 'Utrec' in 86134NED; did you mean Utrecht (GM0344); address: ");
        result.Error.ShouldEndWith("(the store was not changed)\n");
        _fake.Statuses("86134NED").ShouldBeEmpty();
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task FetchNabijheid_ForAYearWithoutATable_IsRefused_InEnglishWithLangEn()
    {
        using var store = TestStore.Create();

        var result = await CliRunner.RunAsync("fetch", "nabijheid", "--year", "2016", "--gemeente", "GM0344", "--db", store.Setting, "--cache", _fake.CacheFolder, "--statline-url", _fake.Feed.AbsoluteUri, "--lang", "en");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("fetch nabijheid 2016: no Nabijheid voorzieningen table (wijk- en buurtcijfers) is known for 2016; years with a table: 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025");
        result.Error.ShouldEndWith("(the store was not changed)\n");
    }
}
