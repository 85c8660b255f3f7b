using System.Text.Json;
using Leefkracht.Fetch.Caching;

namespace Leefkracht.Fetch.StatLine;

/// <summary>One page of an OData answer, parsed.</summary>
/// <param name="Rows">The objects of its <c>value</c> array.</param>
/// <param name="Next">The <c>odata.nextLink</c>, or null on the last page.</param>
internal sealed record ODataPage(IReadOnlyList<JsonElement> Rows, Uri? Next);

/// <summary>
/// Reads StatLine's OData feed through the download cache: an entity set page by page along <c>odata.nextLink</c>
/// until the last page. A page is kept in the cache only after it parsed, so a truncated answer is never mistaken
/// for a complete one; the next run asks for it again.
/// </summary>
internal sealed class StatLineClient(HttpClient http, DownloadCache cache, Uri feed)
{
    /// <summary>The address of an entity set of a table, with an optional <c>$filter</c>.</summary>
    public Uri Address(string table, string entitySet, string? filter = null) =>
        new(feed, filter is null ? $"{table}/{entitySet}" : $"{table}/{entitySet}?$filter={Uri.EscapeDataString(filter)}");

    /// <summary>Every row of an entity set, following <c>odata.nextLink</c>.</summary>
    public async Task<(List<JsonElement> Rows, TransferCount Transfer, CachedResponse First)> ReadAllAsync(
        Uri first,
        string table,
        IProgress<FetchProgress>? progress,
        string stage,
        CancellationToken cancellationToken)
    {
        var rows = new List<JsonElement>();
        var transfer = TransferCount.None;
        CachedResponse? firstResponse = null;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (Uri? next = first; next is not null;)
        {
            if (!visited.Add(next.AbsoluteUri))
            {
                throw new FetchException(next, null, $"odata.nextLink points back to a page already read (page {visited.Count}); the feed is looping");
            }

            var response = await cache.GetAsync(http, next, cancellationToken).ConfigureAwait(false);
            var page = Parse(response, visited.Count);
            cache.Keep(response);
            firstResponse ??= response;
            transfer = transfer.Add(response);
            rows.AddRange(page.Rows);
            progress?.Report(new FetchProgress(table, stage, visited.Count, rows.Count));
            next = page.Next;
        }

        return (rows, transfer, firstResponse!);
    }

    /// <summary>Parses a page; a broken one is a <see cref="FetchException"/> that names the page and the JSON position.</summary>
    internal static ODataPage Parse(CachedResponse response, int pageNumber)
    {
        var url = new Uri(response.Url);
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new FetchException(url, 200, $"page {pageNumber}: $.value: expected the OData array of rows");
            }

            Uri? next = null;
            if (root.TryGetProperty("odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String)
            {
                next = Uri.TryCreate(url, link.GetString(), out var resolved) ? resolved
                    : throw new FetchException(url, 200, $"page {pageNumber}: $['odata.nextLink']: '{link.GetString()}' is not an address");
            }

            return new ODataPage([.. value.EnumerateArray().Select(r => r.Clone())], next);
        }
        catch (JsonException exception)
        {
            throw new FetchException(url, 200, $"page {pageNumber}: the answer is not complete JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}: {exception.Message.Split(" LineNumber", 2)[0]}); nothing of it was kept, fetch again to resume", exception);
        }
    }
}
