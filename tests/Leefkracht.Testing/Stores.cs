using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Testing;

/// <summary>Imports into real stores (see <see cref="TestStore"/> for which kind) with a fixed clock.</summary>
public static class Stores
{
    public static readonly DateTimeOffset FixedNow = TestStore.FixedNow;

    public static Importer Importer(IMonitorStore store) => new(store, CatalogDocument.Default, new FakeTimeProvider(FixedNow));

    public static async Task<IReadOnlyList<ImportReport>> ImportAsync(IMonitorStore store, ImportOptions options, params string[] paths) =>
        await Importer(store).ImportAsync(paths, options, null, TestContext.Current.CancellationToken);

    public static Task<IReadOnlyList<ImportReport>> ImportAsync(IMonitorStore store, params string[] paths) =>
        ImportAsync(store, new ImportOptions(), paths);
}
