using Leefkracht.Core.Areas;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;
using Leefkracht.Fetch.Leefbaarometer;
using Leefkracht.Fetch.Pdok;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// PDOK boundaries (OGC API Features, paged along <c>next</c> links) and the Leefbaarometer archive, against the fake
/// sources on localhost serving real Haaglanden wijk boundaries and real Leefbaarometer PC4 scores.
/// </summary>
public sealed class BoundaryAndLeefbaarometerFetchTests : IAsyncLifetime
{
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.ServeWijkBoundaries(2019);
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task Boundaries_ArePagedToTheLastPage_AndStoredForTheYearsDivision()
    {
        _fake.Inject("wijken", 2, Fault.DropConnection);
        using var store = TestStore.Create();

        var result = await FetchBoundariesAsync(store, "GM0518");

        _fake.StatusesOf("/collections/wijken/items").ShouldBe([200, -1, 200, 200, 200, 200]);
        result.Features.ShouldBe(45);
        result.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        result.Import.BoundariesStored.ShouldBe(45);
        result.Import.Origin!.Parts.ShouldBe(5);
        await using var opened = store.Open();
        var stored = await opened.LoadBoundariesAsync(AreaLevel.Wijk, 2019, AreaCode.Parse("GM0518"), TestContext.Current.CancellationToken);
        stored.Count.ShouldBe(45);
        var oostduinen = stored.Single(b => b.Area.Code == AreaCode.Parse("WK051801")).Geometry.EnvelopeInternal;
        // WGS84 around The Hague: longitude about 4.3, latitude about 52.1.
        oostduinen.MinX.ShouldBeInRange(4.2, 4.4);
        oostduinen.MinY.ShouldBeInRange(52.0, 52.2);
    }

    [Fact]
    public async Task Boundaries_FetchedTwice_ChangeNothing()
    {
        using var store = TestStore.Create();
        await FetchBoundariesAsync(store, null);
        var after = store.Snapshot();

        var second = await FetchBoundariesAsync(store, null);

        second.Features.ShouldBe(72);
        second.Transfer.Downloaded.ShouldBe(0);
        second.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(after);
    }

    [Fact]
    public async Task Leefbaarometer_IsDownloaded_ImportedWithItsProvenance_AndTheSecondTimeChangesNothing()
    {
        using var store = TestStore.Create();

        var first = await FetchLeefbaarometerAsync(store);
        var after = store.Snapshot();
        var second = await FetchLeefbaarometerAsync(store);

        first.Transfer.Downloaded.ShouldBe(1);
        first.File.ShouldEndWith(Path.Combine("leefbaarometer", "open-data-leefbaarometer-meting-2024.zip"));
        var import = first.Imports.ShouldHaveSingleItem();
        import.Outcome.ShouldBe(ImportOutcome.Stored);
        import.Origin!.Url.ShouldBe(first.Url.AbsoluteUri);
        import.Origin.Table.ShouldBe("leefbaarometer-meting-2024/leefbaarometer3_pc4_2002-2018_first2000.csv");
        import.Origin.ETag.ShouldBe(first.ETag);
        await ShouldHoldEveryScoreOnceAsync(store);
        second.Transfer.Revalidated.ShouldBe(1);
        second.Sha256.ShouldBe(first.Sha256);
        second.Imports.ShouldHaveSingleItem().Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(after);
    }

    [Fact]
    public async Task Leefbaarometer_ABodyThatBreaksOff_IsResumedByRange_InTheNextRun_AndImportedOnce()
    {
        _fake.Inject("lbm", 1, Fault.DropConnectionAlways);
        using var store = await KwbFetchTests.MigratedStoreAsync();
        var before = store.Snapshot();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchLeefbaarometerAsync(store));

        // The line breaks in the body (the part is kept) or, on a resumption, before the headers (the resilient
        // client retries, then gives up): either way the bytes already fetched stay for the next run.
        failure.Message.ShouldContain("bewaard: haal opnieuw op om verder te gaan", customMessage: failure.ToString());
        store.Snapshot().ShouldBe(before);
        _fake.Heal("lbm", 1);
        var resumed = await FetchLeefbaarometerAsync(store);

        // Every answer of the first run broke off; the second run asked for the rest only and got it as 206.
        var statuses = _fake.StatusesOf("/lbm/resources/");
        statuses[^1].ShouldBe(206);
        statuses[..^1].ShouldAllBe(s => s == -1);
        resumed.Sha256.ShouldBe(await StraightDownloadShaAsync());
        resumed.Imports.ShouldHaveSingleItem().Outcome.ShouldBe(ImportOutcome.Stored);
        await ShouldHoldEveryScoreOnceAsync(store);

        // Once more after the resumption: a 304, the archive "already imported", the store as it was.
        var resumedStore = store.Snapshot();
        var again = await FetchLeefbaarometerAsync(store);
        again.Transfer.Revalidated.ShouldBe(1);
        again.Imports.ShouldHaveSingleItem().Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(resumedStore);
        await ShouldHoldEveryScoreOnceAsync(store);
    }

    [Fact]
    public async Task Boundaries_InterruptedByAServiceDown_ResumeFromTheCache_AndAThirdFetchChangesNothing()
    {
        _fake.Inject("wijken", 3, Fault.Down);
        using var store = await KwbFetchTests.MigratedStoreAsync();
        var empty = store.Snapshot();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchBoundariesAsync(store, null));

        failure.Status.ShouldBe(503);
        failure.InputWasWrong.ShouldBeFalse();
        store.Snapshot().ShouldBe(empty);
        _fake.Heal("wijken", 3);
        var resumed = await FetchBoundariesAsync(store, null);
        var after = store.Snapshot();
        var again = await FetchBoundariesAsync(store, null);

        // Pages 1 and 2 were kept from the interrupted run (304); page 3 onwards came now, 8 pages of 10 in all.
        _fake.StatusesOf("/collections/wijken/items").SkipWhile(s => s != 503).SkipWhile(s => s == 503).Take(8).ShouldBe([304, 304, 200, 200, 200, 200, 200, 200]);
        resumed.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        again.Transfer.Downloaded.ShouldBe(0);
        again.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(after);
        FetchedValues.RowCount(store, "boundaries").ShouldBe(72);
    }

    [Fact]
    public async Task Leefbaarometer_AServerThatIgnoresRange_SendsTheWholeFileAgain_AndTheResultIsTheSame()
    {
        _fake.Inject("lbm", 1, Fault.DropConnection);
        _fake.IgnoreRange = true;
        using var store = TestStore.Create();

        var result = await FetchLeefbaarometerAsync(store);

        _fake.StatusesOf("/lbm/resources/").ShouldBe([-1, 200]);
        result.Sha256.ShouldBe(await StraightDownloadShaAsync());
        await ShouldHoldEveryScoreOnceAsync(store);
    }

    [Fact]
    public async Task Leefbaarometer_ServiceDown_IsAClearError_AndNothingIsKept()
    {
        _fake.Inject("lbm", 1, Fault.Down);
        using var store = TestStore.Create();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchLeefbaarometerAsync(store));

        failure.Status.ShouldBe(503);
        Directory.Exists(Path.Combine(_fake.CacheFolder, "leefbaarometer")).ShouldBeFalse();
        new DownloadCache(_fake.CacheFolder, TimeProvider.System).Read(failure.Url).ShouldBeNull();
    }

    private FetchOptions Options() => KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder) with
    {
        PdokTemplate = _fake.PdokTemplate,
        PdokPageLimit = 10,
        Leefbaarometer = _fake.Leefbaarometer,
    };

    /// <summary>Every scored row of the real file is in the store once: 1,999 data lines, less those with neither lbm nor afw.</summary>
    private static async Task ShouldHoldEveryScoreOnceAsync(TestStore store)
    {
        var lines = File.ReadAllLines(FakeSources.Fixture("leefbaarometer3_pc4_2002-2018_first2000.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        await using var opened = store.Open();
        var stored = await opened.LoadLeefbaarometerAsync(Core.Leefbaarometer.LeefbaarometerUnit.Postcode, cancellationToken: TestContext.Current.CancellationToken);
        stored.Count.ShouldBe(lines.Count(f => f[2] != "NA" || f[3] != "NA"));
        FetchedValues.RowCount(store, "leefbaarometer").ShouldBe(stored.Count);
        var row = lines.First(f => f[0] == "1011" && f[1] == "2018");
        stored.Single(s => s.Score.Code == "1011" && s.Score.Year == 2018).Score.Score.ShouldBe(double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
    }

    /// <summary>The SHA-256 of the archive downloaded in one go, into a cache of its own, with no fault.</summary>
    private async Task<string> StraightDownloadShaAsync()
    {
        using var other = TestStore.Create();
        return (await FetchLeefbaarometerAsync(other, Path.Combine(_fake.CacheFolder, "straight"))).Sha256;
    }

    private async Task<LeefbaarometerFile> FetchLeefbaarometerAsync(TestStore store, string? cache = null)
    {
        var options = Options() with { CacheFolder = cache ?? _fake.CacheFolder };
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new LeefbaarometerFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(2024, TestContext.Current.CancellationToken);
    }

    private async Task<BoundaryFetchResult> FetchBoundariesAsync(TestStore store, string? gemeente)
    {
        var options = Options();
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new PdokBoundaryFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(2019, "wijken", gemeente, null, TestContext.Current.CancellationToken);
    }
}
