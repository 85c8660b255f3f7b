using System.Globalization;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Fetch.Http;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// <c>fetch nabijheid</c>: the key lists of the Nabijheid voorzieningen tables (each from the public source named in
/// its file) mapped to the catalog, and a fetch against the fake feed serving 86134NED (2024) with the keys of its
/// public key list, in StatLine's format and pages, holding the real 2024 distances of Utrecht's 122 areas.
/// </summary>
public sealed class NabijheidFetchTests : IAsyncLifetime
{
    private const string Table2024 = FakeSources.Nabijheid2024;

    private static readonly Dictionary<string, string> Indicators = new(StringComparer.Ordinal)
    {
        ["afstandHuisarts"] = "distance_gp",
        ["afstandSupermarkt"] = "distance_supermarket",
        ["afstandSchool"] = "distance_school",
        ["scholenBinnen3km"] = "schools_within_3km",
    };

    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve("85984NED", FakeSources.National2024());
        _fake.ServeNabijheid2024("GM0344");
        _fake.PageSize = 40;
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    /// <summary>
    /// Every documented key list: the catalog's proximity indicators by stem and place (the first
    /// <c>AfstandTotSchool</c> is primary school, the <c>Binnen3Km</c> after it the schools within 3 km), the
    /// region columns structural, everything else unknown (and so reported by a fetch).
    /// </summary>
    [Theory]
    [InlineData(2018, 18, 0, 3)]
    [InlineData(2022, 10, 4, 1)]
    [InlineData(2024, 57, 5, 1)]
    [InlineData(2025, 44, 4, 3)]
    public void AYearsDocumentedKeys_MapTheProximityIndicators_AndLeaveTheRestUnknown(int year, int keys, int indicators, int structural)
    {
        var columns = NabijheidColumns.Map(Keys(year).Select(k => new StatLineProperty(k, k, k == "WijkenEnBuurten" ? "GeoDimension" : "Topic", null)), CatalogDocument.Default);

        columns.Columns.Count.ShouldBe(keys);
        columns.IndicatorCount.ShouldBe(indicators);
        columns.Columns.Count(c => c.Fate == ColumnFate.Structural).ShouldBe(structural);
        columns.Unknown.Count.ShouldBe(keys - indicators - structural);
        var targets = columns.Columns.Where(c => c.Fate == ColumnFate.Indicator).ToDictionary(c => c.Property.Key, c => c.Target);
        if (indicators > 0)
        {
            targets["AfstandTotHuisartsenpraktijk_5"].ShouldBe("distance_gp");
            targets["AfstandTotGroteSupermarkt_24"].ShouldBe("distance_supermarket");
            targets["AfstandTotKinderdagverblijf_52"].ShouldBe("distance_childcare");
            targets["AfstandTotSchool_60"].ShouldBe("distance_school");
            targets.ShouldNotContainKey("AfstandTotSchool_64");
        }

        if (year == 2024)
        {
            targets["Binnen3Km_62"].ShouldBe("schools_within_3km");
            targets.ShouldNotContainKey("Binnen3Km_7");
            targets.ShouldNotContainKey("Binnen3Km_26");
        }
    }

    /// <summary>The table's units are checked: a "distance" in another unit is reported, not read as kilometres.</summary>
    [Fact]
    public void ADistanceInAnotherUnit_IsUnknown()
    {
        var properties = Keys(2024).Select(k => new StatLineProperty(k, k, k == "WijkenEnBuurten" ? "GeoDimension" : "Topic", k == "AfstandTotSchool_60" ? "aantal" : FakeSources.NabijheidUnit(k)));

        var columns = NabijheidColumns.Map(properties, CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldContain("AfstandTotSchool_60");
        columns.IndicatorCount.ShouldBe(4);
    }

    [Fact]
    public void TheYearsWithATable_AreThoseAPublicSourceNames()
    {
        NabijheidTables.Years.ShouldBe(Enumerable.Range(2017, 9));
        NabijheidTables.For(2024).ShouldBe(Table2024);
        NabijheidTables.For(2018).ShouldBe("84463NED");
        NabijheidTables.For(2019).ShouldBe("84718NED");
        NabijheidTables.For(2020).ShouldBe("84953NED");
        NabijheidTables.For(2021).ShouldBe("85231NED");
        NabijheidTables.For(2016).ShouldBeNull();
    }

    [Fact]
    public async Task AGemeente_IsFetchedInPages_EveryKnownKeyMapped_TheUnknownReported_AndTheRealDistancesStored()
    {
        using var store = await Utrecht2024Async();

        var result = await FetchAsync(store, 2024, "GM0344");

        result.Table.ShouldBe(Table2024);
        result.Rows.ShouldBe(122);
        result.Transfer.Requests.ShouldBe(5); // DataProperties and four pages of 40
        result.Columns.IndicatorCount.ShouldBe(5);
        result.Columns.Unknown.Count.ShouldBe(51);
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Import.Origin!.Table.ShouldBe(Table2024);
        result.Import.Origin.Parts.ShouldBe(4);
        // Every unknown column is in the stored report too, as a warning (counted all; the first 50 kept in detail).
        result.Import.IssueCounts.Single(c => c.Code == "Import.UnknownColumn").Count.ShouldBe(51);
        result.Import.Issues.Where(i => i.Code == "Import.UnknownColumn").Select(i => i.ColumnName).ShouldContain("AfstandTotSchool_64");

        foreach (var (column, indicator) in Indicators)
        {
            var expected = Real(column);
            expected.Count.ShouldBeGreaterThan(100);
            (await StoredAsync(store, indicator, expected.Keys)).ShouldBe(expected, $"{indicator} as the real {column}");
        }

        (await StoredAsync(store, "distance_childcare", Real("afstandHuisarts").Keys)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ASecondFetch_DownloadsNothing_AndChangesNothing()
    {
        using var store = await Utrecht2024Async();
        var first = await FetchAsync(store, 2024, "0344");
        var before = await StoredAsync(store, "distance_gp", Real("afstandHuisarts").Keys);

        var second = await FetchAsync(store, 2024, "0344");

        first.Import.ValuesStored.ShouldBeGreaterThan(400);
        second.Transfer.Downloaded.ShouldBe(0);
        second.Transfer.Revalidated.ShouldBe(second.Transfer.Requests);
        second.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        second.File.ShouldBe(first.File);
        (await StoredAsync(store, "distance_gp", before.Keys)).ShouldBe(before);
    }

    /// <summary>Without a gemeente the table is read unfiltered (the fake's table holds Utrecht only, so that is what it sends).</summary>
    [Fact]
    public async Task WithoutAGemeente_TheWholeTableIsFetched_Unfiltered()
    {
        using var store = await Utrecht2024Async();

        var result = await FetchAsync(store, 2024, null);

        result.Gemeente.ShouldBeNull();
        result.Import.Origin!.Url.ShouldNotContain("filter");
        Path.GetFileName(result.File).ShouldBe("nabijheid_86134NED_2024_NL.csv");
        result.Rows.ShouldBe(122);
        (await StoredAsync(store, "distance_school", Real("afstandSchool").Keys)).ShouldBe(Real("afstandSchool"));
    }

    [Fact]
    public async Task AYearWithoutATable_OrAnUnknownGemeenteName_IsRefused_WithNothingStored()
    {
        using var store = await Utrecht2024Async();
        var before = store.Snapshot();

        var noTable = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2016, "GM0344"));
        var unknown = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2024, "Utreht"));
        var nearMiss = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2024, "Utrec"));

        noTable.Message.ShouldContain("2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025");
        unknown.Message.ShouldContain("geen gemeente met de naam 'Utreht' in 86134NED");
        nearMiss.Message.ShouldContain("bedoelt u Utrecht (GM0344)");
        unknown.InputWasWrong.ShouldBeTrue();
        nearMiss.InputWasWrong.ShouldBeTrue();
        _fake.Statuses(Table2024).ShouldBeEmpty();
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task AGemeenteByName_IsFetchedAsByItsCode()
    {
        using var store = await Utrecht2024Async();

        var result = await FetchAsync(store, 2024, "utrecht");

        result.Gemeente.ShouldBe("GM0344");
        result.Rows.ShouldBe(122);
        (await StoredAsync(store, "distance_gp", Real("afstandHuisarts").Keys)).ShouldBe(Real("afstandHuisarts"));
    }

    private static List<string> Keys(int year) => FakeSources.NabijheidKeys(year);

    private static IReadOnlyList<Dictionary<string, string>> Selection() => FakeSources.SampleRows(FakeSources.Kwb2024Selection);

    private static Dictionary<string, double> Real(string column) =>
        Selection()
            .Where(r => r["gm_code"] == "GM0344" && r[column] is not ("" or "."))
            .ToDictionary(r => r["code"], r => double.Parse(r[column], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static Task<Dictionary<string, double>> StoredAsync(TestStore store, string indicator, IEnumerable<string> codes) =>
        SeriesFetchTests.StoredAsync(store, indicator, 2024, codes);

    /// <summary>A store holding Utrecht's areas of the 2024 division, fetched like a user would (fetch kwb first).</summary>
    private async Task<TestStore> Utrecht2024Async()
    {
        var store = TestStore.Create();
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder);
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var kwb = await new KwbFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow))
            .FetchAsync(2024, "GM0344", null, TestContext.Current.CancellationToken);
        kwb.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        return store;
    }

    private async Task<TableFetchResult> FetchAsync(TestStore store, int year, string? gemeente)
    {
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder);
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new NabijheidFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(year, gemeente, null, TestContext.Current.CancellationToken);
    }
}
