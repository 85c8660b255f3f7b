using System.Globalization;
using Leefkracht.Data.Storage.Relational;
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

    private static readonly Lazy<IReadOnlyList<Migration>> Migrations = new(() => EmbeddedMigrations.Load(ResourcePrefix));

    public static int Migrate(SqliteConnection connection, string location, TimeProvider clock)
    {
        // BEGIN IMMEDIATE takes SQLite's write lock at once: two processes opening a new file together migrate it
        // one after the other, and the second finds the first one's work recorded.
        using (var guard = connection.BeginTransaction(deferred: false))
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", guard);
            guard.Commit();
        }

        var current = CurrentVersion(connection);
        EmbeddedMigrations.EnsureNotNewer(current, LatestVersion, location);
        foreach (var (version, name, sql) in Migrations.Value.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (CurrentVersion(connection, transaction) >= version)
            {
                continue; // another process applied it while this one waited for the lock
            }

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

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
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
}
