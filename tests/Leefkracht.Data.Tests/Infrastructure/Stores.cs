using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Data.Tests.Infrastructure;

/// <summary>Builds real SQLite stores on temporary files.</summary>
internal static class Stores
{
    public static readonly DateTimeOffset FixedNow = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static SqliteMonitorStore Open(string path) => SqliteMonitorStore.Open(path, new FakeTimeProvider(FixedNow));

    public static Importer Importer(SqliteMonitorStore store) => new(store, CatalogDocument.Default, new FakeTimeProvider(FixedNow));

    public static async Task<IReadOnlyList<ImportReport>> ImportAsync(SqliteMonitorStore store, ImportOptions options, params string[] paths) =>
        await Importer(store).ImportAsync(paths, options, null, TestContext.Current.CancellationToken);

    public static Task<IReadOnlyList<ImportReport>> ImportAsync(SqliteMonitorStore store, params string[] paths) =>
        ImportAsync(store, new ImportOptions(), paths);
}
