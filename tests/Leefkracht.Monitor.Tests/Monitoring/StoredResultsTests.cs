using System.Globalization;
using System.Text.Json;

namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>
/// Results kept in the store per data version (<see cref="MonitorService.RememberStoredAsync"/>): the watchlist of
/// Heerlen 2018 on the real sample, in a store of the run's kind (SQLite, or PostgreSQL under scripts/test.sh).
/// </summary>
public sealed class StoredResultsTests : StoreAndFolderTest
{
    private static readonly AreaCode Heerlen = AreaCode.Parse("GM0917");
    private static readonly string Heerlen2018 = Path.Combine(TestData.RepositoryRoot, "data", "sample", "heerlen", "kwb2018_heerlen_GM0917_statline.csv");

    [Fact]
    public async Task Watchlist_StoredOnce_ReadByASecondServiceAsTheSameBytes_UntilAnImportChangesTheData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Path.Combine(TestData.RepositoryRoot, "data", "sample"));
        }

        // The first service computes and stores the watchlist.
        var (computed, computing) = await WatchlistAsync();
        computing.ShouldBe(1);
        computed.Signals.Count.ShouldBe(78);

        // A second service on its own connection (a restarted server, another instance, a command) reads it.
        var (read, reading) = await WatchlistAsync();
        reading.ShouldBe(0);
        (Json(read) == Json(computed)).ShouldBeTrue("the stored watchlist differs from the computed one");

        // An import that changes 2018's violent crimes makes the stored watchlist stale: it is computed again, differently.
        await using (var store = Store.Open())
        {
            var version = await store.DataVersionAsync(cancellationToken);
            await Stores.ImportAsync(store, MoreViolence2018());
            (await store.DataVersionAsync(cancellationToken)).ShouldNotBe(version);
        }

        var (recomputed, recomputing) = await WatchlistAsync();
        recomputing.ShouldBe(1);
        (Json(recomputed) == Json(computed)).ShouldBeFalse("the changed data left the watchlist as it was");
        recomputed.Signals.Select(s => s.Area).ShouldBe(computed.Signals.Select(s => s.Area));
        recomputed.Signals.Select(s => s.Score).ShouldNotBe(computed.Signals.Select(s => s.Score));
    }

    [Fact]
    public async Task SavingTheSameResultTwice_KeepsTheFirst()
    {
        // Two processes that computed one result at once both store it: the second insert is ignored, not an error.
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var first = Store.Open();
        await using var second = Store.Open();
        var key = new StoredResultKey("watchlist", "2018:test", await first.DataVersionAsync(cancellationToken));

        await first.SaveResultAsync(key, [1, 2, 3], cancellationToken);
        await second.SaveResultAsync(key, [4, 5, 6], cancellationToken);

        (await second.LoadResultAsync(key, cancellationToken)).ShouldBe([1, 2, 3]);
        (await first.LoadResultAsync(key with { DataVersion = "other" }, cancellationToken)).ShouldBeNull();
    }

    private async Task<(Watchlist Watchlist, int Computed)> WatchlistAsync()
    {
        await using var store = Store.Open();
        var monitor = new MonitorService(store);
        var watchlist = await new EarlyWarningService(monitor).WatchlistAsync(2018, null, Heerlen, null, ModelDocument.HandSet, TestContext.Current.CancellationToken);
        return (watchlist, monitor.StoredResultsComputed);
    }

    private static string Json(Watchlist watchlist) => JsonSerializer.Serialize(watchlist, StoredResults.Options);

    /// <summary>The real 2018 file with three times the violent crimes in every other area.</summary>
    private string MoreViolence2018()
    {
        var lines = File.ReadAllLines(Heerlen2018);
        var header = lines[0].Split(',');
        var violence = Array.IndexOf(header, "Criminaliteit_Gewelds__en_seksuele_misdrijven");
        violence.ShouldBeGreaterThan(0);
        for (var i = 1; i < lines.Length; i += 2)
        {
            var cells = lines[i].Split(',');
            if (cells.Length == header.Length && double.TryParse(cells[violence], CultureInfo.InvariantCulture, out var value))
            {
                cells[violence] = (value * 3).ToString(CultureInfo.InvariantCulture);
                lines[i] = string.Join(',', cells);
            }
        }

        var path = Path.Combine(Folder.Path, "kwb2018_heerlen_GM0917_statline.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
