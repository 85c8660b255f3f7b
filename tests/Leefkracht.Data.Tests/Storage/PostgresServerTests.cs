using Leefkracht.Data.Storage.Backup;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Leefkracht.Data.Tests.Storage;

/// <summary>
/// What only a PostgreSQL server can show: moving data between SQLite and PostgreSQL through a backup, and the
/// errors for a server without PostGIS, a missing database and a refused login. These run in the PostgreSQL pass
/// of <c>scripts/test.sh</c> (they are skipped, and say so, in the SQLite pass, which has no server).
/// </summary>
public sealed class PostgresServerTests : IDisposable
{
    private const string PostgresPassOnly = "needs the PostgreSQL server: runs in the LEEFKRACHT_TEST_STORE=postgres pass";

    private readonly TempFolder _folder = new();
    private readonly List<TestStore> _stores = [];
    private readonly List<string> _cleanup = [];

    public static bool IsPostgresRun => TestStore.IsPostgresRun;

    public void Dispose()
    {
        _folder.Dispose();
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var sql in _cleanup)
        {
            Admin(sql);
        }
    }

    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = PostgresPassOnly)]
    public async Task Backup_SqliteToPostgresToSqlite_KeepsEveryRow()
    {
        // Given: a SQLite store with areas, values, boundaries and crosswalk links
        var sqlite = NewStore(StoreKind.Sqlite);
        await using (var store = sqlite.Open())
        {
            var reports = await Stores.ImportAsync(
                store,
                TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"),
                TestData.Sample("boundaries/cbs_wijk_2016_nl_rd.geojson.gz"),
                TestData.Sample("crosswalks/grenswijzigingen_gemeente_wijk_2016-2024_adressen.csv.gz"));
            reports.ShouldAllBe(r => r.Outcome == ImportOutcome.Stored);
        }

        // When: SQLite → backup → PostgreSQL → backup → a new SQLite file
        var fromSqlite = await BackupAsync(sqlite, "from-sqlite.zip");
        var postgres = NewStore(StoreKind.Postgres);
        await RestoreAsync(postgres, fromSqlite);
        var fromPostgres = await BackupAsync(postgres, "from-postgres.zip");
        var back = NewStore(StoreKind.Sqlite);
        await RestoreAsync(back, fromPostgres);

        // Then: the SQLite file that went through PostgreSQL equals the original, row for row (geometries byte for
        // byte), and the PostgreSQL backup's table files equal the SQLite backup's
        // Stored results are derived and not in a backup: the restored stores start without them.
        back.Snapshot("results").ShouldBe(sqlite.Snapshot("results"));
        StoreBackup.ReadManifest(fromPostgres, TestStore.Schema).Tables.Select(t => (t.Name, t.Rows, t.Sha256))
            .ShouldBe(StoreBackup.ReadManifest(fromSqlite, TestStore.Schema).Tables.Select(t => (t.Name, t.Rows, t.Sha256)));
        StoreBackup.ReadManifest(fromPostgres, TestStore.Schema).Source.ShouldBe("postgres");
    }

    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = PostgresPassOnly)]
    public async Task Open_DatabaseWithoutPostgis_EnablesItWhenTheUserMay()
    {
        var database = NewDatabase();

        await using var store = await MonitorStores.OpenAsync(Server(database), TimeProvider.System, TestStore.Schema, TestContext.Current.CancellationToken);

        (await store.SummarizeAsync(TestContext.Current.CancellationToken)).SchemaVersion.ShouldBe(TestStore.Schema.Version);
    }

    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = PostgresPassOnly)]
    public async Task Open_DatabaseWithoutPostgisAsAnOrdinaryUser_SaysToAskASuperuser()
    {
        // Given: a fresh database without PostGIS, owned by a user who is not a superuser
        var database = NewDatabase();
        var role = "r_" + Guid.NewGuid().ToString("N")[..12];
        Admin($"CREATE ROLE {role} LOGIN PASSWORD 'Sesam-{role}'");
        _cleanup.Add($"DROP ROLE IF EXISTS {role}");
        Admin($"ALTER DATABASE {database} OWNER TO {role}");
        var setting = new NpgsqlConnectionStringBuilder(Server(database)) { Username = role, Password = "Sesam-" + role }.ConnectionString;

        // When
        var error = await Should.ThrowAsync<StoreUnavailableException>(() => MonitorStores.OpenAsync(setting, TimeProvider.System, TestStore.Schema, TestContext.Current.CancellationToken));

        // Then
        error.Problem.ShouldBe(StoreProblem.PostgisNotEnabled);
        error.Detail.ShouldBe($"PostGIS is installed on the server but not enabled in database {database}, and this user may not enable it; ask a superuser to run CREATE EXTENSION postgis; in that database");
        error.Message.ShouldNotContain("Sesam");
        // In words, naming the database and what to do, in both languages (the server's own text after it)
        var location = StoreLocation.Parse(setting).Display;
        StoreFailure.Of(error)!.Message.ShouldStartWith($"PostGIS staat niet aan in database {database} van {location} en deze gebruiker mag het niet aanzetten; vraag een superuser om daar CREATE EXTENSION postgis uit te voeren (melding van de database: ");
        using (UiLanguage.English())
        {
            StoreFailure.Of(error)!.Message.ShouldStartWith($"PostGIS is not enabled in database {database} of {location}, and this user may not enable it; ask a superuser to run CREATE EXTENSION postgis there (the database says: ");
        }
    }

    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = PostgresPassOnly)]
    public async Task Open_WrongPassword_IsAuthenticationFailedWithoutThePassword()
    {
        var setting = new NpgsqlConnectionStringBuilder(TestStore.PostgresServer) { Password = "Wrong-Sesam-42" }.ConnectionString;

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => MonitorStores.OpenAsync(setting, TimeProvider.System, TestStore.Schema, TestContext.Current.CancellationToken));

        error.Problem.ShouldBe(StoreProblem.AuthenticationFailed);
        error.Message.ShouldContain("check the user name and password");
        error.ToString().ShouldNotContain("Wrong-Sesam-42");
    }

    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = PostgresPassOnly)]
    public async Task Open_MissingDatabase_SaysSo()
    {
        var error = await Should.ThrowAsync<StoreUnavailableException>(() => MonitorStores.OpenAsync(Server("no_such_database"), TimeProvider.System, TestStore.Schema, TestContext.Current.CancellationToken));

        error.Problem.ShouldBe(StoreProblem.DatabaseMissing);
        error.Detail.ShouldContain("\"no_such_database\" does not exist");
    }

    private TestStore NewStore(StoreKind kind)
    {
        var store = TestStore.Create(kind);
        _stores.Add(store);
        return store;
    }

    private string NewDatabase()
    {
        var database = "d_" + Guid.NewGuid().ToString("N")[..12];
        Admin($"CREATE DATABASE {database}");
        _cleanup.Insert(0, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        return database;
    }

    private static string Server(string database) => new NpgsqlConnectionStringBuilder(TestStore.PostgresServer) { Database = database }.ConnectionString;

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(TestStore.PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private async Task<string> BackupAsync(TestStore store, string name)
    {
        var path = _folder.File(name);
        await using var opened = store.Open();
        await StoreBackup.WriteAsync(opened, path, new FakeTimeProvider(Stores.FixedNow), TestContext.Current.CancellationToken);
        return path;
    }

    private static async Task RestoreAsync(TestStore store, string backup)
    {
        await using var opened = store.Open();
        await StoreBackup.RestoreAsync(backup, opened, replaceExisting: false, TestContext.Current.CancellationToken);
    }
}
