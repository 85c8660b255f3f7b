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
    public async Task<(string File, ImportReport Report)> ImportAsync(string fileName, byte[] content, int? year, ImportOrigin origin, CancellationToken cancellationToken)
    {
        var file = Path.Combine(options.CacheFolder, "staged", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        DownloadCache.WriteAtomically(file, content);
        var importer = new Importer(store, catalog, clock);
        var reports = await importer.ImportAsync([file], new ImportOptions { Year = year, Origin = origin }, null, cancellationToken).ConfigureAwait(false);
        return (file, reports[0]);
    }
}
