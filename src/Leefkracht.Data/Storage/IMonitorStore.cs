using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Data.Storage;

/// <summary>
/// Where imported monitor data live. The embedded default is SQLite (<see cref="Sqlite.SqliteMonitorStore"/>);
/// server mode is PostgreSQL with PostGIS (<see cref="Postgres.PostgresMonitorStore"/>). Open either through
/// <see cref="MonitorStores"/>.
/// </summary>
/// <remarks>
/// Guarantees every implementation must keep:
/// <list type="bullet">
/// <item><see cref="StoreAsync"/> is atomic: all of a batch is stored, or nothing (the store is exactly as before).</item>
/// <item>Storing a value equal to the stored one changes nothing, so a repeated import is a no-op.</item>
/// <item><see cref="LoadPeriodAsync"/> returns a columnar table (one array per indicator).</item>
/// <item><see cref="StoreAsync"/> deletes every stored result in the same transaction (they were computed from the data before it).</item>
/// <item>Every table of <see cref="Schema"/> is exported and restored by <see cref="ExportAsync"/> and
/// <see cref="RestoreAsync"/>, with the same content whichever store wrote it; a restore is atomic.</item>
/// </list>
/// </remarks>
public interface IMonitorStore : IAsyncDisposable
{
    /// <summary>A human-readable description of where the store is (path or server; never a password).</summary>
    string Location { get; }

    /// <summary>SQLite or PostgreSQL.</summary>
    StoreKind Kind { get; }

    /// <summary>The parts of the database the store was opened with: what it migrated to, exports and restores.</summary>
    StoreSchema Schema { get; }

    /// <summary>The earlier import of a file with this SHA-256, if any.</summary>
    Task<ImportRecord?> FindImportAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Stores a batch and its provenance in one transaction.</summary>
    Task<StoreResult> StoreAsync(StoreBatch batch, ImportProvenance provenance, CancellationToken cancellationToken = default);

    /// <summary>Areas matching a filter, ordered by level, code and year.</summary>
    Task<IReadOnlyList<Area>> LoadAreasAsync(AreaQuery query, CancellationToken cancellationToken = default);

    /// <summary>All values of one period as a columnar table, optionally for one level only.</summary>
    Task<IndicatorTable> LoadPeriodAsync(int period, AreaLevel? level = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Only some indicators of one level and period as a columnar table: what a command that needs one indicator
    /// (and what it is derived from) reads instead of the whole period. Keys the store does not hold are left out.
    /// </summary>
    Task<IndicatorTable> LoadIndicatorsAsync(int period, AreaLevel level, IReadOnlyCollection<string> indicatorIds, CancellationToken cancellationToken = default);

    /// <summary>All values stored for an area code (any division), optionally for one period.</summary>
    Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(AreaCode code, int? period = null, CancellationToken cancellationToken = default);

    /// <summary>Boundaries of one level and division year, optionally within a gemeente or wijk.</summary>
    Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(AreaLevel level, int year, AreaCode? within = null, CancellationToken cancellationToken = default);

    /// <summary>Boundaries of one level and division year whose bounding box overlaps <paramref name="box"/> (a map view).</summary>
    Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesInBoxAsync(AreaLevel level, int year, BoundingBox box, CancellationToken cancellationToken = default);

    /// <summary>Crosswalk cells between two division years of one level.</summary>
    Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default);

    /// <summary>The stored Leefbaarometer scores of one kind of unit (or one unit), oldest import first.</summary>
    Task<IReadOnlyList<StoredLeefbaarometerScore>> LoadLeefbaarometerAsync(LeefbaarometerUnit unit, string? code = null, CancellationToken cancellationToken = default);

    /// <summary>Postcode crosswalk cells into one level of division <paramref name="toYear"/> from postcode division <paramref name="fromYear"/>.</summary>
    Task<IReadOnlyList<PostcodeLink>> LoadPostcodeCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default);

    /// <summary>The (postcode division, area division) pairs the postcode crosswalk holds for a level.</summary>
    Task<IReadOnlyList<(int From, int To)>> LoadPostcodeCrosswalkYearsAsync(AreaLevel level, CancellationToken cancellationToken = default);

    /// <summary>How many values one indicator has per period.</summary>
    Task<IReadOnlyDictionary<int, int>> CountValuesAsync(string indicatorId, CancellationToken cancellationToken = default);

    /// <summary>How many values every indicator has per period, in one pass (one query per indicator reads the whole table each time).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>>> CountAllValuesAsync(CancellationToken cancellationToken = default);

    /// <summary>All imports, oldest first.</summary>
    Task<IReadOnlyList<ImportRecord>> ListImportsAsync(CancellationToken cancellationToken = default);

    /// <summary>The full report (JSON) kept with an import, if that import exists.</summary>
    Task<string?> LoadImportReportJsonAsync(long importId, CancellationToken cancellationToken = default);

    /// <summary>What the store holds.</summary>
    Task<StoreSummary> SummarizeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The version of the data: it changes with every import (the number of imports and the SHA-256 of the last one),
    /// and keys the stored results.
    /// </summary>
    Task<string> DataVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The version of some parts of the data (<see cref="DataScopes"/>): it changes only with an import that writes to
    /// one of them, so a result keyed by it (a prepared year by <see cref="DataScopes.Values"/> of its period) survives
    /// imports of other years, boundaries or crosswalks.
    /// </summary>
    Task<string> DataVersionAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>A stored result (compressed, as saved), or null when none is stored under that key and data version.</summary>
    Task<byte[]?> LoadResultAsync(StoredResultKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a result computed from the data of <see cref="StoredResultKey.DataVersion"/>, unless one is already stored
    /// under the key (two processes that computed it at once both succeed). <see cref="StoreAsync"/> deletes those that
    /// depend on what it wrote (every result keyed by the whole data's version, and those keyed by a scope it wrote to);
    /// <see cref="RestoreAsync"/> deletes all of them.
    /// </summary>
    Task SaveResultAsync(StoredResultKey key, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for this caller's turn to compute a result that is not stored yet, and holds it until disposed. On
    /// PostgreSQL a session advisory lock per key (<c>pg_try_advisory_lock</c>, tried again until free), so that of
    /// two instances starting on one fresh database one computes a result and the other, waiting, then reads it
    /// (<see cref="LoadResultAsync"/> again after the turn begins). A SQLite store is meant for one process at a time:
    /// its turn begins at once, and two processes that compute one result both store it (the second insert is ignored).
    /// </summary>
    Task<IAsyncDisposable> TakeResultTurnAsync(StoredResultKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands every row of every table of <see cref="Schema"/> to <paramref name="sink"/>, table by table in
    /// key order, all read in one consistent snapshot (writers may go on meanwhile).
    /// </summary>
    Task ExportAsync(IStoreRowSink sink, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fills the store with the rows of <paramref name="source"/> in one transaction: all of it, or (on any error)
    /// nothing. A store that holds data is refused (<see cref="StoreProblem.NotEmpty"/>) unless
    /// <paramref name="replaceExisting"/>, in which case its data are replaced within the same transaction.
    /// </summary>
    Task RestoreAsync(IStoreRowSource source, bool replaceExisting, CancellationToken cancellationToken = default);
}
