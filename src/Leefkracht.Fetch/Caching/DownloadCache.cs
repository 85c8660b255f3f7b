using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Leefkracht.Fetch.Caching;

/// <summary>One response as kept in the cache.</summary>
/// <param name="Url">The address.</param>
/// <param name="Body">The body (decompressed).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the body, checked whenever the entry is read back.</param>
/// <param name="ETag">The server's ETag, if any.</param>
/// <param name="LastModified">The server's Last-Modified, if any.</param>
/// <param name="FetchedAt">When the body was last downloaded or revalidated.</param>
/// <param name="Source">Where this answer came from in this run.</param>
public sealed record CachedResponse(string Url, byte[] Body, string Sha256, string? ETag, DateTimeOffset? LastModified, DateTimeOffset FetchedAt, CacheSource Source);

/// <summary>How a response was obtained.</summary>
public enum CacheSource
{
    /// <summary>Downloaded (first time, or the server had a new version).</summary>
    Downloaded,

    /// <summary>The server said the cached copy is still current (304 Not Modified).</summary>
    Revalidated,
}

/// <summary>
/// A download cache on disk keyed by URL: every answer is kept with its ETag, Last-Modified and SHA-256, and asked
/// for again with <c>If-None-Match</c>/<c>If-Modified-Since</c>, so a second fetch costs a 304 per page and an
/// interrupted fetch finds the pages it already has. Entries are written to a temporary file and renamed, body
/// before metadata, so a crash leaves either the old entry or the new one; an entry whose body no longer matches
/// its checksum is treated as absent.
/// </summary>
public sealed partial class DownloadCache
{
    private static readonly JsonSerializerOptions MetaJson = new() { WriteIndented = true };

    private readonly string _folder;
    private readonly TimeProvider _clock;

    /// <summary>A cache in <paramref name="folder"/> (created when first written).</summary>
    public DownloadCache(string folder, TimeProvider clock)
    {
        _folder = Path.Combine(folder, "http");
        _clock = clock;
    }

    /// <summary>
    /// Gets <paramref name="url"/>: revalidated from the cache when the server allows, else downloaded and kept.
    /// </summary>
    /// <exception cref="FetchException">The server refused (4xx/5xx after the retries) or could not be reached.</exception>
    public async Task<CachedResponse> GetAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        var cached = Read(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        AddValidators(request, cached);
        using (var response = await SendAsync(http, request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
        {
            var now = _clock.GetUtcNow();
            if (Revalidated(url, cached, response) is { } revalidated)
            {
                return revalidated;
            }

            await ThrowIfRefusedAsync(url, response, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var fresh = new CachedResponse(
                url.AbsoluteUri,
                body,
                Convert.ToHexStringLower(SHA256.HashData(body)),
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified,
                now,
                CacheSource.Downloaded);
            return fresh;
        }
    }

    /// <summary>Asks for the cached version's validators (<c>If-None-Match</c>, <c>If-Modified-Since</c>), if there is one.</summary>
    private static void AddValidators(HttpRequestMessage request, CachedResponse? cached)
    {
        if (cached?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (cached?.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }
    }

    /// <summary>Sends through the resilient client; no answer at all (after the retries) is a <see cref="FetchException"/>.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                          && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(request.RequestUri!, null, FetchWords.Words.Format("NoAnswer", exception.Message), exception);
        }
    }

    /// <summary>The cached entry, marked revalidated, when the server answered 304 for it; else null.</summary>
    private CachedResponse? Revalidated(Uri url, CachedResponse? cached, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.NotModified || cached is null)
        {
            return null;
        }

        var revalidated = cached with { FetchedAt = _clock.GetUtcNow(), Source = CacheSource.Revalidated };
        WriteMeta(url, revalidated);
        return revalidated;
    }

    private static async Task ThrowIfRefusedAsync(Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new FetchException(url, (int)response.StatusCode, FetchWords.ServerAnswered((int)response.StatusCode, response.ReasonPhrase) + (text.Length > 0 ? FetchWords.Words.Format("ServerSaid", Shorten(text)) : string.Empty));
        }
    }

    /// <summary>Keeps a response that the caller checked (a page that parsed), so a broken page is never cached.</summary>
    public void Keep(CachedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var url = new Uri(response.Url);
        var (body, _) = PathsOf(url);
        Directory.CreateDirectory(Path.GetDirectoryName(body)!);
        WriteAtomically(body, response.Body);
        WriteMeta(url, response);
        // A download assembled from parts is complete now: its part is no longer needed.
        DiscardPart(url);
    }

    /// <summary>Forgets a URL (a cached body the caller found unusable).</summary>
    public void Forget(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var (body, meta) = PathsOf(url);
        File.Delete(meta);
        File.Delete(body);
    }

    /// <summary>The cached entry of a URL, or null when there is none or its body fails the checksum.</summary>
    public CachedResponse? Read(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var (bodyPath, metaPath) = PathsOf(url);
        if (!File.Exists(metaPath) || !File.Exists(bodyPath))
        {
            return null;
        }

        try
        {
            var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllBytes(metaPath), MetaJson);
            var body = File.ReadAllBytes(bodyPath);
            if (meta is null || meta.Url != url.AbsoluteUri || Convert.ToHexStringLower(SHA256.HashData(body)) != meta.Sha256)
            {
                return null;
            }

            return new CachedResponse(meta.Url, body, meta.Sha256, meta.ETag, meta.LastModified, meta.FetchedAt, CacheSource.Revalidated);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void WriteMeta(Uri url, CachedResponse response)
    {
        var (_, meta) = PathsOf(url);
        Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
        WriteAtomically(meta, JsonSerializer.SerializeToUtf8Bytes(new Meta(response.Url, response.Sha256, response.Body.LongLength, response.ETag, response.LastModified, response.FetchedAt), MetaJson));
    }

    /// <summary>Writes to a temporary file beside the target and renames it over the target.</summary>
    internal static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".part";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private (string Body, string Meta) PathsOf(Uri url)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
        var stem = Path.Combine(_folder, key[..2], key);
        return (stem + ".body", stem + ".json");
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private sealed record Meta(string Url, string Sha256, long Length, string? ETag, DateTimeOffset? LastModified, DateTimeOffset FetchedAt);
}
