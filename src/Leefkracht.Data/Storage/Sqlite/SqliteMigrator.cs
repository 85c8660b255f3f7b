using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Leefkracht.Data.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each in its own transaction,
/// and records them in <c>schema_migrations</c>. A database newer than this build is refused.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "Leefkracht.Data.Storage.Sqlite.Migrations.";

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Migrations.Value[^1].Version;

    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> Migrations = new(LoadMigrations);

    public static int Migrate(SqliteConnection connection, TimeProvider clock)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = CurrentVersion(connection);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database has schema version {current}, newer than the {LatestVersion} this version of Leefkracht knows. Upgrade Leefkracht.");
        }

        foreach (var (version, name, sql) in Migrations.Value.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, sql, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$t", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return CurrentVersion(connection);
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(int Version, string Name, string Sql)> LoadMigrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, 4), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add((version, name, reader.ReadToEnd()));
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("No embedded SQLite migrations found.");
    }
}
