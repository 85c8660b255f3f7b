using System.IO.Compression;
using System.Text.Json.Nodes;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Storage.Backup;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Data.Tests.Storage;

/// <summary>
/// The parts of the <see cref="IMonitorStore"/> contract that the import tests do not cover — backup and restore,
/// box queries, schema versions, several connections at once — on the run's store kind (SQLite or PostgreSQL).
/// </summary>
public sealed class StoreContractTests(SampleStore sample) : IDisposable
{
    private static readonly string[] SmallSample =
    [
        TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"),
        TestData.Sample("boundaries/cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz"),
        TestData.Sample("crosswalks/grenswijzigingen_gemeente_wijk_2016-2024_adressen.csv.gz"),
    ];

    private readonly TempFolder _folder = new();
    private readonly List<TestStore> _stores = [];

    public void Dispose()
    {
        _folder.Dispose();
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task Backup_RestoredIntoAnEmptyStore_GivesTheSameContentAndTheSameBackup()
    {
        // Given: a store with areas, values, boundaries and crosswalk links, and its backup
        var original = await FilledStoreAsync();
        var backup = await BackupAsync(original, "original.zip");

        // When
        var copy = NewStore();
        await using (var store = copy.Open())
        {
            await StoreBackup.RestoreAsync(backup, store, replaceExisting: false, TestContext.Current.CancellationToken);
        }

        // Then: every row of every table is equal, and so is a backup of the copy, table file for table file
        // Stored results are derived and not in a backup: a restored store starts without them.
        copy.Snapshot("results").ShouldBe(original.Snapshot("results"));
        TableChecksums(await BackupAsync(copy, "copy.zip")).ShouldBe(TableChecksums(backup));
        var manifest = StoreBackup.ReadManifest(backup, TestStore.Schema);
        manifest.Tables.Single(t => t.Name == "boundaries").Rows.ShouldBeGreaterThan(2_900);
        manifest.Tables.Single(t => t.Name == "crosswalk").Rows.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public async Task Restore_IntoAStoreWithData_IsRefusedAndChangesNothing()
    {
        // Given
        var backup = await BackupAsync(await FilledStoreAsync(), "original.zip");
        var target = NewStore();
        await using (var store = target.Open())
        {
            await Stores.ImportAsync(store, TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"));
        }

        var before = target.Snapshot();

        // When
        await using var opened = target.Open();
        var error = await Should.ThrowAsync<StoreUnavailableException>(() => StoreBackup.RestoreAsync(backup, opened, replaceExisting: false, TestContext.Current.CancellationToken));

        // Then
        error.Problem.ShouldBe(StoreProblem.NotEmpty);
        error.Detail.ShouldContain("--force");
        target.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Restore_Forced_ReplacesTheDataAndNewImportsContinueAfterTheRestoredIds()
    {
        // Given: a backup, and a store holding something else
        var original = await FilledStoreAsync();
        var backup = await BackupAsync(original, "original.zip");
        var target = NewStore();
        await using (var store = target.Open())
        {
            await Stores.ImportAsync(store, TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"));
        }

        // When
        await using (var store = target.Open())
        {
            await StoreBackup.RestoreAsync(backup, store, replaceExisting: true, TestContext.Current.CancellationToken);
        }

        // Then: the original content, and the next import gets the next id
        target.Snapshot("results").ShouldBe(original.Snapshot("results"));
        await using var reopened = target.Open();
        var next = (await Stores.ImportAsync(reopened, TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"))).Single();
        next.ImportId.ShouldBe(SmallSample.Length + 1);
    }

    [Fact]
    public async Task Restore_BadRowInTheLastTable_RollsBackEverythingAndSaysWhere()
    {
        // Given: a backup whose crosswalk file (restored last) has a text where a number belongs on line 7, with
        // the manifest's checksum adjusted so that only the row check can catch it
        // When: it is restored into an empty store
        var (error, target, before) = await RestoreEditedBackupAsync<InvalidDataException>("tables/crosswalk.jsonl", row => row[6] = "many");

        // Then
        error.Message.ShouldBe("original.zip: tables/crosswalk.jsonl regel 7: kolom ‘addresses’: \"many\" is geen getal");
        target.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Restore_ValueOfAnAreaTheBackupDoesNotHold_IsRefusedAndChangesNothing()
    {
        // Given: a backup in which one value (line 7) names an area id that no area has, with a matching checksum, so
        // that only the references can catch it (SQLite's foreign keys; on PostgreSQL, which has none on observations
        // since migration 0006, the store's set-based check)
        // When: it is restored into an empty store
        var (error, target, before) = await RestoreEditedBackupAsync<Exception>("tables/observations.jsonl", row => row[2] = 987_654_321);

        // Then
        error.Message.ShouldContain(target.Kind == StoreKind.Sqlite ? "FOREIGN KEY constraint failed" : "de kopie is niet compleet: 1 waarden horen bij een gebied dat er niet in staat");
        target.Snapshot().ShouldBe(before);
    }

    /// <summary>
    /// Backs up a filled store, edits row 7 of one table file of the backup (fixing the manifest's checksum), and
    /// restores it into an empty store, which must refuse it: the error, the store and its snapshot before the restore.
    /// </summary>
    private async Task<(TException Error, TestStore Target, string Before)> RestoreEditedBackupAsync<TException>(string entry, Action<JsonArray> editRow)
        where TException : Exception
    {
        var backup = await BackupAsync(await FilledStoreAsync(), "original.zip");
        Rewrite(backup, entry, lines =>
        {
            var row = JsonNode.Parse(lines[6])!.AsArray();
            editRow(row);
            lines[6] = row.ToJsonString();
        });
        var target = NewStore();
        await using (var store = target.Open())
        {
            await store.SummarizeAsync(TestContext.Current.CancellationToken);
        }

        var before = target.Snapshot();
        await using var opened = target.Open();
        var error = await Should.ThrowAsync<TException>(() => StoreBackup.RestoreAsync(backup, opened, replaceExisting: false, TestContext.Current.CancellationToken));
        return (error, target, before);
    }

    [Fact]
    public async Task Backup_OverAnExistingFile_IsRefusedInWords_AndTheFileIsKept()
    {
        var store = await FilledStoreAsync();
        var path = _folder.File("taken.zip");
        await File.WriteAllTextAsync(path, "mine", TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<IOException>(() => BackupAsync(store, "taken.zip"));

        error.Message.ShouldBe($"{path} bestaat al; kies een andere naam of verwijder het eerst");
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe("mine");
    }

    [Fact]
    public async Task Restore_DamagedFile_IsRefusedBeforeAnythingIsWritten()
    {
        var backup = await BackupAsync(await FilledStoreAsync(), "original.zip");
        Rewrite(backup, "tables/areas.jsonl", lines => lines[0] += " ", keepChecksum: true);
        var target = NewStore();

        await using var store = target.Open();
        var error = await Should.ThrowAsync<InvalidDataException>(() => StoreBackup.RestoreAsync(backup, store, replaceExisting: false, TestContext.Current.CancellationToken));

        error.Message.ShouldBe("original.zip: tables/areas.jsonl is beschadigd (de SHA-256 verschilt van die in de manifest)");
        (await store.SummarizeAsync(TestContext.Current.CancellationToken)).Imports.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_BackupFromANewerVersion_IsRefused()
    {
        var backup = await BackupAsync(await FilledStoreAsync(), "original.zip");
        using (var zip = ZipFile.Open(backup, ZipArchiveMode.Update))
        {
            var version = TestStore.Schema.Version;
            var manifest = ReadEntry(zip, "manifest.json").Replace($"\"schema_version\": {version}", $"\"schema_version\": {version + 1}", StringComparison.Ordinal);
            WriteEntry(zip, "manifest.json", manifest);
        }

        await using var store = NewStore().Open();
        var error = await Should.ThrowAsync<InvalidDataException>(() => StoreBackup.RestoreAsync(backup, store, replaceExisting: false, TestContext.Current.CancellationToken));

        error.Message.ShouldBe(
            $"original.zip: gemaakt door een nieuwere Leefkracht (formaat 1, schema {TestStore.Schema.Version + 1}; deze versie leest formaat 1, schema {TestStore.Schema.Version}); werk Leefkracht bij");
        using (UiLanguage.English())
        {
            var english = await Should.ThrowAsync<InvalidDataException>(() => StoreBackup.RestoreAsync(backup, store, replaceExisting: false, TestContext.Current.CancellationToken));
            english.Message.ShouldContain("written by a newer Leefkracht");
        }

        (await store.SummarizeAsync(TestContext.Current.CancellationToken)).Imports.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_TruncatedFile_SaysItIsNoZipOrCutShort_AndChangesNothing()
    {
        // Given: a real backup cut off halfway, as an interrupted copy leaves it
        var backup = await BackupAsync(await FilledStoreAsync(), "original.zip");
        var bytes = await File.ReadAllBytesAsync(backup, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(backup, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);
        var target = NewStore();
        await using var store = target.Open();
        var before = target.Snapshot();

        // When
        var error = await Should.ThrowAsync<InvalidDataException>(() => StoreBackup.RestoreAsync(backup, store, replaceExisting: false, TestContext.Current.CancellationToken));

        // Then: the file is named, the zip reader's English text is kept as the detail, the store is as it was
        error.Message.ShouldStartWith("original.zip: geen back-up van Leefkracht: geen zip-bestand, of het bestand is afgebroken (melding van het systeem: ");
        target.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Restore_BackupOfSchemaVersion1_RestoresWithEmptyWijkaanpakTables()
    {
        // Given a backup as version 1 wrote it: schema 1, without the wijkaanpak tables (added in schema 2) and the
        // Leefbaarometer tables (schema 3)
        var source = await FilledStoreAsync();
        var backup = await BackupAsync(source, "v1.zip");
        using (var zip = ZipFile.Open(backup, ZipArchiveMode.Update))
        {
            var manifest = JsonNode.Parse(ReadEntry(zip, "manifest.json"))!;
            manifest["schema_version"] = 1;
            var tables = manifest["tables"]!.AsArray();
            var later = TestStore.Schema.Tables.Where(t => t.Since > 1).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var table in tables.Where(t => later.Contains(t!["name"]!.GetValue<string>())).ToList())
            {
                zip.GetEntry(table!["file"]!.GetValue<string>())!.Delete();
                tables.Remove(table);
            }

            WriteEntry(zip, "manifest.json", manifest.ToJsonString());
        }

        // When it is restored
        var target = NewStore();
        await using (var store = target.Open())
        {
            await StoreBackup.RestoreAsync(backup, store, replaceExisting: false, TestContext.Current.CancellationToken);
        }

        // Then the monitor data are back, and the wijkaanpak tables are empty
        target.Snapshot("schema_migrations", "results").ShouldBe(source.Snapshot("schema_migrations", "results"));
        target.Snapshot().ShouldContain("wk_programmes: 0\n");
        target.Snapshot().ShouldContain("leefbaarometer: 0\n");
    }

    [Fact]
    public async Task Backup_EveryTableOfTheStoreIsInTheBackup()
    {
        // A table a migration adds must be added to its part of the StoreSchema too, or backups would silently leave it out.
        var store = NewStore();
        await using (var opened = store.Open())
        {
            await opened.SummarizeAsync(TestContext.Current.CancellationToken);
        }

        store.Tables().Except(StoreTables.Machinery).Order(StringComparer.Ordinal)
            .ShouldBe(TestStore.Schema.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CountValues_OfAnIndicator_AreItsValuesInEachPeriodsTable_AndOnlyPeriodsThatHaveThem()
    {
        // Given: the real sample (national 2024, gemeente panels and city files of other years)
        await using var store = sample.Open();
        var cancellationToken = TestContext.Current.CancellationToken;
        var periods = (await store.SummarizeAsync(cancellationToken)).ValuesByPeriod.Keys.ToList();
        periods.Count.ShouldBeGreaterThan(5);

        foreach (var id in new[] { "population", "woz_mean", "no_such_indicator" })
        {
            // When
            var counts = await store.CountValuesAsync(id, cancellationToken);

            // Then: as many as each period's table holds, and no period without one
            var expected = new Dictionary<int, int>();
            foreach (var period in periods)
            {
                var table = await store.LoadPeriodAsync(period, null, cancellationToken);
                var n = table.HasIndicator(id) ? table.Column(id).ToArray().Count(v => !double.IsNaN(v)) : 0;
                if (n > 0)
                {
                    expected[period] = n;
                }
            }

            counts.OrderBy(c => c.Key).ShouldBe(expected.OrderBy(c => c.Key), id);
        }

        (await store.CountValuesAsync("population", cancellationToken))[2024].ShouldBeGreaterThan(18_000);
    }

    [Fact]
    public async Task LoadBoundariesInBox_ReturnsExactlyTheBoundariesWhoseEnvelopeOverlapsTheBox()
    {
        // Given: the 2024 buurten of the sample, and a box over the centre of Utrecht
        await using var store = sample.Open();
        var all = await store.LoadBoundariesAsync(AreaLevel.Buurt, 2024, null, TestContext.Current.CancellationToken);
        var box = BoundingBox.Of(5.10, 52.08, 5.13, 52.10);

        // When
        var inBox = await store.LoadBoundariesInBoxAsync(AreaLevel.Buurt, 2024, box, TestContext.Current.CancellationToken);

        // Then
        var expected = all.Where(b => box.Intersects(b.Geometry.EnvelopeInternal.MinX, b.Geometry.EnvelopeInternal.MinY, b.Geometry.EnvelopeInternal.MaxX, b.Geometry.EnvelopeInternal.MaxY))
            .Select(b => b.Area.Code.Value).ToList();
        expected.Count.ShouldBeInRange(20, 400);
        inBox.Select(b => b.Area.Code.Value).ShouldBe(expected);
        inBox.ShouldAllBe(b => b.Geometry.SRID == 4326);
    }

    [Fact]
    public async Task Open_DatabaseWithANewerSchema_IsRefused()
    {
        var store = NewStore();
        await using (var opened = store.Open())
        {
            await opened.SummarizeAsync(TestContext.Current.CancellationToken);
        }

        store.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future', '2030-01-01T00:00:00Z')");

        var error = Should.Throw<StoreUnavailableException>(store.Open);
        error.Problem.ShouldBe(StoreProblem.SchemaTooNew);
        error.Detail.ShouldBe($"the database has schema version 99, newer than the {TestStore.Schema.Version} this version of Leefkracht knows; upgrade Leefkracht");
    }

    [Fact]
    public async Task Open_SeveralInstancesAtOnceOnANewStore_MigrateItOnce()
    {
        var store = NewStore();

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(store.Open, TestContext.Current.CancellationToken)));
        foreach (var instance in opened)
        {
            (await instance.SummarizeAsync(TestContext.Current.CancellationToken)).SchemaVersion.ShouldBe(TestStore.Schema.Version);
            await instance.DisposeAsync();
        }

        // One row per migration, each once; the numbers are one sequence over the parts and may have gaps, so count the scripts.
        store.Snapshot().ShouldContain($"schema_migrations: {TestStore.Schema.SqliteMigrations.Count}\n");
    }

    [Fact]
    public async Task Import_TwoInstancesAtOnce_StoreEverythingOnce()
    {
        // Given: two instances on one store (as two processes would be), and a third store filled one file at a time
        var national = TestData.Sample("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz");
        var utrecht = TestData.Sample("utrecht/kwb2024_utrecht_GM0344.csv");
        var sequential = NewStore();
        await using (var store = sequential.Open())
        {
            await Stores.ImportAsync(store, national, utrecht);
        }

        var shared = NewStore();
        await using var first = shared.Open();
        await using var second = shared.Open();

        // When: both import the national file at the same moment, then the second also the Utrecht file
        var reports = await Task.WhenAll(
            Task.Run(() => Stores.ImportAsync(first, national), TestContext.Current.CancellationToken),
            Task.Run(() => Stores.ImportAsync(second, national, utrecht), TestContext.Current.CancellationToken));

        // Then: every file stored (maybe twice, when neither saw the other's provenance yet) and every value once
        reports.SelectMany(r => r).ShouldAllBe(r => r.Outcome == ImportOutcome.Stored || r.Outcome == ImportOutcome.AlreadyImported);
        var nationalReports = reports.SelectMany(r => r).Where(r => r.File == Path.GetFileName(national) && r.Outcome == ImportOutcome.Stored).ToList();
        nationalReports.Count(r => r.ValuesStored > 0).ShouldBe(1);
        await using var check = sequential.Open();
        var expected = await check.SummarizeAsync(TestContext.Current.CancellationToken);
        var actual = await first.SummarizeAsync(TestContext.Current.CancellationToken);
        actual.ValuesByPeriod.ShouldBe(expected.ValuesByPeriod);
        actual.AreasByLevelAndYear.ShouldBe(expected.AreasByLevelAndYear);
        Values(await first.LoadPeriodAsync(2024, null, TestContext.Current.CancellationToken)).ShouldBe(Values(await check.LoadPeriodAsync(2024, null, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task LoadPeriod_InstanceOpenedBeforeAnotherInstancesImport_SeesTheNewAreasAndValues()
    {
        // Given: an instance that has already read the store
        var shared = NewStore();
        await using var reader = shared.Open();
        await using (var writer = shared.Open())
        {
            await Stores.ImportAsync(writer, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
        }

        (await reader.LoadPeriodAsync(2023, null, TestContext.Current.CancellationToken)).Areas.Length.ShouldBe(122);

        // When: another instance imports other areas
        await using (var writer = shared.Open())
        {
            await Stores.ImportAsync(writer, TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"));
        }

        // Then: the first instance sees them at once
        var period = await reader.LoadPeriodAsync(2019, null, TestContext.Current.CancellationToken);
        period.Areas.Length.ShouldBe(159);
        period.Areas.ShouldAllBe(a => a.Code.Value.Substring(2, 4) == "0518");
    }

    [Fact]
    public async Task LoadIndicators_SomeIndicatorsOfALevel_GiveExactlyThoseCellsOfTheWholePeriod()
    {
        // Given: a store with a year of wijken and buurten, read whole for one level
        var filled = await FilledStoreAsync();
        await using var store = filled.Open();
        var whole = await store.LoadPeriodAsync(2023, AreaLevel.Buurt, TestContext.Current.CancellationToken);
        string[] wanted = ["woz_mean", "population", "not_an_indicator"];

        // When
        var narrow = await store.LoadIndicatorsAsync(2023, AreaLevel.Buurt, wanted, TestContext.Current.CancellationToken);

        // Then: only the stored ones of those indicators, and for every area of that level with one of them the same values
        narrow.IndicatorIds.ShouldBe(["population", "woz_mean"], ignoreOrder: true);
        narrow.Areas.ShouldAllBe(a => a.Code.Level == AreaLevel.Buurt);
        narrow.Areas.Length.ShouldBeGreaterThan(50);
        foreach (var indicator in narrow.IndicatorIds)
        {
            Dictionary<AreaKey, double> Cells(IndicatorTable table) =>
                table.Areas.Where(a => !double.IsNaN(table.Value(a, indicator))).ToDictionary(a => a, a => table.Value(a, indicator));
            Cells(narrow).ShouldBe(Cells(whole), ignoreOrder: true);
        }

        (await store.LoadIndicatorsAsync(2023, AreaLevel.Buurt, [], TestContext.Current.CancellationToken)).Areas.ShouldBeEmpty();
    }

    private TestStore NewStore()
    {
        var store = TestStore.Create();
        _stores.Add(store);
        return store;
    }

    private async Task<TestStore> FilledStoreAsync()
    {
        var store = NewStore();
        await using var opened = store.Open();
        var reports = await Stores.ImportAsync(opened, SmallSample);
        reports.ShouldAllBe(r => r.Outcome == ImportOutcome.Stored);
        return store;
    }

    private async Task<string> BackupAsync(TestStore store, string name)
    {
        var path = _folder.File(name);
        await using var opened = store.Open();
        await StoreBackup.WriteAsync(opened, path, new FakeTimeProvider(Stores.FixedNow), TestContext.Current.CancellationToken);
        return path;
    }

    private static Dictionary<string, string> TableChecksums(string backup) =>
        StoreBackup.ReadManifest(backup, TestStore.Schema).Tables.ToDictionary(t => t.Name, t => t.Sha256);

    private static SortedDictionary<string, double> Values(Core.Indicators.IndicatorTable table)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var indicator in table.IndicatorIds)
        {
            var column = table.Column(indicator);
            for (var i = 0; i < column.Length; i++)
            {
                if (!double.IsNaN(column[i]))
                {
                    values[$"{table.Areas[i]}/{indicator}"] = column[i];
                }
            }
        }

        return values;
    }

    /// <summary>Edits one table file of a backup; unless told otherwise, updates the manifest's checksum to match.</summary>
    private static void Rewrite(string backup, string entry, Action<List<string>> edit, bool keepChecksum = false)
    {
        using var zip = ZipFile.Open(backup, ZipArchiveMode.Update);
        var lines = ReadEntry(zip, entry).Split('\n').ToList();
        edit(lines);
        var text = string.Join('\n', lines);
        WriteEntry(zip, entry, text);
        if (!keepChecksum)
        {
            var manifest = JsonNode.Parse(ReadEntry(zip, "manifest.json"))!;
            var table = manifest["tables"]!.AsArray().Single(t => (string?)t!["file"] == entry)!;
            table["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
            WriteEntry(zip, "manifest.json", manifest.ToJsonString());
        }
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void WriteEntry(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(text);
    }
}
