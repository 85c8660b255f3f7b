namespace Leefkracht.Data.Storage;

/// <summary>Names a stored result (<see cref="IMonitorStore.LoadResultAsync"/>).</summary>
/// <param name="Kind">What was computed, for example <c>watchlist</c>.</param>
/// <param name="Key">Everything the result depends on besides the data (year, scope, model id and version).</param>
/// <param name="DataVersion">The data version it was computed from (<see cref="IMonitorStore.DataVersionAsync(CancellationToken)"/>, or of some parts of the data: <see cref="DataScopes"/>).</param>
public sealed record StoredResultKey(string Kind, string Key, string DataVersion);
