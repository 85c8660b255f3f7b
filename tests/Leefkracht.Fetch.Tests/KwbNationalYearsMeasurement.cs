using System.Globalization;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Http;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// A national fetch of several KWB years against the fake feed, timed (docs/data-import.md "How long a national fetch
/// takes" quotes the numbers it writes to the test output; a time is never asserted). The fake serves the real national
/// 2024 key file (18,310 areas, 11 columns) and the real 2024 DataProperties under the table ids of 2022, 2023 and
/// 2024: the same figures labelled three years, which costs what three real years of that width cost (rows, pages,
/// bytes, values); the 2022 and 2023 values are not the real ones of those years. 2023 lacks the file's last row and
/// 2022 its last two: the importer knows a file by its SHA-256 alone, so three identical staged files would be
/// imported once. Then one national police year
/// (47022NED, 2021): the real yearly totals of every area in the bundled sample, split by the fake into twelve months
/// (see <see cref="FakeSources.ServePolice"/>), imported onto the areas the KWB years brought.
/// </summary>
public sealed class KwbNationalYearsMeasurement : IAsyncLifetime
{
    private static readonly int[] Years = [2022, 2023, 2024];
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.ServeNationalYears([.. Years.Select(year => KwbTables.For(year)!)]);
        _fake.ServePolice(FakeSources.SampleRows(FakeSources.PoliceSample).Select(r => r["gm_code"]).ToHashSet(), lastYear: 2021);
        _fake.PageSize = 10_000;
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task ThreeNationalYears_ThenTheSameAgain_FromTheCache()
    {
        using var store = TestStore.Create();
        var first = await FetchYearsAsync(store, "first run");
        var second = await FetchYearsAsync(store, "second run");

        first.Take(Years.Length).Select(r => r.Import.AreasStored).ShouldBe([18_308, 18_309, 18_310]);
        first.ShouldAllBe(r => r.Import.Outcome == ImportOutcome.Stored);
        second.ShouldAllBe(r => r.Import.Outcome == ImportOutcome.AlreadyImported && r.Transfer.Downloaded == 0);
    }

    private async Task<List<Fetched>> FetchYearsAsync(TestStore store, string run)
    {
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder) with { DataDerden = _fake.Feed };
        using var client = new FetchClient(options);
        var results = new List<Fetched>();
        var total = System.Diagnostics.Stopwatch.GetTimestamp();
        await using (var opened = store.Open())
        {
            var fetcher = new KwbFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow));
            foreach (var year in Years)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = await fetcher.FetchAsync(year, null, null, TestContext.Current.CancellationToken);
                results.Add(new Fetched(result.Transfer, result.File, result.Import));
                Report($"{run} kwb {year}", System.Diagnostics.Stopwatch.GetElapsedTime(started), results[^1..], store);
            }

            var police = System.Diagnostics.Stopwatch.GetTimestamp();
            var crimes = await new SeriesFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow))
                .FetchAsync(StatLineSeries.Politie, 2021, null, null, TestContext.Current.CancellationToken);
            results.Add(new Fetched(crimes.Transfer, crimes.File, crimes.Import));
            Report($"{run} politie 2021 ({crimes.Rows} rows, {crimes.Areas} areas)", System.Diagnostics.Stopwatch.GetElapsedTime(police), results[^1..], store);
        }

        // After the store is closed: SQLite has folded its write-ahead log into the file.
        Report($"{run} total", System.Diagnostics.Stopwatch.GetElapsedTime(total), results, store);
        return results;
    }

    /// <summary>Measured, not asserted: time, answers, bytes over the wire, the staged files, values and the store's size.</summary>
    private static void Report(string label, TimeSpan elapsed, IReadOnlyList<Fetched> results, TestStore store) =>
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {elapsed.TotalSeconds:0.0} s, {results.Sum(r => r.Transfer.Requests)} responses ({results.Sum(r => r.Transfer.Revalidated)} 304), {results.Sum(r => r.Transfer.BytesDownloaded) / 1e6:0.0} MB downloaded, staged {results.Sum(r => new FileInfo(r.File).Length) / 1e6:0.0} MB, {results.Sum(r => r.Import.ValuesStored)} values stored, store {store.Kind}{(store.Kind == StoreKind.Sqlite ? $" {SqliteBytes(store.Setting) / 1e6:0.0} MB" : string.Empty)}"));

    /// <summary>The SQLite file with its write-ahead log, if any.</summary>
    private static long SqliteBytes(string path) =>
        new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

    private sealed record Fetched(TransferCount Transfer, string File, ImportReport Import);
}
