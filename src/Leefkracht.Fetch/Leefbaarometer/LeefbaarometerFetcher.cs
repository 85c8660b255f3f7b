using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.Leefbaarometer;

/// <summary>What fetching one Leefbaarometer file did.</summary>
/// <param name="Url">The address.</param>
/// <param name="File">Where the file is now (<c>cache/leefbaarometer/</c>).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256.</param>
/// <param name="ETag">The server's ETag, if any.</param>
/// <param name="Transfer">What the network did.</param>
public sealed record LeefbaarometerFile(Uri Url, string File, long Bytes, string Sha256, string? ETag, TransferCount Transfer);

/// <summary>
/// Downloads the Leefbaarometer open data of a measurement (<c>open-data-leefbaarometer-meting-{year}.zip</c>: the
/// scores per grid cell, PC4, buurt, wijk and gemeente) through the download cache into
/// <c>cache/leefbaarometer/</c>. Leefkracht has no importer for these files yet, so nothing is imported here: the
/// file is checked to be a zip archive and kept for the importer to come.
/// </summary>
public sealed class LeefbaarometerFetcher(FetchClient client, FetchOptions options, TimeProvider clock)
{
    /// <summary>The measurements published as open data under Leefbaarometer 3.0.</summary>
    public static IReadOnlyList<int> Measurements { get; } = [2020, 2022, 2024];

    /// <summary>Fetches the open-data archive of one measurement.</summary>
    /// <exception cref="FetchException">The service failed, or the answer is not a zip archive.</exception>
    public async Task<LeefbaarometerFile> FetchAsync(int measurement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var name = string.Create(CultureInfo.InvariantCulture, $"open-data-leefbaarometer-meting-{measurement}.zip");
        var url = new Uri(options.Leefbaarometer, name);
        var cache = new DownloadCache(options.CacheFolder, clock);
        var response = await cache.GetAsync(client.Http, url, cancellationToken).ConfigureAwait(false);
        // A zip archive starts with a local file header (PK\3\4); an HTML error page with status 200 does not.
        if (response.Body is not [0x50, 0x4B, 0x03, 0x04, ..])
        {
            throw new FetchException(url, 200, $"the answer is not a zip archive ({response.Body.Length} bytes); nothing was kept");
        }

        cache.Keep(response);
        var file = Path.Combine(options.CacheFolder, "leefbaarometer", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        DownloadCache.WriteAtomically(file, response.Body);
        return new LeefbaarometerFile(url, file, response.Body.LongLength, response.Sha256, response.ETag, TransferCount.None.Add(response));
    }
}
