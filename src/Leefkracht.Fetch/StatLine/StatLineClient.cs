using System.Text;
using System.Text.Json;
using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.StatLine;

/// <summary>Reads StatLine's OData feed: entity sets of a table, page by page along <c>odata.nextLink</c>.</summary>
internal sealed class StatLineClient(HttpClient http, DownloadCache cache, Uri feed)
{
    private readonly Pager _pager = new(http, cache);

    /// <summary>The address of an entity set of a table, with an optional <c>$filter</c>.</summary>
    public Uri Address(string table, string entitySet, string? filter = null) =>
        new(feed, filter is null ? $"{table}/{entitySet}" : $"{table}/{entitySet}?$filter={Uri.EscapeDataString(filter)}");

    /// <summary>Every row of an entity set, following <c>odata.nextLink</c>.</summary>
    public Task<PagedResult> ReadAllAsync(Uri first, string table, IProgress<FetchProgress>? progress, string stage, CancellationToken cancellationToken) =>
        _pager.ReadAllAsync(first, Parse, table, stage, null, progress, cancellationToken);

    /// <summary>
    /// Every row of a <c>TypedDataSet</c> address (filtered or not), following <c>odata.nextLink</c>, reported as stage
    /// <c>rows</c>. When someone watches the progress, the rows are counted first (<see cref="CountAsync"/>), so that
    /// each page is reported against the total; nobody watching, nothing is counted (one request less).
    /// </summary>
    /// <returns>The rows, and what the count cost on the network (none when nothing was counted).</returns>
    public async Task<(PagedResult Rows, TransferCount Counting)> ReadRowsAsync(Uri first, string table, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        var (total, counting) = progress is null ? (null, TransferCount.None) : await CountAsync(first, cancellationToken).ConfigureAwait(false);
        var rows = await _pager.ReadAllAsync(first, Parse, table, "rows", total, progress, cancellationToken).ConfigureAwait(false);
        return (rows, counting);
    }

    /// <summary>
    /// How many rows an entity set address gives, by OData's <c>$count</c> path segment with the same <c>$filter</c>
    /// (<c>84583NED/TypedDataSet/$count?$filter=…</c>, a plain-text number; CBS's feed answers it), through the cache
    /// like a page. The count only feeds a progress bar, so a feed that refuses it or answers something else gives no
    /// total rather than a failed fetch; the pages that follow meet any real trouble with the service themselves.
    /// </summary>
    public async Task<(long? Rows, TransferCount Transfer)> CountAsync(Uri rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var address = new Uri(rows.GetLeftPart(UriPartial.Path) + "/$count" + rows.Query);
        CachedResponse response;
        try
        {
            response = await cache.GetAsync(http, address, cancellationToken).ConfigureAwait(false);
        }
        catch (FetchException)
        {
            return (null, TransferCount.None);
        }

        var text = Encoding.UTF8.GetString(response.Body).Trim().TrimStart('\uFEFF');
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return (null, TransferCount.None.Add(response));
        }

        cache.Keep(response);
        return (count, TransferCount.None.Add(response));
    }

    /// <summary>Parses an OData v3 page: <c>value</c> and <c>odata.nextLink</c>.</summary>
    internal static Page Parse(CachedResponse response, int pageNumber)
    {
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new FetchException(new Uri(response.Url), 200, FetchWords.Words.Format("ODataNoRows", pageNumber));
        }

        var next = root.TryGetProperty("odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String
            ? Pager.Link(response, pageNumber, "$['odata.nextLink']", link.GetString())
            : null;
        return new Page([.. value.EnumerateArray().Select(r => r.Clone())], next);
    }
}
