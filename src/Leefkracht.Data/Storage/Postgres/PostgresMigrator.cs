using Leefkracht.Data.Storage.Relational;
using Npgsql;

namespace Leefkracht.Data.Storage.Postgres;

/// <summary>
/// Enables PostGIS and applies the PostgreSQL migrations of a <see cref="StoreSchema"/> in order, each in its own
/// transaction, recorded in <c>schema_migrations</c> — the PostgreSQL twin of <see cref="Sqlite.SqliteMigrator"/>.
/// A database newer than the schema is refused. Several instances starting at once take turns: the whole
/// migration runs under a session-level advisory lock.
/// </summary>
internal static class PostgresMigrator
{
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, StoreSchema schema, string location, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, "SELECT current_schema()", cancellationToken).ConfigureAwait(false) is not string)
        {
            throw new StoreUnavailableException(
                StoreProblem.InvalidSetting,
                location,
                "no schema to create the tables in: the connection's search path names no existing schema (create it, or fix 'Search Path')");
        }

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLocks.Migration}, hashtext(current_schema()))", cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsurePostgisAsync(connection, location, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)", cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            EmbeddedMigrations.EnsureNotNewer(current, schema.Version, location);
            foreach (var migration in schema.PostgresMigrations.Where(m => m.Version > current))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", connection);
                record.Parameters.AddWithValue("v", migration.Version);
                record.Parameters.AddWithValue("n", migration.Name);
                record.Parameters.AddWithValue("t", StoreTables.Normalise(clock.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLocks.Migration}, hashtext(current_schema()))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    /// <summary>
    /// Makes sure PostGIS is enabled in the database: enables it when the server has it and the user may, and
    /// otherwise says what to do (install the package, or ask a superuser to enable it).
    /// </summary>
    private static async Task EnsurePostgisAsync(NpgsqlConnection connection, string location, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'", cancellationToken).ConfigureAwait(false) is string)
        {
            return;
        }

        var database = connection.Database;
        if (await ScalarAsync(connection, "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'", cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StoreUnavailableException(
                StoreProblem.PostgisMissing,
                location,
                $"PostGIS is not installed on the server; install it there (Debian: apt-get install postgresql-15-postgis-3), then run CREATE EXTENSION postgis; in database {database}",
                [database]);
        }

        try
        {
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public", cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new StoreUnavailableException(
                StoreProblem.PostgisNotEnabled,
                location,
                $"PostGIS is installed on the server but not enabled in database {database}, and this user may not enable it; ask a superuser to run CREATE EXTENSION postgis; in that database",
                [database],
                exception);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}

/// <summary>
/// The advisory-lock keys Leefkracht takes in PostgreSQL: (class, hash of the current schema), so that stores in
/// different schemas of one database do not wait for each other.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held (per session) while a store migrates the schema.</summary>
    public const int Migration = 0x4C4B_0001;

    /// <summary>Held (per transaction) while a store writes: imports and restores run one at a time.</summary>
    public const int Writes = 0x4C4B_0002;

    /// <summary>Held (per session) while a process computes a stored result (the second key: a hash of the result's key).</summary>
    public const int Results = 0x4C4B_0003;
}
