using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Import;

namespace Leefkracht.Data.Storage;

/// <summary>
/// Where imported monitor data live. The embedded default is SQLite (<see cref="Sqlite.SqliteMonitorStore"/>);
/// a PostgreSQL implementation follows the same contract.
/// </summary>
/// <remarks>
/// Guarantees every implementation must keep:
/// <list type="bullet">
/// <item><see cref="StoreAsync"/> is atomic: all of a batch is stored, or nothing (the store is exactly as before).</item>
/// <item>Storing a value equal to the stored one changes nothing, so a repeated import is a no-op.</item>
/// <item><see cref="LoadPeriodAsync"/> returns a columnar table (one array per indicator).</item>
/// </list>
/// </remarks>
public interface IMonitorStore : IAsyncDisposable
{
    /// <summary>A human-readable description of where the store is (path or server).</summary>
    string Location { get; }

    /// <summary>The earlier import of a file with this SHA-256, if any.</summary>
    Task<ImportRecord?> FindImportAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Stores a batch and its provenance in one transaction.</summary>
    Task<StoreResult> StoreAsync(ImportBatch batch, ImportProvenance provenance, CancellationToken cancellationToken = default);

    /// <summary>Areas matching a filter, ordered by level, code and year.</summary>
    Task<IReadOnlyList<Area>> LoadAreasAsync(AreaQuery query, CancellationToken cancellationToken = default);

    /// <summary>All values of one period as a columnar table, optionally for one level only.</summary>
    Task<IndicatorTable> LoadPeriodAsync(int period, AreaLevel? level = null, CancellationToken cancellationToken = default);

    /// <summary>All values stored for an area code (any division), optionally for one period.</summary>
    Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(AreaCode code, int? period = null, CancellationToken cancellationToken = default);

    /// <summary>Boundaries of one level and division year, optionally within a gemeente or wijk.</summary>
    Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(AreaLevel level, int year, AreaCode? within = null, CancellationToken cancellationToken = default);

    /// <summary>Crosswalk cells between two division years of one level.</summary>
    Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default);

    /// <summary>How many values one indicator has per period.</summary>
    Task<IReadOnlyDictionary<int, int>> CountValuesAsync(string indicatorId, CancellationToken cancellationToken = default);

    /// <summary>All imports, oldest first.</summary>
    Task<IReadOnlyList<ImportRecord>> ListImportsAsync(CancellationToken cancellationToken = default);

    /// <summary>What the store holds.</summary>
    Task<StoreSummary> SummarizeAsync(CancellationToken cancellationToken = default);
}
