using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Fetch.Http;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// Police crimes (47022NED, monthly) and RIVM health estimates (50150NED) against the fake third-party feed made
/// from the real yearly figures of Den Haag and Utrecht, into a real store that first holds Den Haag's KWB 2024
/// (fetched from the fake 85984NED, the division the police and RIVM codes belong to).
/// </summary>
public sealed class SeriesFetchTests : IAsyncLifetime
{
    private static readonly string[] Gemeenten = ["GM0518", "GM0344"];
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve("85984NED", FakeSources.National2024());
        _fake.ServePolice(Gemeenten);
        _fake.ServeHealth(Gemeenten);
        _fake.PageSize = 500;
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task Police_SumsTheTwelveMonthsOfAllCrimes_AndStoresThePolicesYearTotals_ForEveryAreaOfTheGemeente()
    {
        using var store = await DenHaag2024Async();

        var result = await FetchAsync(store, StatLineSeries.Politie, 2023, "GM0518");

        result.TopicKey.ShouldBe("GeregistreerdeMisdrijven_1");
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Import.Origin!.Table.ShouldBe("47022NED");
        result.Import.Origin.Url.ShouldContain("SoortMisdrijf%20eq%20%270.0.0%20%27");
        var expected = Real(FakeSources.PoliceSample, "geregistreerde_misdrijven_totaal", 2023, "GM0518");
        expected.Count.ShouldBeGreaterThan(100);
        result.Areas.ShouldBe(expected.Count);
        result.Rows.ShouldBe(expected.Count * 12);
        (await StoredAsync(store, "crimes_registered", 2023, expected.Keys)).ShouldBe(expected);
    }

    [Fact]
    public async Task Health_TakesTheAdultEstimate_NotItsMarginsOrAnotherAgeGroup()
    {
        using var store = await DenHaag2024Async();

        var result = await FetchAsync(store, StatLineSeries.Gezondheid, 2022, "0518");

        result.TopicKey.ShouldBe("GoedErvarenGezondheid_4");
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        var expected = Real(FakeSources.HealthSample, "goed_ervaren_gezondheid_pct", 2022, "GM0518");
        expected.Count.ShouldBeGreaterThan(50);
        result.Areas.ShouldBe(expected.Count);
        (await StoredAsync(store, "good_health_pct", 2022, expected.Keys)).ShouldBe(expected);
    }

    [Fact]
    public async Task FetchingTwice_ChangesNothing_AndCostsOnly304s()
    {
        using var store = await DenHaag2024Async();
        await FetchAsync(store, StatLineSeries.Politie, 2022, "GM0518");
        var after = store.Snapshot();

        var second = await FetchAsync(store, StatLineSeries.Politie, 2022, "GM0518");

        second.Transfer.Downloaded.ShouldBe(0);
        second.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(after);
    }

    [Fact]
    public async Task AYearWithoutAllTwelveMonths_IsRefused_AndNothingIsStored()
    {
        _fake.ServePolice(Gemeenten, lastYear: 2025, months: 9);
        using var store = await DenHaag2024Async();
        var before = store.Snapshot();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Politie, 2025, "GM0518"));

        failure.Message.ShouldContain("47022NED heeft 9 maanden van 2025 (2025MM01 tot 2025MM09): een jaartotaal heeft alle twaalf nodig, dus 2025 wordt niet geïmporteerd");
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task AYearTheRivmDidNotEstimate_AndAGemeenteName_AreClearErrors()
    {
        using var store = await DenHaag2024Async();
        using var english = UiLanguage.English();

        (await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Gezondheid, 2023, "GM0518")))
            .Message.ShouldContain("50150NED has no figures for 2023; years with figures: 2012, 2016, 2020, 2022, 2024");
        (await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Politie, 2023, "Utrecht")))
            .Message.ShouldContain("'Utrecht': politie is fetched by gemeente code");
    }

    /// <summary>The real figures of one year and gemeente, by area code.</summary>
    private static Dictionary<string, double> Real(string sample, string column, int year, string gemeente) =>
        FakeSources.SampleRows(sample)
            .Where(r => r["gm_code"] == gemeente && r["jaar"] == year.ToString(CultureInfo.InvariantCulture) && r[column] is not ("" or "."))
            .ToDictionary(r => r["code"], r => double.Parse(r[column], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The stored values of an indicator and year for the areas with <paramref name="codes"/> (an area without one is left out).</summary>
    internal static async Task<Dictionary<string, double>> StoredAsync(TestStore store, string indicator, int year, IEnumerable<string> codes)
    {
        await using var opened = store.Open();
        var stored = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var values = await opened.LoadObservationsAsync(AreaCode.Parse(code), year, TestContext.Current.CancellationToken);
            foreach (var value in values.Where(v => v.IndicatorId == indicator))
            {
                stored.Add(code, value.Value);
            }
        }

        return stored;
    }

    /// <summary>A store holding Den Haag's areas of the 2024 division, fetched like a user would.</summary>
    private async Task<TestStore> DenHaag2024Async()
    {
        var store = TestStore.Create();
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder);
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var kwb = await new KwbFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow))
            .FetchAsync(2024, "GM0518", null, TestContext.Current.CancellationToken);
        kwb.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        return store;
    }

    private async Task<SeriesFetchResult> FetchAsync(TestStore store, StatLineSeries series, int year, string gemeente)
    {
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder) with { DataDerden = _fake.Feed };
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new SeriesFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(series, year, gemeente, null, TestContext.Current.CancellationToken);
    }
}
