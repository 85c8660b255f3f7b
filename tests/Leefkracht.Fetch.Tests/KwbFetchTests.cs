using Leefkracht.Core.Areas;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Http;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// <c>KwbFetcher</c> against the fake StatLine feed on localhost, serving the real Den Haag 2019 table (159 areas,
/// 4 pages of 40), into a real store of the run's kind.
/// </summary>
public sealed class KwbFetchTests : IAsyncLifetime
{
    private const string Table2019 = "84583NED";
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve(Table2019, FakeSources.DenHaag2019());
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task Fetch_PagesToTheLastPage_AndImportsEveryAreaWithItsProvenance()
    {
        using var store = TestStore.Create();
        var result = await FetchAsync(store, 2019, "'s-Gravenhage");

        result.Table.ShouldBe(Table2019);
        result.Gemeente.ShouldBe("GM0518");
        result.Rows.ShouldBe(159);
        _fake.Statuses(Table2019).ShouldBe([200, 200, 200, 200]);
        result.Columns.Unknown.ShouldBeEmpty();
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Import.AreasStored.ShouldBe(159);
        result.Import.Origin.ShouldNotBeNull();
        result.Import.Origin.Table.ShouldBe(Table2019);
        result.Import.Origin.Parts.ShouldBe(4);
        result.Import.Origin.ETag.ShouldNotBeNullOrEmpty();
        result.Import.Origin.Url.ShouldContain("TypedDataSet?$filter=substringof%28%270518%27%2CWijkenEnBuurten%29");

        await using var opened = store.Open();
        var population = await opened.LoadObservationsAsync(AreaCode.Parse("GM0518"), 2019, TestContext.Current.CancellationToken);
        var expected = double.Parse(FakeSources.DenHaag2019()[0]["AantalInwoners_5"], System.Globalization.CultureInfo.InvariantCulture);
        population.Single(o => o.IndicatorId == "population").Value.ShouldBe(expected);
        var imports = await opened.ListImportsAsync(TestContext.Current.CancellationToken);
        var report = Importer.FromJson((await opened.LoadImportReportJsonAsync(imports.Single().Id, TestContext.Current.CancellationToken))!)!;
        report.Origin!.Url.ShouldBe(result.Import.Origin.Url);
    }

    [Fact]
    public async Task TheWholeCountry_InPagesOf10000_IsFetchedAndImported()
    {
        _fake.Serve("85984NED", FakeSources.National2024(), FakeSources.DataProperties2024());
        _fake.PageSize = 10_000;
        using var store = TestStore.Create();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var result = await FetchAsync(store, 2024, null);

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        result.Rows.ShouldBe(18_310);
        result.Columns.Unknown.ShouldBeEmpty();
        _fake.Statuses("85984NED").ShouldBe([200, 200]);
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Import.AreasStored.ShouldBe(18_310);
        await using var opened = store.Open();
        (await opened.LoadObservationsAsync(AreaCode.Parse("BU16800000"), 2024, TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
        // Measured, not asserted (docs/data-import.md quotes it): time, bytes over the wire, the assembled file.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"national 2024: {elapsed.TotalSeconds:0.0} s, {result.Transfer.Requests} responses, {result.Transfer.BytesDownloaded / 1e6:0.0} MB downloaded, staged {new FileInfo(result.File).Length / 1e6:0.0} MB, {result.Import.ValuesStored} values, store {store.Kind}{(store.Kind == StoreKind.Sqlite ? $" {new FileInfo(store.Setting).Length / 1e6:0.0} MB" : string.Empty)}"));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheRetryAfterHeader()
    {
        _fake.Inject(Table2019, 2, Fault.TooManyRequests);
        using var store = TestStore.Create();

        var result = await FetchAsync(store, 2019, "GM0518");

        _fake.Statuses(Table2019).ShouldBe([200, 429, 200, 200, 200]);
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Rows.ShouldBe(159);
    }

    [Fact]
    public async Task AConnectionDroppedInTheMiddleOfAPage_IsRetried()
    {
        _fake.Inject(Table2019, 3, Fault.DropConnection);
        using var store = TestStore.Create();

        var result = await FetchAsync(store, 2019, "0518");

        _fake.Statuses(Table2019).ShouldBe([200, 200, -1, 200, 200]);
        result.Import.AreasStored.ShouldBe(159);
    }

    [Fact]
    public async Task ATruncatedPage_StopsTheFetchWithItsPosition_StoresNothing_AndTheNextFetchResumes()
    {
        _fake.Inject(Table2019, 2, Fault.Truncate);
        using var store = await MigratedStoreAsync();
        var before = store.Snapshot();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2019, "GM0518"));

        failure.Message.ShouldContain("pagina 2: het antwoord hield halverwege op, het is geen volledige JSON (regel ");
        failure.Message.ShouldContain("er is niets van bewaard: haal opnieuw op om verder te gaan; adres: ");
        store.Snapshot().ShouldBe(before);
        var resumed = await FetchAsync(store, 2019, "GM0518");
        // Page 1 comes from the cache (304); the broken page was never kept, so it is fetched again.
        _fake.Statuses(Table2019).ShouldBe([200, 200, 304, 200, 200, 200]);
        resumed.Import.AreasStored.ShouldBe(159);
    }

    [Fact]
    public async Task AnInterruptedFetch_ResumesWhereItStopped_AndLeavesOneCopyOfEveryValue()
    {
        _fake.Inject(Table2019, 3, Fault.Down);
        using var store = await MigratedStoreAsync();
        var empty = store.Snapshot();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2019, "GM0518"));

        failure.Status.ShouldBe(503);
        failure.Message.ShouldContain("de server antwoordde 503 (niet beschikbaar)");
        store.Snapshot().ShouldBe(empty);
        _fake.Heal(Table2019, 3);
        var resumed = await FetchAsync(store, 2019, "GM0518");
        _fake.Statuses(Table2019).Skip(2).SkipWhile(s => s == 503).ShouldBe([304, 304, 200, 200]);

        using var straight = TestStore.Create();
        var direct = await FetchAsync(straight, 2019, "GM0518", Path.Combine(_fake.CacheFolder, "other"));
        resumed.Import.ValuesStored.ShouldBe(direct.Import.ValuesStored);
        store.Snapshot("imports").ShouldBe(straight.Snapshot("imports"));

        // And once more after the resumption: nothing downloaded, nothing imported, one copy of every value the
        // source has (every number in a column the catalog knows, counted from the fixture itself).
        var resumedStore = store.Snapshot();
        var again = await FetchAsync(store, 2019, "GM0518");
        again.Transfer.Downloaded.ShouldBe(0);
        again.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(resumedStore);
        FetchedValues.RowCount(store, "observations").ShouldBe(FakeSources.DenHaag2019().Sum(row => FetchedValues.OfRow(row).Count));
        FetchedValues.RowCount(store, "imports").ShouldBe(1);
    }

    [Fact]
    public async Task FetchingTwice_ChangesNothing()
    {
        using var store = TestStore.Create();
        await FetchAsync(store, 2019, "GM0518");
        var after = store.Snapshot();

        var second = await FetchAsync(store, 2019, "GM0518");

        second.Transfer.Downloaded.ShouldBe(0);
        second.Transfer.Revalidated.ShouldBe(second.Transfer.Requests);
        second.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(after);
    }

    [Fact]
    public async Task AColumnRenamedBetweenYears_MapsByItsNewKey_AndAnUnknownNewKeyIsReported()
    {
        // 2020 as a copy of the real 2019 rows with two keys renamed: the WOZ column under the key StatLine uses from
        // 2024 on (in the catalog), and the owner-occupied share under a key the catalog does not know.
        var renamed = FakeSources.DenHaag2019().Select(row => row.ToDictionary(
            cell => cell.Key switch { "GemiddeldeWoningwaarde_35" => "GemiddeldeWOZWaardeVanWoningen_39", "Koopwoningen_40" => "KoopwoningenTotaal_40", var key => key },
            cell => cell.Value,
            StringComparer.Ordinal)).ToList();
        _fake.Serve("84799NED", renamed);
        using var store = TestStore.Create();

        await FetchAsync(store, 2019, "GM0518");
        var year2020 = await FetchAsync(store, 2020, "GM0518");

        year2020.Columns.Unknown.Select(c => c.Property.Key).ShouldBe(["KoopwoningenTotaal_40"]);
        year2020.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        year2020.Import.Issues.ShouldContain(i => i.ColumnName == "KoopwoningenTotaal_40");
        CatalogDocument.Default.Catalog.TryResolveColumn("GemiddeldeWoningwaarde_35", out var woz).ShouldBeTrue();
        await using var opened = store.Open();
        var values = await opened.LoadObservationsAsync(AreaCode.Parse("GM0518"), cancellationToken: TestContext.Current.CancellationToken);
        values.Where(v => v.IndicatorId == woz.IndicatorId).Select(v => v.Period).Order().ShouldBe([2019, 2020]);
        values.Where(v => v.IndicatorId == "dwellings_owner_occupied_pct").Select(v => v.Period).ShouldBe([2019]);
    }

    [Fact]
    public async Task AGemeenteByItsCommonName_IsFetchedUnderTheNameCbsGivesIt()
    {
        using var store = TestStore.Create();

        var result = await FetchAsync(store, 2019, "Den Haag");

        result.Gemeente.ShouldBe("GM0518");
        result.Import.AreasStored.ShouldBe(159);
    }

    [Fact]
    public async Task AGemeenteNotInTheTable_IsNamedWithSuggestions()
    {
        using var store = TestStore.Create();

        using var english = UiLanguage.English();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2019, "Gravenhage"));

        failure.Message.ShouldContain("no gemeente named 'Gravenhage' in 84583NED; did you mean 's-Gravenhage (GM0518)");
        failure.InputWasWrong.ShouldBeTrue();
    }

    [Fact]
    public async Task NoServer_IsAClearError_AndTheStoreIsUnchanged()
    {
        var gone = await FakeSources.StartAsync();
        var feed = gone.Feed;
        await gone.DisposeAsync();
        using var store = await MigratedStoreAsync();
        var before = store.Snapshot();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2019, "GM0518", feed: feed));

        failure.Message.ShouldContain("geen antwoord van de server (");
        failure.Message.ShouldContain($"; adres: {feed}");
        failure.Status.ShouldBeNull();
        failure.InputWasWrong.ShouldBeFalse();
        store.Snapshot().ShouldBe(before);
    }

    /// <summary>An empty store with its schema, so that a snapshot before the fetch has the tables to compare.</summary>
    internal static async Task<TestStore> MigratedStoreAsync()
    {
        var store = TestStore.Create();
        await using (store.Open())
        {
        }

        return store;
    }

    internal static FetchOptions TestOptions(Uri feed, string cache) => new()
    {
        StatLine = feed,
        CacheFolder = cache,
        // Fast back-off: the tests check that retries happen, not how long they wait (Retry-After still costs 1 s).
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryAttempts = 3,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(60),
    };

    private async Task<TableFetchResult> FetchAsync(TestStore store, int year, string? gemeente, string? cache = null, Uri? feed = null)
    {
        var options = TestOptions(feed ?? _fake.Feed, cache ?? _fake.CacheFolder);
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new KwbFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(year, gemeente, null, TestContext.Current.CancellationToken);
    }
}
