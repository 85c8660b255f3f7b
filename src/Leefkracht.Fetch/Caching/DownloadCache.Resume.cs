using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.Caching;

/// <summary>
/// Large files (the Leefbaarometer archive) are streamed to a part file beside the cache entry instead of being read
/// whole in each attempt, so a connection that breaks off costs only what is still missing: the next attempt (in this
/// run, or the next run) asks for <c>Range: bytes=N-</c> with <c>If-Range</c> set to the part's ETag (or its
/// Last-Modified). A <c>206</c> that starts at byte N is appended; a <c>200</c> (the server ignores ranges, or the
/// file changed since the part was written, so <c>If-Range</c> no longer matches) starts the part again. When the
/// body is complete its length is checked against the size the server announced and its SHA-256 is computed; the
/// caller checks the content and keeps it (<see cref="Keep"/>), which removes the part.
/// </summary>
public sealed partial class DownloadCache
{
    private const string PartSuffix = ".partial";

    /// <summary>Gets a large file, resuming a part left by an earlier attempt or run.</summary>
    /// <param name="http">The client.</param>
    /// <param name="url">The address.</param>
    /// <param name="attempts">How many times a body that breaks off is resumed in this run before giving up.</param>
    /// <param name="pause">The wait before resuming.</param>
    /// <param name="received">
    /// Told, as the body comes in, the bytes of the file held so far (a resumed part included) and its size when the
    /// server announced one (<c>Content-Length</c> of a whole answer, the size of a part's version); null: nobody asks.
    /// </param>
    /// <param name="cancellationToken">Cancels the download (the part stays).</param>
    /// <exception cref="FetchException">
    /// The server refused, the body broke off more often than <paramref name="attempts"/> (the part is kept: fetching
    /// again resumes), or the assembled file is not the size the server announced (the part is discarded).
    /// </exception>
    public async Task<CachedResponse> GetResumableAsync(HttpClient http, Uri url, int attempts, TimeSpan pause, Action<long, long?>? received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        var (bodyPath, _) = PathsOf(url);
        var partPath = bodyPath + PartSuffix;
        var partMetaPath = partPath + ".json";
        Directory.CreateDirectory(Path.GetDirectoryName(partPath)!);
        for (var attempt = 0; ; attempt++)
        {
            var part = ReadPart(partPath, partMetaPath);
            var cached = part is null ? Read(url) : null;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Options.Set(WholeBodyHandler.Streamed, true);
            if (part is not null)
            {
                request.Headers.Range = new RangeHeaderValue(part.Length, null);
                request.Headers.IfRange = part.ETag is { } etag ? new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(etag)) : new RangeConditionHeaderValue(part.LastModified!.Value);
            }
            else
            {
                AddValidators(request, cached);
            }

            HttpResponseMessage sent;
            try
            {
                sent = await SendAsync(http, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (FetchException exception) when (exception.Status is null && part is not null)
            {
                throw new FetchException(url, null, FetchWords.Words.Format("PartKept", exception.Reason, part.Length), exception);
            }

            using var response = sent;
            if (Revalidated(url, cached, response) is { } revalidated)
            {
                return revalidated;
            }

            if (part is not null && response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The part is as long as the file or longer (it was complete but never kept): start again.
                DiscardPart(url);
                continue;
            }

            await ThrowIfRefusedAsync(url, response, cancellationToken).ConfigureAwait(false);
            var resumed = part is not null && response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == part.Length;
            var meta = resumed ? part! : new PartMeta(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, response.Content.Headers.ContentLength, 0);
            if (!resumed)
            {
                // A new download (or the server would not resume this part): start the part again with this answer's validators.
                File.WriteAllBytes(partPath, []);
                WriteAtomically(partMetaPath, JsonSerializer.SerializeToUtf8Bytes(meta, MetaJson));
            }

            try
            {
                await using var file = new FileStream(partPath, FileMode.Append, FileAccess.Write, FileShare.None);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await CopyAsync(body, file, meta.Total, received, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                var have = new FileInfo(partPath).Length;
                if (attempt >= attempts)
                {
                    throw new FetchException(url, (int)response.StatusCode, FetchWords.Words.Format("BrokeOff", have, meta.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"), exception);
                }

                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(partPath, cancellationToken).ConfigureAwait(false);
            if (meta.Total is { } total && bytes.LongLength != total)
            {
                DiscardPart(url);
                throw new FetchException(url, (int)response.StatusCode, FetchWords.Words.Format("SizeMismatch", bytes.LongLength, total));
            }

            return new CachedResponse(url.AbsoluteUri, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), meta.ETag, meta.LastModified, _clock.GetUtcNow(), CacheSource.Downloaded);
        }
    }

    /// <summary>Appends <paramref name="body"/> to <paramref name="file"/>, telling <paramref name="received"/> the bytes held after each block.</summary>
    private static async Task CopyAsync(Stream body, FileStream file, long? total, Action<long, long?>? received, CancellationToken cancellationToken)
    {
        if (received is null)
        {
            await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = new byte[81920];
        var held = file.Length;
        received(held, total);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            held += read;
            received(held, total);
        }
    }

    /// <summary>Forgets the part of an unfinished download (content the caller found unusable).</summary>
    public void DiscardPart(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var (bodyPath, _) = PathsOf(url);
        File.Delete(bodyPath + PartSuffix);
        File.Delete(bodyPath + PartSuffix + ".json");
    }

    /// <summary>The part of an unfinished download, or null when there is none or it cannot be resumed safely (no validator).</summary>
    private static PartMeta? ReadPart(string partPath, string partMetaPath)
    {
        if (!File.Exists(partPath) || !File.Exists(partMetaPath))
        {
            return null;
        }

        try
        {
            var meta = JsonSerializer.Deserialize<PartMeta>(File.ReadAllBytes(partMetaPath), MetaJson);
            var length = new FileInfo(partPath).Length;
            // Without a validator a resumed part could be glued to another version of the file.
            return meta is null || length == 0 || (meta.ETag is null && meta.LastModified is null) ? null : meta with { Length = length };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What is known of an unfinished download: the version's validators, its announced size, and the bytes held.</summary>
    private sealed record PartMeta(string? ETag, DateTimeOffset? LastModified, long? Total, long Length);
}
