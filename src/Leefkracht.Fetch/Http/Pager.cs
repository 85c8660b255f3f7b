using System.Text.Json;
using Leefkracht.Fetch.Caching;

namespace Leefkracht.Fetch.Http;

/// <summary>
/// One page of a paged answer, parsed: its items, the address of the next page (null on the last), and how many items
/// the whole answer has when the page says so (an OGC API's <c>numberMatched</c>).
/// </summary>
internal sealed record Page(IReadOnlyList<JsonElement> Items, Uri? Next, long? Total = null);

/// <summary>Every item of a paged source, what the network did, and the first response (for provenance).</summary>
internal sealed record PagedResult(List<JsonElement> Items, TransferCount Transfer, CachedResponse First);

/// <summary>
/// Follows a paged source (OData's <c>odata.nextLink</c>, OGC API's <c>next</c> link) through the download cache
/// to the last page. A page is kept in the cache only after it parsed, so a truncated answer is never mistaken for
/// a complete one: the fetch stops, and the next run asks for that page again while the earlier ones cost a 304.
/// Each page is reported with the total, when one is known: the one the caller found out before (<c>total</c>),
/// else the first the pages state.
/// </summary>
internal sealed class Pager(HttpClient http, DownloadCache cache)
{
    public async Task<PagedResult> ReadAllAsync(
        Uri first,
        Func<CachedResponse, int, Page> parse,
        string source,
        string stage,
        long? total,
        IProgress<FetchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        var transfer = TransferCount.None;
        CachedResponse? firstResponse = null;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (Uri? next = first; next is not null;)
        {
            if (!visited.Add(next.AbsoluteUri))
            {
                throw new FetchException(next, null, FetchWords.Words.Format("Looping", visited.Count));
            }

            var response = await cache.GetAsync(http, next, cancellationToken).ConfigureAwait(false);
            Page page;
            try
            {
                page = parse(response, visited.Count);
            }
            catch (JsonException exception)
            {
                throw new FetchException(next, 200, FetchWords.Words.Format("Truncated", visited.Count, exception.LineNumber + 1, exception.BytePositionInLine + 1, exception.Message.Split(" LineNumber", 2)[0]), exception);
            }

            cache.Keep(response);
            firstResponse ??= response;
            transfer = transfer.Add(response);
            items.AddRange(page.Items);
            total ??= page.Total;
            progress?.Report(new FetchProgress(source, stage, visited.Count, items.Count, total));
            next = page.Next;
        }

        return new PagedResult(items, transfer, firstResponse!);
    }

    /// <summary>A link of a page resolved against the page's address; a broken one names its JSON path.</summary>
    public static Uri Link(CachedResponse response, int pageNumber, string path, string? href)
    {
        ArgumentNullException.ThrowIfNull(response);
        var url = new Uri(response.Url);
        return Uri.TryCreate(url, href, out var resolved) ? resolved
            : throw new FetchException(url, 200, FetchWords.Words.Format("NotAnAddress", pageNumber, path, href));
    }
}
