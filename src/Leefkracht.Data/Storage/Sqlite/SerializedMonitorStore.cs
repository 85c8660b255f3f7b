using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Data.Storage.Sqlite;

/// <summary>
/// Lets concurrent callers (the web app's requests) share one SQLite store: <see cref="SqliteMonitorStore"/> holds a
/// single connection and is not thread-safe, so every call goes through one gate. Reads are short (the heavy results
/// are remembered above this, in the monitor), so one gate is enough. Opened by <see cref="MonitorStores.OpenShared"/>.
/// </summary>
internal sealed class SerializedMonitorStore(IMonitorStore inner) : IMonitorStore
{
    // Not disposed: waiters may still be queued when the store closes; they are refused, not left hanging.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    public string Location => inner.Location;

    public StoreKind Kind => inner.Kind;

    public StoreSchema Schema => inner.Schema;

    public Task<ImportRecord?> FindImportAsync(string sha256, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.FindImportAsync(sha256, cancellationToken), cancellationToken);

    public Task<StoreResult> StoreAsync(StoreBatch batch, ImportProvenance provenance, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.StoreAsync(batch, provenance, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Area>> LoadAreasAsync(AreaQuery query, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadAreasAsync(query, cancellationToken), cancellationToken);

    public Task<IndicatorTable> LoadPeriodAsync(int period, AreaLevel? level = null, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadPeriodAsync(period, level, cancellationToken), cancellationToken);

    public Task<IndicatorTable> LoadIndicatorsAsync(int period, AreaLevel level, IReadOnlyCollection<string> indicatorIds, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadIndicatorsAsync(period, level, indicatorIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(AreaCode code, int? period = null, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadObservationsAsync(code, period, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(AreaLevel level, int year, AreaCode? within = null, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadBoundariesAsync(level, year, within, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesInBoxAsync(AreaLevel level, int year, BoundingBox box, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadBoundariesInBoxAsync(level, year, box, cancellationToken), cancellationToken);

    public Task<string?> LoadImportReportJsonAsync(long importId, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadImportReportJsonAsync(importId, cancellationToken), cancellationToken);

    public Task ExportAsync(IStoreRowSink sink, CancellationToken cancellationToken = default) =>
        RunAsync(async () => { await inner.ExportAsync(sink, cancellationToken).ConfigureAwait(false); return true; }, cancellationToken);

    public Task RestoreAsync(IStoreRowSource source, bool replaceExisting, CancellationToken cancellationToken = default) =>
        RunAsync(async () => { await inner.RestoreAsync(source, replaceExisting, cancellationToken).ConfigureAwait(false); return true; }, cancellationToken);

    public Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadCrosswalkAsync(level, fromYear, toYear, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredLeefbaarometerScore>> LoadLeefbaarometerAsync(LeefbaarometerUnit unit, string? code = null, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadLeefbaarometerAsync(unit, code, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<PostcodeLink>> LoadPostcodeCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadPostcodeCrosswalkAsync(level, fromYear, toYear, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<(int From, int To)>> LoadPostcodeCrosswalkYearsAsync(AreaLevel level, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadPostcodeCrosswalkYearsAsync(level, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<int, int>> CountValuesAsync(string indicatorId, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.CountValuesAsync(indicatorId, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>>> CountAllValuesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.CountAllValuesAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ImportRecord>> ListImportsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.ListImportsAsync(cancellationToken), cancellationToken);

    public Task<string> DataVersionAsync(CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.DataVersionAsync(cancellationToken), cancellationToken);

    public Task<string> DataVersionAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.DataVersionAsync(scopes, cancellationToken), cancellationToken);

    public Task<byte[]?> LoadResultAsync(StoredResultKey key, CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.LoadResultAsync(key, cancellationToken), cancellationToken);

    public Task SaveResultAsync(StoredResultKey key, byte[] content, CancellationToken cancellationToken = default) =>
        RunAsync(async () => { await inner.SaveResultAsync(key, content, cancellationToken).ConfigureAwait(false); return true; }, cancellationToken);

    // Not through the gate: a turn is held while the result is computed, which itself reads through the gate.
    public Task<IAsyncDisposable> TakeResultTurnAsync(StoredResultKey key, CancellationToken cancellationToken = default) =>
        inner.TakeResultTurnAsync(key, cancellationToken);

    public Task<StoreSummary> SummarizeAsync(CancellationToken cancellationToken = default) =>
        RunAsync(() => inner.SummarizeAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Closes the store once the call in flight has finished: a host that stops while a request or the warm-up still
    /// reads must not pull the connection from under its statement. Calls that come after are refused.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                await inner.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
