using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Caching;

namespace Leefkracht.Fetch;

/// <summary>
/// Hands what a fetch assembled to the existing importer: the file is written (atomically) to <c>cache/staged/</c>
/// and imported with its year (if the content does not carry it) and origin, so the store changes in the import's one transaction or not at all, and
/// the same content a second time is recognised by its SHA-256 and changes nothing.
/// </summary>
internal sealed class StagedImport(IMonitorStore store, CatalogDocument catalog, FetchOptions options, TimeProvider clock)
{
    public Task<(string File, ImportReport Report)> ImportAsync(string fileName, byte[] content, int? year, ImportOrigin origin, CancellationToken cancellationToken) =>
        ImportAsync(fileName, content, year, origin, skipAreasOutsideTheStore: false, cancellationToken);

    /// <summary>As above; <paramref name="skipAreasOutsideTheStore"/>: an area-period table's areas that no division of the store has are skipped with a warning (<see cref="ImportOptions.SkipAreasOutsideTheStore"/>).</summary>
    public async Task<(string File, ImportReport Report)> ImportAsync(string fileName, byte[] content, int? year, ImportOrigin origin, bool skipAreasOutsideTheStore, CancellationToken cancellationToken)
    {
        var file = Path.Combine(options.CacheFolder, "staged", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        DownloadCache.WriteAtomically(file, content);
        var importer = new Importer(store, catalog, clock);
        var reports = await importer.ImportAsync([file], new ImportOptions { Year = year, Origin = origin, SkipAreasOutsideTheStore = skipAreasOutsideTheStore }, null, cancellationToken).ConfigureAwait(false);
        return (file, reports[0]);
    }
}
