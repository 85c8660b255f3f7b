using System.Text.Json;
using Leefkracht.Data.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>backup</c>, <c>restore</c> and the errors of <c>--db</c>, on the run's database (SQLite, or PostgreSQL in the
/// PostgreSQL pass).
/// </summary>
public sealed class ServerModeCommandTests(SampleDatabase database) : IDisposable
{
    private const string PostgresPassOnly = "needs the PostgreSQL server: runs in the LEEFKRACHT_TEST_STORE=postgres pass";
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "leefkracht-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<TestStore> _stores = [];

    public static bool IsPostgresRun => TestStore.IsPostgresRun;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task BackupThenRestore_WholeSample_GivesTheSameImportsAndValues()
    {
        // Given: a backup of the sample database
        var backup = Path.Combine(_folder, "sample.zip");
        var written = await CliRunner.RunAsync("backup", backup, "--db", database.Path);
        written.ExitCode.ShouldBe(0, written.Error);
        written.Out.ShouldContain("observations: ");

        // When: it is restored into an empty database
        var target = NewStore();
        var restored = await CliRunner.RunAsync("restore", backup, "--db", target.Setting, "--lang", "en");

        // Then
        restored.ExitCode.ShouldBe(0, restored.Error);
        restored.Out.ShouldContain("restored into");
        var original = await CliRunner.RunAsync("imports", "--db", database.Path, "--format", "json");
        var copy = await CliRunner.RunAsync("imports", "--db", target.Setting, "--format", "json");
        copy.Out.ShouldBe(original.Out);
        var show = await CliRunner.RunAsync("show", "BU03440111", "--db", target.Setting, "--year", "2023", "--format", "csv");
        show.Out.ShouldBe((await CliRunner.RunAsync("show", "BU03440111", "--db", database.Path, "--year", "2023", "--format", "csv")).Out);
    }

    [Fact]
    public async Task Restore_IntoTheSampleDatabase_IsRefusedWithoutForce()
    {
        var backup = Path.Combine(_folder, "sample.zip");
        (await CliRunner.RunAsync("backup", backup, "--db", database.Path)).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync("restore", backup, "--db", database.Path);

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldStartWith("fout: de database ");
        result.Error.ShouldEndWith(" bevat al gegevens; zet terug in een lege database, of geef --force om de gegevens te vervangen\n");
    }

    [Fact]
    public async Task Restore_NotABackup_IsInvalidInputAndChangesNothing()
    {
        var file = Path.Combine(_folder, "not-a-backup.zip");
        await File.WriteAllTextAsync(file, "area_code,year,indicator,value\n", TestContext.Current.CancellationToken);
        var target = NewStore();

        var result = await CliRunner.RunAsync("restore", file, "--db", target.Setting);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("fout: not-a-backup.zip: geen back-up van Leefkracht: geen zip-bestand, of het bestand is afgebroken (melding van het systeem: ");
        result.Error.ShouldEndWith("); er is niets veranderd\n");
        var imports = await CliRunner.RunAsync("imports", "--db", target.Setting, "--format", "json");
        JsonDocument.Parse(imports.Out).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefused()
    {
        var file = Path.Combine(_folder, "exists.zip");
        await File.WriteAllTextAsync(file, "keep me", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("backup", file, "--db", database.Path);

        result.ExitCode.ShouldBe(2);
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe("keep me");
    }

    [Fact]
    public async Task AnyCommand_UnreachablePostgres_ExitsWithThreeAndNeverShowsThePassword()
    {
        var result = await CliRunner.RunAsync("areas", "--db", "postgresql://monitor:Sesam-Open@127.0.0.1:1/leefkracht", "--lang", "en");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldBe("error: no PostgreSQL server answers at postgresql://monitor@127.0.0.1:1/leefkracht; start the server or correct Host/Port (the database says: Connection refused)\n");
        (result.Out + result.Error).ShouldNotContain("Sesam");
    }

    [Theory]
    [InlineData("damaged", "fout: sample.zip: tables/areas.jsonl is beschadigd (de SHA-256 verschilt van die in de manifest); er is niets veranderd\n", "nl")]
    [InlineData("damaged", "error: sample.zip: tables/areas.jsonl is damaged (its SHA-256 differs from the manifest's); nothing was changed\n", "en")]
    [InlineData("newer", "fout: sample.zip: gemaakt door een nieuwere Leefkracht (formaat 2, schema ", "nl")]
    [InlineData("newer", "error: sample.zip: written by a newer Leefkracht (format 2, schema ", "en")]
    [InlineData("foreign", "fout: sample.zip: geen back-up van Leefkracht (er is geen manifest.json in); er is niets veranderd\n", "nl")]
    public async Task Restore_DamagedNewerOrForeignBackup_SaysWhatIsWrongInTheUsersLanguage_AndChangesNothing(string damage, string expected, string language)
    {
        // Given: a real backup of the sample, damaged in one way, and a store that holds one import
        var backup = Path.Combine(_folder, "sample.zip");
        (await CliRunner.RunAsync("backup", backup, "--db", database.Path)).ExitCode.ShouldBe(0);
        using (var zip = System.IO.Compression.ZipFile.Open(backup, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = damage switch { "damaged" => "tables/areas.jsonl", _ => "manifest.json" };
            string text;
            using (var reader = new StreamReader(zip.GetEntry(entry)!.Open()))
            {
                text = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            }

            zip.GetEntry(entry)!.Delete();
            if (damage != "foreign")
            {
                await using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                await writer.WriteAsync(damage == "damaged" ? text.Replace("Utrecht", "Utrekt", StringComparison.Ordinal) : text.Replace("\"format_version\": 1", "\"format_version\": 2", StringComparison.Ordinal));
            }
        }

        var target = NewStore();
        (await CliRunner.RunAsync("import", TestData.Sample("utrecht/kwb2024_utrecht_GM0344.csv"), "--db", target.Setting)).ExitCode.ShouldBe(0);
        var before = target.Snapshot();

        // When
        var result = await CliRunner.RunAsync("restore", backup, "--db", target.Setting, "--force", "--lang", language);

        // Then
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith(expected);
        target.Snapshot().ShouldBe(before);
    }

    /// <summary>A login the real test server refuses (a wrong password): exit 3, in words, in both languages, never the password.</summary>
    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = PostgresPassOnly)]
    public async Task AnyCommand_PostgresRefusingTheLogin_ExitsWithThree_InWords_AndNeverShowsThePassword()
    {
        var setting = new NpgsqlConnectionStringBuilder(TestStore.PostgresServer) { Password = "Wrong-Sesam-42" }.ConnectionString;
        var location = StoreLocation.Parse(setting).Display;

        var dutch = await CliRunner.RunAsync("areas", "--db", setting);
        var english = await CliRunner.RunAsync("areas", "--db", setting, "--lang", "en");

        dutch.ExitCode.ShouldBe(3);
        dutch.Error.ShouldStartWith($"fout: de server {location} weigert de aanmelding; controleer gebruikersnaam en wachtwoord in de verbindingstekst (melding van de database: ");
        english.ExitCode.ShouldBe(3);
        english.Error.ShouldStartWith($"error: the server {location} refused the login; check the user name and password in the connection string (the database says: ");
        english.Error.ShouldEndWith(")\n");
        foreach (var result in new[] { dutch, english })
        {
            (result.Out + result.Error).ShouldNotContain("Wrong-Sesam-42");
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        }
    }

    [Fact]
    public async Task AnyCommand_ADatabaseOfANewerLeefkracht_ExitsWithThree_NamingBothSchemaVersions()
    {
        // Given: a real store file with a migration this build does not have, as a newer Leefkracht would record it
        var path = Path.Combine(_folder, "newer.db");
        (await CliRunner.RunAsync("areas", "--db", path)).ExitCode.ShouldBe(0);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future', '2030-01-01T00:00:00Z')";
            command.ExecuteNonQuery();
        }

        var dutch = await CliRunner.RunAsync("areas", "--db", path);
        var english = await CliRunner.RunAsync("areas", "--db", path, "--lang", "en");

        var location = StoreLocation.Parse(path).Display;
        dutch.ExitCode.ShouldBe(3);
        dutch.Error.ShouldBe($"fout: de database {location} heeft schemaversie 99 en deze Leefkracht kent versies tot en met {TestStore.Schema.Version}: de database is gemaakt door een nieuwere Leefkracht; werk Leefkracht bij\n");
        english.ExitCode.ShouldBe(3);
        english.Error.ShouldBe($"error: the database {location} has schema version 99 and this Leefkracht knows versions up to {TestStore.Schema.Version}: it was written by a newer Leefkracht; upgrade Leefkracht\n");
    }

    [Fact]
    public async Task AnyCommand_ADatabaseFileThatIsNoDatabase_SaysSoInWords()
    {
        // Given: a file of text where the database should be
        var path = Path.Combine(_folder, "store.db");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("dit is geen database; ", 200)), TestContext.Current.CancellationToken);

        var dutch = await CliRunner.RunAsync("areas", "--db", path);
        var english = await CliRunner.RunAsync("areas", "--db", path, "--lang", "en");

        dutch.ExitCode.ShouldBe(3);
        dutch.Error.ShouldBe("fout: het databasebestand is beschadigd of geen database van Leefkracht; zet een back-up terug (leefkracht restore) (melding van de database: SQLite Error 26: 'file is not a database'.)\n");
        english.ExitCode.ShouldBe(3);
        english.Error.ShouldBe("error: the database file is damaged or not a Leefkracht database; restore a backup (leefkracht restore) (the database says: SQLite Error 26: 'file is not a database'.)\n");
    }

    [Fact]
    public async Task Imports_DescribeEachFile_InTheUsersLanguage()
    {
        var dutch = JsonDocument.Parse(await CliRunner.OutputAsync("imports", "--db", database.Path, "--format", "json")).RootElement;
        var english = JsonDocument.Parse(await CliRunner.OutputAsync("imports", "--db", database.Path, "--format", "json", "--lang", "en")).RootElement;

        var boundaries = dutch.EnumerateArray().First(i => i.GetProperty("file").GetString() == "cbs_wijk_2016_nl_rd.geojson.gz");
        boundaries.GetProperty("description").GetString().ShouldBe("GeoJSON-grenzen: 2.979 polygonen (wijk) van de indeling van 2016, RD New, omgezet naar WGS84");
        english.EnumerateArray().First(i => i.GetProperty("file").GetString() == "cbs_wijk_2016_nl_rd.geojson.gz")
            .GetProperty("description").GetString().ShouldBe("GeoJSON boundaries: 2,979 wijk polygons of division 2016, RD New, converted to WGS84");
        dutch.EnumerateArray().Select(i => i.GetProperty("description").GetString()).ShouldAllBe(d => !string.IsNullOrEmpty(d) && !d.StartsWith('['));
    }

    private TestStore NewStore()
    {
        var store = TestStore.Create();
        _stores.Add(store);
        return store;
    }
}
