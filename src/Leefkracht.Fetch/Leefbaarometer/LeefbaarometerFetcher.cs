using System.IO.Compression;
using System.Text;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Import.Tables;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.Leefbaarometer;

/// <summary>What fetching one Leefbaarometer measurement did.</summary>
/// <param name="Url">The address.</param>
/// <param name="File">Where the archive is now (<c>cache/leefbaarometer/</c>).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256.</param>
/// <param name="ETag">The server's ETag, if any.</param>
/// <param name="Transfer">What the network did.</param>
/// <param name="Imports">The importer's report of each score file in the archive, in the archive's order.</param>
/// <param name="Skipped">The archive's other entries (documentation, shapes, …), not imported.</param>
public sealed record LeefbaarometerFile(Uri Url, string File, long Bytes, string Sha256, string? ETag, TransferCount Transfer, IReadOnlyList<ImportReport> Imports, IReadOnlyList<string> Skipped);

/// <summary>
/// Downloads the Leefbaarometer open data of a measurement (<c>open-data-leefbaarometer-meting-{year}.zip</c>: the
/// scores per grid cell, PC4, buurt, wijk and gemeente) through the download cache into <c>cache/leefbaarometer/</c>,
/// and imports every score file in it (each CSV entry whose header the Leefbaarometer importer recognises: a unit
/// column, <c>jaar</c>, <c>lbm</c>, <c>afw</c>) with the archive's address, ETag and fetch time as its provenance.
/// Each file is imported in one transaction like any import; the same archive a second time changes nothing.
/// </summary>
public sealed class LeefbaarometerFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
{
    /// <summary>The measurements published as open data under Leefbaarometer 3.0.</summary>
    public static IReadOnlyList<int> Measurements { get; } = [2020, 2022, 2024];

    /// <summary>Fetches the open-data archive of one measurement and imports its score files.</summary>
    /// <exception cref="FetchException">The service failed, the answer is not a zip archive, or it holds no score file.</exception>
    public Task<LeefbaarometerFile> FetchAsync(int measurement, CancellationToken cancellationToken) => FetchAsync(measurement, null, cancellationToken);

    /// <summary>
    /// Fetches the open-data archive of one measurement and imports its score files, reporting the download in bytes
    /// against the archive's <c>Content-Length</c> (stage <see cref="FetchProgress.Download"/>, the last report with
    /// the whole archive), then the import.
    /// </summary>
    /// <exception cref="FetchException">The service failed, the answer is not a zip archive, or it holds no score file.</exception>
    public async Task<LeefbaarometerFile> FetchAsync(int measurement, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var name = string.Create(CultureInfo.InvariantCulture, $"open-data-leefbaarometer-meting-{measurement}.zip");
        var url = new Uri(options.Leefbaarometer, name);
        var cache = new DownloadCache(options.CacheFolder, clock);
        // The archive is large: a body that breaks off is resumed where it stopped (Range), not fetched again whole.
        var response = await cache.GetResumableAsync(client.Http, url, options.MaxRetryAttempts, options.RetryBaseDelay, FetchProgress.Downloading(progress, name), cancellationToken).ConfigureAwait(false);
        progress?.Report(new FetchProgress(name, FetchProgress.Download, 1, 0, response.Body.LongLength, response.Body.LongLength));
        // A zip archive starts with a local file header (PK\3\4); an HTML error page with status 200 does not.
        if (response.Body is not [0x50, 0x4B, 0x03, 0x04, ..])
        {
            cache.DiscardPart(url);
            throw new FetchException(url, 200, FetchWords.Words.Format("NotZip", response.Body.Length));
        }

        (List<(string Entry, byte[] Content)> Scores, List<string> Skipped) entries;
        try
        {
            entries = ScoreFiles(url, response.Body);
        }
        catch (FetchException)
        {
            cache.DiscardPart(url);
            throw;
        }

        cache.Keep(response);
        var file = Path.Combine(options.CacheFolder, "leefbaarometer", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        DownloadCache.WriteAtomically(file, response.Body);

        progress?.Report(new FetchProgress(name, "import", 1, 0, null, response.Body.LongLength));
        var staged = new StagedImport(store, catalog, options, clock);
        var imports = new List<ImportReport>();
        foreach (var (entry, content) in entries.Scores)
        {
            var origin = new ImportOrigin(url.AbsoluteUri, $"leefbaarometer-meting-{measurement}/{entry}", clock.GetUtcNow(), response.ETag, 1);
            var stagedName = string.Create(CultureInfo.InvariantCulture, $"lbm{measurement}_{Path.GetFileName(entry)}");
            imports.Add((await staged.ImportAsync(stagedName, content, null, origin, cancellationToken).ConfigureAwait(false)).Report);
        }

        return new LeefbaarometerFile(url, file, response.Body.LongLength, response.Sha256, response.ETag, TransferCount.None.Add(response), imports, entries.Skipped);
    }

    /// <summary>The archive's score files (CSV entries with a Leefbaarometer header) and the names of the rest.</summary>
    private static (List<(string Entry, byte[] Content)> Scores, List<string> Skipped) ScoreFiles(Uri url, byte[] archive)
    {
        var scores = new List<(string, byte[])>();
        var skipped = new List<string>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => e.Length > 0))
            {
                using var buffer = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(buffer);
                }

                var content = buffer.ToArray();
                if (entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && LeefbaarometerReader.Recognises(Header(content)))
                {
                    scores.Add((entry.FullName, content));
                }
                else
                {
                    skipped.Add(entry.FullName);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new FetchException(url, 200, FetchWords.Words.Format("ZipDamaged", exception.Message), exception);
        }

        return scores.Count > 0 ? (scores, skipped)
            : throw new FetchException(url, 200, FetchWords.Words.Format("NoScoreFile", string.Join(", ", skipped)));
    }

    /// <summary>The normalised column names of a CSV's first line (comma or semicolon separated).</summary>
    private static HashSet<string> Header(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 4096)).TrimStart('\uFEFF');
        var line = text.Split('\n', 2)[0].TrimEnd('\r');
        var separator = line.Count(c => c == ';') > line.Count(c => c == ',') ? ';' : ',';
        return [.. line.Split(separator).Select(f => ColumnName.Normalize(f.Trim().Trim('"')))];
    }
}
