using System.Globalization;
using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage.Backup;

namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>
/// Results kept in the store per data version (<see cref="MonitorService.RememberStoredAsync{T}(string, string, Func{Task{T}}, CancellationToken)"/>): the watchlist of
/// Heerlen 2018 on the real sample, in a store of the run's kind (SQLite, or PostgreSQL under scripts/test.sh).
/// </summary>
public sealed class StoredResultsTests : StoreAndFolderTest
{
    private static readonly AreaCode Heerlen = AreaCode.Parse("GM0917");
    private const string Violence = "Criminaliteit_Gewelds__en_seksuele_misdrijven";
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

        // The watchlist is kept per year (EarlyWarningService.ScopesOf): an import that changes a later year keeps it.
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Tripled(Path.Combine(Path.GetDirectoryName(Heerlen2018)!, "kwb2020_heerlen_GM0917_statline.csv"), "Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen"));
        }

        var (kept, keeping) = await WatchlistAsync();
        keeping.ShouldBe(0);
        Json(kept).ShouldBe(Json(recomputed));
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

    [Fact]
    public async Task PreparedYear_StoredOnce_GivesTheSameScoresResilienceAndTrends_AndOnlyItsOwnYearsImportOrARestoreInvalidatesIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Path.Combine(TestData.RepositoryRoot, "data", "sample"));
        }

        // The first service computes and stores 2016 and 2018; a second one, on its own connection (a restarted
        // server, a second instance on the same PostgreSQL, a command), reads both and computes nothing.
        var (computed, computing) = await ResultsAsync();
        computing.ShouldBe(2);
        var (read, reading) = await ResultsAsync();
        reading.ShouldBe(0);

        // The stored table is the computed one, cell for cell (NaN where missing), with the same filled cells; and
        // what is computed from it is the same to the last digit: scores with every contribution, resilience, trends.
        foreach (var (a, b) in new[] { (computed.Scores.Prepared, read.Scores.Prepared), (computed.Trend.To, read.Trend.To) })
        {
            b.Table.Areas.ShouldBe(a.Table.Areas);
            b.Table.IndicatorIds.ShouldBe(a.Table.IndicatorIds);
            foreach (var id in a.Table.IndicatorIds)
            {
                b.Table.Column(id).ToArray().Select(BitConverter.DoubleToInt64Bits).ShouldBe(a.Table.Column(id).ToArray().Select(BitConverter.DoubleToInt64Bits), id);
            }

            b.Aggregated.Select(Cell).Order(StringComparer.Ordinal).ShouldBe(a.Aggregated.Select(Cell).Order(StringComparer.Ordinal));
        }

        computed.Scores.Scores.Count(s => s.IsScored).ShouldBeGreaterThan(40);
        Json(read.Scores.Scores).ShouldBe(Json(computed.Scores.Scores));
        Json(read.Scores.ReferenceScores).ShouldBe(Json(computed.Scores.ReferenceScores));
        Json(read.Resilience.Scores).ShouldBe(Json(computed.Resilience.Scores));
        computed.Trend.Trends.Count(t => t.IsCompared).ShouldBeGreaterThan(40);
        Json(read.Trend.Trends).ShouldBe(Json(computed.Trend.Trends));

        // An import of 2016 changes 2016's version and deletes its stored year; 2018's stays and is read as it was.
        var catalog = CatalogDocument.Default.Fingerprint;
        StoredResultKey Prepared(int year, string version) =>
            new(MonitorService.PreparedYearKind, string.Create(CultureInfo.InvariantCulture, $"{year}:{PreparedYearFormat.Version}:{catalog}"), version);
        await using (var store = Store.Open())
        {
            var version2016 = await store.DataVersionAsync([DataScopes.Values(2016)], cancellationToken);
            var version2018 = await store.DataVersionAsync([DataScopes.Values(2018)], cancellationToken);
            (await store.LoadResultAsync(Prepared(2016, version2016), cancellationToken)).ShouldNotBeNull();
            await Stores.ImportAsync(store, Tripled(Path.Combine(Path.GetDirectoryName(Heerlen2018)!, "kwb2016_heerlen_GM0917_statline.csv"), Violence));
            (await store.DataVersionAsync([DataScopes.Values(2016)], cancellationToken)).ShouldNotBe(version2016);
            (await store.DataVersionAsync([DataScopes.Values(2018)], cancellationToken)).ShouldBe(version2018);
            (await store.LoadResultAsync(Prepared(2016, version2016), cancellationToken)).ShouldBeNull();
            (await store.LoadResultAsync(Prepared(2018, version2018), cancellationToken)).ShouldNotBeNull();
        }

        var (afterImport, recomputing) = await ResultsAsync();
        recomputing.ShouldBe(1);
        Json(afterImport.Scores.Scores).ShouldBe(Json(computed.Scores.Scores));
        Json(afterImport.Trend.Trends).ShouldNotBe(Json(computed.Trend.Trends));

        // A restore replaces the data: every stored result goes, whatever its version.
        var backup = Path.Combine(Folder.Path, "backup.zip");
        await using (var store = Store.Open())
        {
            await StoreBackup.WriteAsync(store, backup, TimeProvider.System, cancellationToken);
            var version2018 = await store.DataVersionAsync([DataScopes.Values(2018)], cancellationToken);
            await StoreBackup.RestoreAsync(backup, store, replaceExisting: true, cancellationToken);
            (await store.LoadResultAsync(Prepared(2018, version2018), cancellationToken)).ShouldBeNull();
        }

        var (_, afterRestore) = await ResultsAsync();
        afterRestore.ShouldBe(2);
    }

    [Fact]
    public async Task ScoredYearAndResilience_StoredOnce_AreReadBackExactly_AndOnlyTheirOwnYearsImportInvalidatesThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Path.Combine(TestData.RepositoryRoot, "data", "sample"));
        }

        // The first service (a fresh store) computes 2018 and 2024 scored and their resilience and stores them; a
        // second one on its own connection (a restarted server, a command) reads all four and computes nothing.
        var (computed, computing) = await YearResultsAsync();
        computing.ShouldBe((2, 2));
        var (read, reading) = await YearResultsAsync();
        reading.ShouldBe((0, 0));

        // Read back to the last bit: every score with every contribution, the percentiles' reference scores, the
        // reference's moments; every resilience score with its parts and gaps. The national 2024 has unscored areas
        // (too few inhabitants) on both sides, so the reasons are compared too.
        computed[2024].Scores.Scores.Count(s => s.IsScored).ShouldBeGreaterThan(10_000);
        computed[2024].Scores.Scores.ShouldContain(s => !s.IsScored);
        computed[2024].Resilience.Scores.ShouldContain(s => s.NotScoredReason != null);
        computed[2018].Scores.Scores.ShouldContain(s => s.IsScored);

        // The stored form is compact: the headline of every score, not its contributions (16 MB for 2024 before).
        ScoredYearFormat.Write(computed[2024].Scores).Length.ShouldBeLessThan(1_000_000);
        ScoredYearFormat.Write(computed[2024].Resilience).Length.ShouldBeLessThan(1_000_000);

        // One area's contributions, asked for first (a profile), are computed for that area alone and equal the computed ones.
        var profiled = read[2024].Scores.Scores.First(s => s.IsScored && s.Area.Code.Level == AreaLevel.Buurt);
        Json(profiled).ShouldBe(Json(computed[2024].Scores.ScoreOf(profiled.Area)));
        foreach (var year in new[] { 2018, 2024 })
        {
            var (a, b) = (computed[year], read[year]);
            Json(b.Scores.Scores).ShouldBe(Json(a.Scores.Scores));
            Json(b.Scores.ReferenceScores).ShouldBe(Json(a.Scores.ReferenceScores));
            Json(b.Scores.Reference).ShouldBe(Json(a.Scores.Reference));
            Json(b.Resilience.Scores).ShouldBe(Json(a.Resilience.Scores));
            Json(b.Resilience.Reference).ShouldBe(Json(a.Resilience.Reference));
            b.Resilience.Scores.Where(s => s.NotScoredReason != null).Select(s => s.NotScoredReason!.ToString())
                .ShouldBe(a.Resilience.Scores.Where(s => s.NotScoredReason != null).Select(s => s.NotScoredReason!.ToString()));
            b.Scores.Prepared.ShouldBeSameAs(b.Resilience.Prepared);
            b.Scores.PercentileOf(0.1).ShouldBe(a.Scores.PercentileOf(0.1));
        }

        // An import of 2018 deletes 2018's stored scores and resilience; 2024's stay and are read, 2018's computed again.
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, MoreViolence2018());
        }

        var (afterImport, recomputing) = await YearResultsAsync();
        recomputing.ShouldBe((1, 1));
        Json(afterImport[2024].Scores.Scores).ShouldBe(Json(computed[2024].Scores.Scores));
        var (before, after) = (computed[2018].Scores.Prepared.Table, afterImport[2018].Scores.Prepared.Table);
        after.IndicatorIds.Where(id => !after.Column(id).SequenceEqual(before.Column(id))).ShouldNotBeEmpty("the recomputed 2018 is not from the imported data");
    }

    [Fact]
    public async Task WritesInBackground_AnswerWithTheComputedResult_AndStoreIt_ForASecondServiceToRead()
    {
        // The web's service stores what it computed after answering; once StoredAsync is done, another reads it.
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Path.Combine(TestData.RepositoryRoot, "data", "sample", "heerlen"));
        }

        var reference = ReferenceChoice.OfGemeente(Heerlen);
        await using var first = Store.Open();
        var writer = new MonitorService(first) { WritesInBackground = true };
        var computed = await writer.ScoreAsync(2018, ModelDocument.HandSet, reference, cancellationToken);
        await writer.StoredAsync();
        writer.StoredResultsComputedOf(MonitorService.ScoredYearKind).ShouldBe(1);

        await using var second = Store.Open();
        var reader = new MonitorService(second);
        var read = await reader.ScoreAsync(2018, ModelDocument.HandSet, reference, cancellationToken);
        reader.StoredResultsComputed.ShouldBe(0);
        Json(read.Scores).ShouldBe(Json(computed.Scores));
        Json(read.ReferenceScores).ShouldBe(Json(computed.ReferenceScores));
    }

    [Fact]
    public async Task TwoServicesOnOneStoreAtOnce_ComputeAYearsScoresOnce_WhenTheStoreGivesTurns()
    {
        // Two instances starting together on one fresh database (each its own store and connections). On PostgreSQL
        // the advisory lock per result gives one of them the turn and the other reads what it stored; a SQLite store
        // is meant for one process at a time and gives no turns (docs/architecture.md#caching), so there only the
        // answers are compared.
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Path.Combine(TestData.RepositoryRoot, "data", "sample", "heerlen"));
        }

        await using var first = Store.Open();
        await using var second = Store.Open();
        var monitors = new[] { new MonitorService(first), new MonitorService(second) };
        var reference = ReferenceChoice.OfGemeente(Heerlen);
        var scored = await Task.WhenAll(monitors.Select(m => Task.Run(() => m.ScoreAsync(2018, ModelDocument.HandSet, reference, cancellationToken), cancellationToken)));
        var resilience = await Task.WhenAll(monitors.Select(m => Task.Run(() => m.ResilienceAsync(2018, ResilienceModel.Default, reference, cancellationToken), cancellationToken)));

        Json(scored[1].Scores).ShouldBe(Json(scored[0].Scores));
        Json(resilience[1].Scores).ShouldBe(Json(resilience[0].Scores));
        if (Store.Kind == StoreKind.Postgres)
        {
            monitors.Sum(m => m.StoredResultsComputedOf(MonitorService.PreparedYearKind)).ShouldBe(1);
            monitors.Sum(m => m.StoredResultsComputedOf(MonitorService.ScoredYearKind)).ShouldBe(1);
            monitors.Sum(m => m.StoredResultsComputedOf(MonitorService.ResilienceYearKind)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task LeefbaarometerLevel_StoredOnce_IsReadBackExactly_KeptByAKwbImport_AndRenewedByALeefbaarometerImport()
    {
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Path.Combine(TestData.RepositoryRoot, "data", "sample"));
        }

        // The wijken of 2024 carried from the PC4 file: computed and stored by the first service, read by the second.
        var (computed, computing) = await LeefbaarometerWijkenAsync();
        computing.ShouldBe(1);
        computed.Values.Count.ShouldBeGreaterThan(3_000);
        var (read, reading) = await LeefbaarometerWijkenAsync();
        reading.ShouldBe(0);
        ShouldBeTheSame(read, computed);

        // An import of KWB values leaves the Leefbaarometer as it was: still read.
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, MoreViolence2018());
        }

        var (kept, keeping) = await LeefbaarometerWijkenAsync();
        keeping.ShouldBe(0);
        ShouldBeTheSame(kept, computed);

        // A new Leefbaarometer edition (every PC4 score 0.05 higher) renews it.
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, HigherLeefbaarometer());
        }

        var (renewed, renewing) = await LeefbaarometerWijkenAsync();
        renewing.ShouldBe(1);
        var overvecht = AreaCode.Parse("WK034403");
        renewed.Of(overvecht)[^1].Score.ShouldBe(computed.Of(overvecht)[^1].Score + 0.05, 1e-9);
        renewed.Provenance!.Edition.ShouldNotBe(computed.Provenance!.Edition);
    }

    private static void ShouldBeTheSame(LeefbaarometerLevel read, LeefbaarometerLevel computed)
    {
        (read.Level, read.DivisionYear).ShouldBe((computed.Level, computed.DivisionYear));
        read.Values.Keys.ShouldBe(computed.Values.Keys);
        foreach (var (code, series) in computed.Values)
        {
            // Records: every field equal, the doubles to the bit (NaN equal to NaN).
            read.Values[code].ShouldBe(series);
        }

        var (r, c) = (read.Provenance!, computed.Provenance!);
        (r.Source, r.Edition, r.Reference, r.Carry, r.ClassBasis).ShouldBe((c.Source, c.Edition, c.Reference, c.Carry, c.ClassBasis));
        r.Files.ShouldBe(c.Files);
    }

    private async Task<(LeefbaarometerLevel Level, int Computed)> LeefbaarometerWijkenAsync()
    {
        await using var store = Store.Open();
        var monitor = new MonitorService(store);
        var level = await new LeefbaarometerService(store, monitor).LevelAsync(AreaLevel.Wijk, 2024, TestContext.Current.CancellationToken);
        return (level, monitor.StoredResultsComputedOf(LeefbaarometerService.LevelKind));
    }

    /// <summary>The sample's real PC4 Leefbaarometer file with every score (lbm) 0.05 higher: a new edition.</summary>
    private string HigherLeefbaarometer()
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(TestData.RepositoryRoot, "data", "sample", "leefbaarometer", "leefbaarometer3_pc4_2002-2018.csv.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lbm = Array.IndexOf(lines[0].Split(','), "lbm");
        lbm.ShouldBeGreaterThan(0);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            cells[lbm] = (double.Parse(cells[lbm], CultureInfo.InvariantCulture) + 0.05).ToString("R", CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', cells);
        }

        var path = Path.Combine(Folder.Path, "leefbaarometer3_pc4_2002-2018.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(Dictionary<int, (ScoredYear Scores, ResilienceYear Resilience)> Years, (int Scores, int Resilience) Computed)> YearResultsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = Store.Open();
        var monitor = new MonitorService(store);
        var years = new Dictionary<int, (ScoredYear, ResilienceYear)>();
        foreach (var year in new[] { 2018, 2024 })
        {
            years[year] = (
                await monitor.ScoreAsync(year, ModelDocument.Default, ReferenceChoice.National, cancellationToken),
                await monitor.ResilienceAsync(year, ResilienceModel.Default, ReferenceChoice.National, cancellationToken));
        }

        return (years, (monitor.StoredResultsComputedOf(MonitorService.ScoredYearKind), monitor.StoredResultsComputedOf(MonitorService.ResilienceYearKind)));
    }

    private async Task<((ScoredYear Scores, ResilienceYear Resilience, TrendYears Trend) Results, int Computed)> ResultsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = Store.Open();
        var monitor = new MonitorService(store);

        // Heerlen's buurten are the reference: the sample has too few other buurten for 2016 and 2018.
        var reference = ReferenceChoice.OfGemeente(Heerlen);
        var scores = await monitor.ScoreAsync(2018, ModelDocument.HandSet, reference, cancellationToken);
        var resilience = await monitor.ResilienceAsync(2018, ResilienceModel.Default, reference, cancellationToken);
        var trend = await monitor.TrendAsync(2016, 2018, ModelDocument.HandSet, reference, cancellationToken);
        return ((scores, resilience, trend), monitor.StoredResultsComputedOf(MonitorService.PreparedYearKind));
    }

    private static string Cell((AreaKey Area, string Indicator) cell) => $"{cell.Area.Code.Value}/{cell.Area.Year}/{cell.Indicator}";

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, StoredResults.Options);

    private async Task<(Watchlist Watchlist, int Computed)> WatchlistAsync()
    {
        await using var store = Store.Open();
        var monitor = new MonitorService(store);
        var watchlist = await new EarlyWarningService(monitor).WatchlistAsync(2018, null, Heerlen, null, ModelDocument.HandSet, TestContext.Current.CancellationToken);
        return (watchlist, monitor.StoredResultsComputedOf("watchlist"));
    }

    /// <summary>The real 2018 file with three times the violent crimes in every other area.</summary>
    private string MoreViolence2018() => Tripled(Heerlen2018, Violence);

    /// <summary>A real file with three times the value of one column in every other area.</summary>
    private string Tripled(string file, string column)
    {
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        var index = Array.IndexOf(header, column);
        index.ShouldBeGreaterThan(0);
        for (var i = 1; i < lines.Length; i += 2)
        {
            var cells = lines[i].Split(',');
            if (cells.Length == header.Length && double.TryParse(cells[index], CultureInfo.InvariantCulture, out var value))
            {
                cells[index] = (value * 3).ToString(CultureInfo.InvariantCulture);
                lines[i] = string.Join(',', cells);
            }
        }

        var path = Path.Combine(Folder.Path, Path.GetFileName(file));
        File.WriteAllLines(path, lines);
        return path;
    }
}
