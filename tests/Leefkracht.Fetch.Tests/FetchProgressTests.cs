using Leefkracht.Data.Catalog;
using Leefkracht.Fetch.Http;
using Leefkracht.Fetch.Leefbaarometer;
using Leefkracht.Fetch.Pdok;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// What the fetchers report to a progress bar, against the fake sources: the total the source states (StatLine's
/// <c>$count</c> of the filtered rows, an OGC API's <c>numberMatched</c>, the archive's <c>Content-Length</c>) equals
/// what is then read, and the last report of the counted stage has read all of it.
/// </summary>
public sealed class FetchProgressTests : IAsyncLifetime
{
    private const string Table2019 = "84583NED";
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.Serve(Table2019, FakeSources.DenHaag2019());
        _fake.ServeWijkBoundaries(2019);
        _fake.ServePolice(["GM0518"]);
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task Kwb_DenHaag2019_ReportsTheCountedRowsAsTotal_PageByPage_UpToTheLastRow()
    {
        using var store = TestStore.Create();
        var reports = new Reports();

        var result = await FetchKwbAsync(store, reports);

        var rows = reports.Of("rows");
        rows.Select(r => (r.Pages, r.Rows)).ShouldBe([(1, 40), (2, 80), (3, 120), (4, 159)]);
        rows.ShouldAllBe(r => r.Total == 159 && r.Source == Table2019);
        result.Rows.ShouldBe(159);
        reports.All[^1].ShouldBe(new FetchProgress(Table2019, "import", 4, 159));
        _fake.CountStatuses(Table2019).ShouldBe([200]);
        _fake.Statuses(Table2019).ShouldBe([200, 200, 200, 200]);
        // The stages without a total say so: a bar does not move on them.
        reports.All.Where(r => r.Stage != "rows").ShouldAllBe(r => r.Total == null);
    }

    [Fact]
    public async Task Kwb_FetchedAgain_TheCountCostsA304_AndWithNobodyWatching_NothingIsCounted()
    {
        using var store = TestStore.Create();
        await FetchKwbAsync(store, new Reports());

        var second = await FetchKwbAsync(store, new Reports());
        using var other = TestStore.Create();
        await FetchKwbAsync(other, null, Path.Combine(_fake.CacheFolder, "unwatched"));

        _fake.CountStatuses(Table2019).ShouldBe([200, 304]);
        second.Transfer.Downloaded.ShouldBe(0);
        second.Transfer.Revalidated.ShouldBe(second.Transfer.Requests);
    }

    [Fact]
    public async Task Kwb_AFeedThatRefusesTheCount_IsStillFetched_WithoutATotal()
    {
        _fake.RefuseCount = true;
        using var store = TestStore.Create();
        var reports = new Reports();

        var result = await FetchKwbAsync(store, reports);

        result.Rows.ShouldBe(159);
        _fake.CountStatuses(Table2019).ShouldBe([404]);
        reports.Of("rows").ShouldAllBe(r => r.Total == null);
        reports.Of("rows")[^1].Rows.ShouldBe(159);
    }

    [Fact]
    public async Task Police_TheCountOfTheFilteredRows_IsTheRowsRead()
    {
        using var store = TestStore.Create();
        var reports = new Reports();
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder) with { DataDerden = _fake.Feed };
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new SeriesFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));

        // The store holds no KWB for the codes to attach to; what matters here is what was read, not what was stored.
        var result = await fetcher.FetchAsync(StatLineSeries.Politie, 2023, "GM0518", reports, TestContext.Current.CancellationToken);

        var rows = reports.Of("rows");
        rows[^1].Rows.ShouldBe(result.Rows);
        rows.ShouldAllBe(r => r.Total == result.Rows);
        result.Rows.ShouldBe(result.Areas * 12);
    }

    [Fact]
    public async Task Boundaries_TheNumberMatchedOfTheFirstPage_IsTheTotal_WhenTheServerSendsIt()
    {
        _fake.SendNumberMatched = true;
        using var store = TestStore.Create();
        var reports = new Reports();

        var result = await FetchBoundariesAsync(store, reports);

        var features = reports.Of("features");
        features.Select(r => r.Pages).ShouldBe([1, 2, 3, 4, 5]);
        features.ShouldAllBe(r => r.Total == 45);
        features[^1].Rows.ShouldBe(45);
        result.Features.ShouldBe(45);
    }

    [Fact]
    public async Task Boundaries_WithoutNumberMatched_AsPdokServesThem_HaveNoTotal()
    {
        using var store = TestStore.Create();
        var reports = new Reports();

        await FetchBoundariesAsync(store, reports);

        reports.Of("features").ShouldAllBe(r => r.Total == null);
        reports.Of("features")[^1].Rows.ShouldBe(45);
    }

    [Fact]
    public async Task Leefbaarometer_TheDownloadIsReportedInBytes_AgainstTheArchivesContentLength()
    {
        using var store = TestStore.Create();
        var reports = new Reports();

        var file = await FetchLeefbaarometerAsync(store, reports);

        var download = reports.Of(FetchProgress.Download);
        download.ShouldAllBe(r => r.Total == file.Bytes);
        download.Select(r => r.Bytes).ShouldBeInOrder(SortDirection.Ascending);
        download[^1].Bytes.ShouldBe(file.Bytes);
        download[^1].Done.ShouldBe(file.Bytes);
        reports.All[^1].Stage.ShouldBe("import");

        // The second run is a 304: no body comes, and the bar is still told the whole archive is there.
        var again = new Reports();
        await FetchLeefbaarometerAsync(store, again);
        again.Of(FetchProgress.Download).ShouldBe([new FetchProgress($"open-data-leefbaarometer-meting-2024.zip", FetchProgress.Download, 1, 0, file.Bytes, file.Bytes)]);
    }

    private async Task<TableFetchResult> FetchKwbAsync(TestStore store, IProgress<FetchProgress>? progress, string? cache = null)
    {
        var options = KwbFetchTests.TestOptions(_fake.Feed, cache ?? _fake.CacheFolder);
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new KwbFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(2019, "'s-Gravenhage", progress, TestContext.Current.CancellationToken);
    }

    private async Task<BoundaryFetchResult> FetchBoundariesAsync(TestStore store, IProgress<FetchProgress> progress)
    {
        var options = Options();
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new PdokBoundaryFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(2019, "wijken", "GM0518", progress, TestContext.Current.CancellationToken);
    }

    private async Task<LeefbaarometerFile> FetchLeefbaarometerAsync(TestStore store, IProgress<FetchProgress> progress)
    {
        var options = Options();
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        var fetcher = new LeefbaarometerFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
        return await fetcher.FetchAsync(2024, progress, TestContext.Current.CancellationToken);
    }

    private FetchOptions Options() => KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder) with
    {
        PdokTemplate = _fake.PdokTemplate,
        PdokPageLimit = 10,
        Leefbaarometer = _fake.Leefbaarometer,
    };

    /// <summary>Every report, in the order the fetcher made them (synchronous, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Reports : IProgress<FetchProgress>
    {
        public List<FetchProgress> All { get; } = [];

        public void Report(FetchProgress value) => All.Add(value);

        public List<FetchProgress> Of(string stage) => [.. All.Where(r => r.Stage == stage)];
    }
}
