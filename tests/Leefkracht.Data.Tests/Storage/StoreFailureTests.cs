using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leefkracht.Data.Tests.Storage;

/// <summary>
/// Database failures in words (<see cref="StoreFailure"/>), from real SQLite files and a real PostgreSQL client: each
/// is told in Dutch by default and in English on request, with the driver's own text kept as the detail.
/// </summary>
public sealed class StoreFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Busy_AFileAnotherConnectionHoldsLocked_IsBusyNotUnavailable()
    {
        // Given: a real database file that another connection holds with an exclusive transaction
        var path = Path.Combine(_folder.Path, "busy.db");
        using var holder = Open(path, SqliteOpenMode.ReadWriteCreate);
        Run(holder, "CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
        using var other = Open(path, SqliteOpenMode.ReadWrite);

        // When: the other connection writes too, waiting at most a second
        var error = Should.Throw<SqliteException>(() => Run(other, "INSERT INTO t VALUES (2);", timeoutSeconds: 1));

        // Then
        var failure = StoreFailure.Of(error)!;
        failure.Code.ShouldBe("Sqlite.Busy");
        failure.Unavailable.ShouldBeFalse();
        failure.Message.ShouldBe($"de database is bezet: een ander programma schrijft erin; probeer het zo opnieuw (melding van de database: {error.Message})");
        using (UiLanguage.English())
        {
            StoreFailure.Of(error)!.Message.ShouldStartWith("the database is busy: another program is writing to it; try again shortly (the database says: SQLite Error 5");
        }
    }

    [Fact]
    public void ReadOnly_WritingThroughAReadOnlyConnection_IsReadOnly()
    {
        var path = Path.Combine(_folder.Path, "read-only.db");
        using (var create = Open(path, SqliteOpenMode.ReadWriteCreate))
        {
            Run(create, "CREATE TABLE t (x INTEGER);");
        }

        using var reader = Open(path, SqliteOpenMode.ReadOnly);
        var error = Should.Throw<SqliteException>(() => Run(reader, "INSERT INTO t VALUES (1);"));

        var failure = StoreFailure.Of(error)!;
        failure.Code.ShouldBe("Sqlite.ReadOnly");
        failure.Message.ShouldStartWith("de database kan alleen gelezen worden");
        failure.Message.ShouldContain("attempt to write a readonly database");
    }

    [Fact]
    public void Corrupt_AFileThatIsNoDatabase_IsUnavailable_AndTheStoreSaysSoOnOpening()
    {
        // Given: a file of text where a database should be
        var path = Path.Combine(_folder.Path, "store.db");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("dit is geen database; ", 200)));

        // When: the product's store opens it
        var error = Should.Throw<Exception>(() => MonitorStores.Open(path, TimeProvider.System, TestStore.Schema));

        // Then
        var failure = StoreFailure.Of(error)!;
        failure.Code.ShouldBe("Sqlite.Corrupt");
        failure.Unavailable.ShouldBeTrue();
        failure.Message.ShouldBe("het databasebestand is beschadigd of geen database van Leefkracht; zet een back-up terug (leefkracht restore) (melding van de database: SQLite Error 26: 'file is not a database'.)");
    }

    [Fact]
    public void CannotOpen_AFileInAFolderThatDoesNotExist_IsUnavailable()
    {
        var path = Path.Combine(_folder.Path, "missing-folder", "store.db");

        var error = Should.Throw<SqliteException>(() => Open(path, SqliteOpenMode.ReadWrite));

        var failure = StoreFailure.Of(error)!;
        failure.Code.ShouldBe("Sqlite.CannotOpen");
        failure.Unavailable.ShouldBeTrue();
        failure.Message.ShouldContain("unable to open database file");
    }

    [Fact]
    public async Task Postgres_NoServerAtThePort_CannotConnect_InDutchAndEnglish()
    {
        // Given: a real PostgreSQL client against a port nobody listens on
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=monitor;Password=Sesam-Open;Database=leefkracht;Timeout=5");

        var error = await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        var failure = StoreFailure.Of(error)!;
        failure.Code.ShouldBe("Postgres.CannotConnect");
        failure.Unavailable.ShouldBeTrue();
        failure.Message.ShouldStartWith("geen verbinding met de PostgreSQL-server; start de server of verbeter Host/Port (melding van de database: ");
        failure.Message.ShouldNotContain("Sesam");
        using (UiLanguage.English())
        {
            StoreFailure.Of(error)!.Message.ShouldStartWith("cannot connect to the PostgreSQL server; start the server or correct Host/Port (the database says: ");
        }
    }

    [Fact]
    public async Task Store_UnreachableServer_IsWordedFromTheStoresOwnProblem()
    {
        var error = await Should.ThrowAsync<StoreUnavailableException>(() =>
            MonitorStores.OpenAsync("postgresql://monitor:Sesam-Open@127.0.0.1:1/leefkracht", TimeProvider.System, TestStore.Schema, TestContext.Current.CancellationToken));

        var failure = StoreFailure.Of(error)!;
        failure.Code.ShouldBe("Problem.Unreachable");
        failure.Message.ShouldBe("geen PostgreSQL-server antwoordt op postgresql://monitor@127.0.0.1:1/leefkracht; start de server of verbeter Host/Port (melding van de database: Connection refused)");
    }

    [Fact]
    public async Task SchemaTooNew_ARealFileOfANewerLeefkracht_NamesItsVersionAndTheNewestThisOneKnows()
    {
        // Given: a real store file, then a migration this build does not have, as a newer Leefkracht would record it
        var path = Path.Combine(_folder.Path, "newer.db");
        await using (MonitorStores.Open(path, TimeProvider.System, TestStore.Schema))
        {
        }

        using (var connection = Open(path, SqliteOpenMode.ReadWrite))
        {
            Run(connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future', '2030-01-01T00:00:00Z')");
        }

        // When
        var error = Should.Throw<StoreUnavailableException>(() => MonitorStores.Open(path, TimeProvider.System, TestStore.Schema));

        // Then: both numbers in both languages
        var failure = StoreFailure.Of(error)!;
        var location = StoreLocation.Parse(path).Display;
        failure.Code.ShouldBe("Problem.SchemaTooNew");
        failure.Unavailable.ShouldBeTrue();
        failure.Message.ShouldBe($"de database {location} heeft schemaversie 99 en deze Leefkracht kent versies tot en met {TestStore.Schema.Version}: de database is gemaakt door een nieuwere Leefkracht; werk Leefkracht bij");
        using (UiLanguage.English())
        {
            StoreFailure.Of(error)!.Message.ShouldBe($"the database {location} has schema version 99 and this Leefkracht knows versions up to {TestStore.Schema.Version}: it was written by a newer Leefkracht; upgrade Leefkracht");
        }
    }

    /// <summary>
    /// The store's refusal of a server without PostGIS, as <c>PostgresMigrator</c> throws it. Only its words are tested
    /// here: the test server has PostGIS installed, so a real server cannot produce this case (a database where it is
    /// installed but not enabled is tested against the server in <c>PostgresServerTests</c>).
    /// </summary>
    [Fact]
    public void PostgisMissing_OnTheServer_SaysHowToInstallAndEnableIt_InDutchAndEnglish()
    {
        var error = new StoreUnavailableException(StoreProblem.PostgisMissing, "postgresql://monitor@db.example:5432/leefkracht", "PostGIS is not installed on the server", ["leefkracht"]);

        var failure = StoreFailure.Of(error)!;

        failure.Code.ShouldBe("Problem.PostgisMissing");
        failure.Unavailable.ShouldBeTrue();
        failure.Message.ShouldBe("PostGIS is niet geïnstalleerd op de server van postgresql://monitor@db.example:5432/leefkracht; installeer het daar (Debian: apt-get install postgresql-15-postgis-3) en zet het dan aan in database leefkracht (CREATE EXTENSION postgis)");
        using (UiLanguage.English())
        {
            StoreFailure.Of(error)!.Message.ShouldBe("PostGIS is not installed on the server of postgresql://monitor@db.example:5432/leefkracht; install it there (Debian: apt-get install postgresql-15-postgis-3), then enable it in database leefkracht (CREATE EXTENSION postgis)");
        }
    }

    [Fact]
    public void NotADatabaseFailure_IsNone() => StoreFailure.Of(new InvalidOperationException("a mistake")).ShouldBeNull();

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql, int timeoutSeconds = 30)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        command.ExecuteNonQuery();
    }
}
