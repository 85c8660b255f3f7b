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

    /// <summary>
    /// A national police year names every area of the country; a store that holds only Den Haag's division keeps Den
    /// Haag's figures, and Utrecht's areas (in no division of the store) are skipped with a warning each, instead of
    /// rejecting the whole year as errors would (a file on disk keeps that strict rule).
    /// </summary>
    [Fact]
    public async Task Police_AreasInNoDivisionOfTheStore_AreSkippedWithAWarning_AndTheRestOfTheYearIsStored()
    {
        using var store = await DenHaag2024Async();

        var result = await FetchAsync(store, StatLineSeries.Politie, 2023, null);

        var denHaag = Real(FakeSources.PoliceSample, "geregistreerde_misdrijven_totaal", 2023, "GM0518");
        var utrecht = Real(FakeSources.PoliceSample, "geregistreerde_misdrijven_totaal", 2023, "GM0344");
        utrecht.Count.ShouldBeGreaterThan(50);
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Import.RowsSkipped.ShouldBe(utrecht.Count);
        result.Import.Warnings.ShouldBe(utrecht.Count);
        result.Import.Errors.ShouldBe(0);
        result.Import.Issues.ShouldContain(i => i.Severity == IssueSeverity.Warning && i.Value != null && utrecht.ContainsKey(i.Value) && i.Reason.Contains("regel overgeslagen", StringComparison.Ordinal));
        (await StoredAsync(store, "crimes_registered", 2023, denHaag.Keys)).ShouldBe(denHaag);
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
    public async Task AYearTheRivmDidNotEstimate_IsAClearError()
    {
        using var store = await DenHaag2024Async();
        using var english = UiLanguage.English();

        (await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Gezondheid, 2023, "GM0518")))
            .Message.ShouldContain("50150NED has no figures for 2023; years with figures: 2012, 2016, 2020, 2022, 2024");
    }

    [Theory]
    [InlineData("politie", "Den Haag")]
    [InlineData("politie", "'s-Gravenhage")]
    [InlineData("gezondheid", "den haag")]
    [InlineData("gezondheid", "s-Gravenhage")]
    public async Task AGemeenteByItsCommonOrCbsName_FetchesWhatItsCodeFetches(string kind, string name)
    {
        var series = StatLineSeries.All.Single(s => s.Kind == kind);
        var year = series == StatLineSeries.Politie ? 2023 : 2022;
        using var store = await DenHaag2024Async();

        var result = await FetchAsync(store, series, year, name);

        result.Gemeente.ShouldBe("GM0518");
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        var expected = Real(series == StatLineSeries.Politie ? FakeSources.PoliceSample : FakeSources.HealthSample, series.Column, year, "GM0518");
        (await StoredAsync(store, series == StatLineSeries.Politie ? "crimes_registered" : "good_health_pct", year, expected.Keys)).ShouldBe(expected);
    }

    [Fact]
    public async Task AnAmbiguousOrUnknownName_IsAClearErrorListingTheCandidates_AndNoDataAreFetched()
    {
        // Both Bergens of the 2024 division: CBS calls them Bergen (NH.) and Bergen (L.).
        _fake.ServePolice([.. Gemeenten, "GM0373", "GM0893"]);
        using var store = await DenHaag2024Async();
        var before = store.Snapshot();

        var ambiguous = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Politie, 2023, "Bergen"));
        var unknown = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Politie, 2023, "Gravenhag"));
        using (UiLanguage.English())
        {
            (await Should.ThrowAsync<FetchException>(() => FetchAsync(store, StatLineSeries.Politie, 2023, "Bergen")))
                .Message.ShouldContain("'Bergen' fits more than one gemeente in 47022NED: Bergen (NH.) (GM0373), Bergen (L.) (GM0893); give the name as CBS writes it, or the gemeente code");
        }

        ambiguous.Message.ShouldContain("'Bergen' past bij meer dan één gemeente in 47022NED: Bergen (NH.) (GM0373), Bergen (L.) (GM0893)");
        unknown.Message.ShouldContain("geen gemeente met de naam 'Gravenhag' in 47022NED; bedoelt u 's-Gravenhage (GM0518)");
        ambiguous.InputWasWrong.ShouldBeTrue();
        unknown.InputWasWrong.ShouldBeTrue();
        _fake.Statuses("47022NED").ShouldBeEmpty();
        store.Snapshot().ShouldBe(before);
    }

    [Theory]
    [InlineData("politie", 400)]
    [InlineData("gezondheid", 30)]
    public async Task AnInterruptedFetch_ResumesFromTheCache_AndLeavesOneCopyOfEveryValue(string kind, int pageSize)
    {
        // Den Haag: 1,380 police rows (twelve months of 115 areas) or 109 RIVM rows, four pages either way.
        var series = StatLineSeries.All.Single(s => s.Kind == kind);
        var year = series == StatLineSeries.Politie ? 2023 : 2022;
        _fake.PageSize = pageSize;
        using var store = await DenHaag2024Async();
        var kwbOnly = store.Snapshot();
        var kwbObservations = FetchedValues.RowCount(store, "observations");
        _fake.Inject(series.Table, 3, Fault.Down);

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, series, year, "GM0518"));

        failure.Status.ShouldBe(503);
        store.Snapshot().ShouldBe(kwbOnly);
        _fake.Heal(series.Table, 3);
        var resumed = await FetchAsync(store, series, year, "GM0518");
        _fake.Statuses(series.Table).Take(2).ShouldBe([200, 200]);
        _fake.Statuses(series.Table).Skip(2).SkipWhile(s => s == 503).ShouldBe([304, 304, 200, 200]);
        resumed.Import.Outcome.ShouldBe(ImportOutcome.Stored);

        // The resumed fetch stored what a fetch in one go stores, into a store of its own with a cache of its own.
        using var straight = await DenHaag2024Async(Path.Combine(_fake.CacheFolder, "straight"));
        var direct = await FetchAsync(straight, series, year, "GM0518", Path.Combine(_fake.CacheFolder, "straight"));
        resumed.Import.ValuesStored.ShouldBe(direct.Import.ValuesStored);
        store.Snapshot("imports").ShouldBe(straight.Snapshot("imports"));

        // Once more: nothing downloaded, nothing imported, and one value per area with a figure in the source.
        var resumedStore = store.Snapshot();
        var again = await FetchAsync(store, series, year, "GM0518");
        again.Transfer.Downloaded.ShouldBe(0);
        again.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(resumedStore);
        var expected = Real(series == StatLineSeries.Politie ? FakeSources.PoliceSample : FakeSources.HealthSample, series.Column, year, "GM0518");
        FetchedValues.RowCount(store, "observations").ShouldBe(kwbObservations + expected.Count);
        FetchedValues.RowCount(store, "imports").ShouldBe(2);
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
    private async Task<TestStore> DenHaag2024Async(string? cache = null)
    {
        var store = TestStore.Create();
        var options = KwbFetchTests.TestOptions(_fake.Feed, cache ?? _fake.CacheFolder);
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var kwb = await new KwbFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow))
            .FetchAsync(2024, "GM0518", null, TestContext.Current.CancellationToken);
        kwb.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        return store;
    }

    private async Task<SeriesFetchResult> FetchAsync(TestStore store, StatLineSeries series, int year, string? gemeente, string? cache = null)
    {
        var options = KwbFetchTests.TestOptions(_fake.Feed, cache ?? _fake.CacheFolder) with { DataDerden = _fake.Feed };
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new SeriesFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(series, year, gemeente, null, TestContext.Current.CancellationToken);
    }
}
