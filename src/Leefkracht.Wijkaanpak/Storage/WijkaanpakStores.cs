using System.Data.Common;
using Leefkracht.Data.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>Opens the wijkaanpak store of a <c>--db</c> / <c>LEEFKRACHT_DB</c> setting, next to the monitor store in the same database.</summary>
public static class WijkaanpakStores
{
    /// <summary>
    /// Opens the wijkaanpak store, migrating the database first (through the monitor store's factory, so the same
    /// messages explain a server that cannot be reached). Thread-safe; open one per process.
    /// </summary>
    public static async Task<IWijkaanpakStore> OpenAsync(string setting, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var location = StoreLocation.Parse(setting);
        await (await MonitorStores.OpenAsync(location, clock, WijkaanpakSchema.Database, cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        if (location.Kind == StoreKind.Postgres)
        {
            var dataSource = NpgsqlDataSource.Create(location.ConnectionString);
            var dialect = new WijkaanpakDialect(
                async ct => await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false),
                async (connection, ct) => await connection.BeginTransactionAsync(ct).ConfigureAwait(false),
                MomentsAsText: false);
            return new RelationalWijkaanpakStore(dialect, clock, dataSource.DisposeAsync);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = location.Path, Mode = SqliteOpenMode.ReadWrite, Pooling = true, ForeignKeys = true }.ToString();
        var sqlite = new WijkaanpakDialect(
            async ct =>
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(ct).ConfigureAwait(false);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout = 60000";
                await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return connection;
            },
            (connection, _) => Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false)),
            MomentsAsText: true);
        return new RelationalWijkaanpakStore(sqlite, clock, () =>
        {
            SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The synchronous form, for the command line's and the web app's start-up.</summary>
    public static IWijkaanpakStore Open(string setting, TimeProvider clock) => OpenAsync(setting, clock).GetAwaiter().GetResult();
}
