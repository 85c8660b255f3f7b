using System.Globalization;
using System.Text;
using Leefkracht.Data.Storage;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Leefkracht.Testing;

/// <summary>
/// A fresh, empty store of the kind the test run is for: a SQLite file in its own temporary folder, or a schema of
/// its own in the test PostgreSQL database (so parallel tests never see each other's rows). The run's kind comes
/// from <c>LEEFKRACHT_TEST_STORE</c>: <c>sqlite</c> (the default) or <c>postgres</c>, which needs
/// <c>LEEFKRACHT_TEST_PG</c> (a connection string to a database with PostGIS whose user may create schemas;
/// <c>scripts/test.sh</c> starts such a server). A postgres run without a reachable server fails every store test.
/// </summary>
/// <remarks>Shared by every test project that opens a store, so that each runs on both databases.</remarks>
public sealed class TestStore : IDisposable
{
    public static readonly DateTimeOffset FixedNow = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly string? _folder;
    private readonly string? _schema;

    private TestStore(StoreKind kind, string setting, string? folder, string? schema)
    {
        Kind = kind;
        Setting = setting;
        _folder = folder;
        _schema = schema;
    }

    /// <summary>The schema every test store is opened with: Leefkracht's whole database, as the command line and the web app open it.</summary>
    public static StoreSchema Schema => WijkaanpakSchema.Database;

    /// <summary>The store kind of this test run.</summary>
    public static StoreKind RunKind { get; } = ReadRunKind();

    /// <summary>Whether this run is the PostgreSQL pass (for tests that need both kinds of store).</summary>
    public static bool IsPostgresRun => RunKind == StoreKind.Postgres;

    /// <summary>The test server's connection string (<c>LEEFKRACHT_TEST_PG</c>); fails loudly when it is missing.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("LEEFKRACHT_TEST_PG") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("LEEFKRACHT_TEST_PG is not set: the PostgreSQL tests need a server (bash scripts/test.sh starts one; see docs/server-mode.md)");

    public StoreKind Kind { get; }

    /// <summary>What <c>--db</c> takes for this store: the file path, or the connection string with its own schema.</summary>
    public string Setting { get; }

    /// <summary>A new empty store of the run's kind, or of <paramref name="kind"/>.</summary>
    public static TestStore Create(StoreKind? kind = null)
    {
        if ((kind ?? RunKind) == StoreKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "leefkracht-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestStore(StoreKind.Sqlite, Path.Combine(folder, "store.db"), folder, null);
        }

        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(PostgresServer))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { SearchPath = $"{schema},public" };
        return new TestStore(StoreKind.Postgres, builder.ConnectionString, null, schema);
    }

    /// <summary>Opens the store through the product's factory, with a fixed clock.</summary>
    public IMonitorStore Open() => MonitorStores.Open(Setting, new FakeTimeProvider(FixedNow), Schema);

    /// <summary>
    /// A dump of every row of every table (including the migration record), to check that an operation changed
    /// nothing rather than assume it. Geometries as WKB hex, times as ISO 8601.
    /// </summary>
    public string Snapshot(params string[] exceptTables) => Kind == StoreKind.Sqlite ? SqliteSnapshot(exceptTables) : PostgresSnapshot(exceptTables);

    /// <summary>The names of the tables the store holds.</summary>
    public IReadOnlyList<string> Tables() => Kind == StoreKind.Sqlite
        ? SqliteQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        : PostgresQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");

    /// <summary>Runs a statement on the store's database directly (to damage or inspect it).</summary>
    public void Execute(string sql)
    {
        if (Kind == StoreKind.Sqlite)
        {
            using var connection = OpenSqlite(SqliteOpenMode.ReadWrite);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        else
        {
            using var connection = new NpgsqlConnection(Setting);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow CI machine; the OS temp cleaner takes it.
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static StoreKind ReadRunKind() => Environment.GetEnvironmentVariable("LEEFKRACHT_TEST_STORE")?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreKind.Sqlite,
        "postgres" or "postgresql" => StoreKind.Postgres,
        var other => throw new InvalidOperationException($"LEEFKRACHT_TEST_STORE='{other}': expected sqlite or postgres"),
    };

    private SqliteConnection OpenSqlite(SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Setting, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private List<string> SqliteQuery(string sql)
    {
        using var connection = OpenSqlite(SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private List<string> PostgresQuery(string sql)
    {
        using var connection = new NpgsqlConnection(Setting);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private string SqliteSnapshot(string[] exceptTables)
    {
        using var connection = OpenSqlite(SqliteOpenMode.ReadOnly);
        var dump = new StringBuilder();
        foreach (var table in Tables().Where(t => !exceptTables.Contains(t)))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
            int columns;
            using (var shape = select.ExecuteReader())
            {
                columns = shape.FieldCount;
            }

            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
            using var reader = select.ExecuteReader();
            AppendRows(dump, table, reader, i => reader.GetValue(i));
        }

        return dump.ToString();
    }

    private string PostgresSnapshot(string[] exceptTables)
    {
        using var connection = new NpgsqlConnection(Setting);
        connection.Open();
        var dump = new StringBuilder();
        foreach (var table in Tables().Where(t => !exceptTables.Contains(t)))
        {
            var columns = new List<(string Name, string Type)>();
            using (var shape = new NpgsqlCommand("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t ORDER BY ordinal_position", connection))
            {
                shape.Parameters.AddWithValue("t", table);
                using var reader = shape.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            var select = string.Join(", ", columns.Select(c => c.Type == "geometry" ? $"ST_AsBinary({c.Name})" : c.Name));
            using var command = new NpgsqlCommand($"SELECT {select} FROM {table} ORDER BY {string.Join(", ", Enumerable.Range(1, columns.Count))}", connection);
            using var rows = command.ExecuteReader();
            AppendRows(dump, table, rows, i => rows.GetValue(i));
        }

        return dump.ToString();
    }

    private static void AppendRows(StringBuilder dump, string table, System.Data.Common.DbDataReader reader, Func<int, object> value)
    {
        var rows = 0;
        var body = new StringBuilder();
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                body.Append(value(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes),
                    DateTime moment => moment.ToString("O", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                }).Append('|');
            }

            body.Append('\n');
        }

        dump.Append(CultureInfo.InvariantCulture, $"{table}: {rows}\n").Append(body);
    }
}
