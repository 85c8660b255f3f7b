using Leefkracht.Data.Storage.Postgres;
using Leefkracht.Data.Storage.Sqlite;

namespace Leefkracht.Data.Storage;

/// <summary>
/// The one way every command (and the web app) opens the store: from the <c>--db</c> / <c>LEEFKRACHT_DB</c>
/// setting, a SQLite file path or a PostgreSQL connection string or URL (see <see cref="StoreLocation"/>).
/// </summary>
/// <remarks>
/// A <see cref="PostgresMonitorStore"/> is thread-safe and pools its connections: open it once per process. A
/// <see cref="SqliteMonitorStore"/> holds one connection: open one per unit of work (a command, a request).
/// Failures to open are <see cref="StoreUnavailableException"/>s that say what to do.
/// </remarks>
public static class MonitorStores
{
    /// <summary>Opens (creating and migrating to <paramref name="schema"/> as needed) the store a setting names.</summary>
    public static Task<IMonitorStore> OpenAsync(string setting, TimeProvider clock, StoreSchema schema, CancellationToken cancellationToken = default) =>
        OpenAsync(StoreLocation.Parse(setting), clock, schema, cancellationToken);

    /// <summary>Opens (creating and migrating to <paramref name="schema"/> as needed) the store at a location.</summary>
    public static async Task<IMonitorStore> OpenAsync(StoreLocation location, TimeProvider clock, StoreSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind == StoreKind.Postgres
            ? await PostgresMonitorStore.OpenAsync(location, clock, schema, cancellationToken).ConfigureAwait(false)
            : SqliteMonitorStore.Open(location.Path, clock, schema);
    }

    /// <summary>
    /// The synchronous form, for callers that cannot await where they open the store (the command line's option
    /// handling). Safe there: console apps and test runners have no synchronisation context to deadlock on.
    /// </summary>
    public static IMonitorStore Open(string setting, TimeProvider clock, StoreSchema schema) => OpenAsync(setting, clock, schema).GetAwaiter().GetResult();

    /// <summary>
    /// Opens a store that concurrent callers may share for the life of a process (the web app): a PostgreSQL store as
    /// it is (it pools its connections), a SQLite store behind a gate that lets one call through at a time.
    /// </summary>
    public static IMonitorStore OpenShared(string setting, TimeProvider clock, StoreSchema schema)
    {
        var store = Open(setting, clock, schema);
        return store.Kind == StoreKind.Sqlite ? new SerializedMonitorStore(store) : store;
    }
}
