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

    /// <summary>
    /// Imports the two national files of 2024 alone (the KWB selection of every buurt and the police's crime totals),
    /// without the sample's municipal files: the data the independent Python references compute from.
    /// </summary>
    public static Task<IReadOnlyList<ImportReport>> ImportNational2024Async(IMonitorStore store) =>
        ImportAsync(
            store,
            TestData.Sample("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"),
            TestData.Sample("national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz"));
}
