using System.IO.Compression;
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
    public async Task Leefbaarometer_IsDownloadedIntoTheCache_AndRevalidatedTheSecondTime()
    {
        var options = Options();
        using var client = new FetchClient(options);
        var fetcher = new LeefbaarometerFetcher(client, options, new FakeTimeProvider(TestStore.FixedNow));

        var first = await fetcher.FetchAsync(2024, TestContext.Current.CancellationToken);
        var second = await fetcher.FetchAsync(2024, TestContext.Current.CancellationToken);

        first.Transfer.Downloaded.ShouldBe(1);
        second.Transfer.Revalidated.ShouldBe(1);
        second.Sha256.ShouldBe(first.Sha256);
        first.File.ShouldEndWith(Path.Combine("leefbaarometer", "open-data-leefbaarometer-meting-2024.zip"));
        using var zip = ZipFile.OpenRead(first.File);
        using var reader = new StreamReader(zip.Entries.Single().Open());
        (await reader.ReadLineAsync(TestContext.Current.CancellationToken)).ShouldBe("PC4,jaar,lbm,afw,fys,onv,soc,vrz,won");
    }

    [Fact]
    public async Task Leefbaarometer_ServiceDown_IsAClearError_AndNothingIsKept()
    {
        _fake.Inject("lbm", 1, Fault.Down);
        var options = Options();
        using var client = new FetchClient(options);
        var fetcher = new LeefbaarometerFetcher(client, options, new FakeTimeProvider(TestStore.FixedNow));

        var failure = await Should.ThrowAsync<FetchException>(() => fetcher.FetchAsync(2024, TestContext.Current.CancellationToken));

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

    private async Task<BoundaryFetchResult> FetchBoundariesAsync(TestStore store, string? gemeente)
    {
        var options = Options();
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new PdokBoundaryFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(2019, "wijken", gemeente, null, TestContext.Current.CancellationToken);
    }
}
