using Leefkracht.Data.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Leefkracht.Data.Storage.Sqlite;

/// <summary>
/// Applies the SQLite migrations of a <see cref="StoreSchema"/> (embedded <c>NNNN_name.sql</c> scripts of its parts) in
/// order, each in its own transaction, and records them in <c>schema_migrations</c>. A database newer than the schema
/// is refused.
/// </summary>
internal static class SqliteMigrator
{
    public static int Migrate(SqliteConnection connection, StoreSchema schema, string location, TimeProvider clock)
    {
        // BEGIN IMMEDIATE takes SQLite's write lock at once: two processes opening a new file together migrate it
        // one after the other, and the second finds the first one's work recorded.
        using (var guard = connection.BeginTransaction(deferred: false))
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", guard);
            guard.Commit();
        }

        var current = CurrentVersion(connection);
        EmbeddedMigrations.EnsureNotNewer(current, schema.Version, location);
        foreach (var (version, name, sql) in schema.SqliteMigrations.Where(m => m.Version > current))
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
