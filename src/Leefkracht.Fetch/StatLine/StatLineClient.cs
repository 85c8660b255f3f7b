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
        _pager.ReadAllAsync(first, Parse, table, stage, progress, cancellationToken);

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
