using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.Pdok;

/// <summary>What fetching one year's boundaries of one level did.</summary>
/// <param name="Year">The division year.</param>
/// <param name="Collection">The OGC API collection (<c>gemeenten</c>, <c>wijken</c>, <c>buurten</c>).</param>
/// <param name="Gemeente">The gemeente code fetched, or null for the whole country.</param>
/// <param name="Features">The features fetched.</param>
/// <param name="Transfer">What the network did.</param>
/// <param name="File">The assembled GeoJSON handed to the importer.</param>
/// <param name="Import">The importer's report.</param>
public sealed record BoundaryFetchResult(int Year, string Collection, string? Gemeente, int Features, TransferCount Transfer, string File, ImportReport Import);

/// <summary>
/// Fetches the CBS wijken en buurten boundaries of a year from PDOK's OGC API Features (GeoJSON in WGS84, the
/// standard's default CRS84), page by page along the <c>next</c> links, and imports them as one GeoJSON file. PDOK
/// names codes <c>buurtcode</c>/<c>wijkcode</c>/<c>gemeentecode</c>; each feature also gets the <c>statcode</c> and
/// <c>statnaam</c> the boundary reader looks for first, so a buurt is not taken for its gemeente.
/// </summary>
public sealed class PdokBoundaryFetcher
{
    /// <summary>The collections of the CBS wijken en buurten API, coarse to fine.</summary>
    public static IReadOnlyList<string> Collections { get; } = ["gemeenten", "wijken", "buurten"];

    private readonly Pager _pager;
    private readonly FetchOptions _options;
    private readonly StagedImport _staged;
    private readonly TimeProvider _clock;

    /// <summary>A fetcher that imports into <paramref name="store"/>.</summary>
    public PdokBoundaryFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _pager = new Pager(client.Http, new DownloadCache(options.CacheFolder, clock));
        _options = options;
        _staged = new StagedImport(store, catalog, options, clock);
        _clock = clock;
    }

    /// <summary>Fetches and imports one collection of one year, for one gemeente (GMxxxx) or the whole country.</summary>
    /// <exception cref="FetchException">
    /// Unknown collection, a gemeente not given as a code (<see cref="FetchException.InputWasWrong"/>), or the service
    /// failed.
    /// </exception>
    public async Task<BoundaryFetchResult> FetchAsync(int year, string collection, string? gemeente, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var api = _options.PdokFor(year);
        if (!Collections.Contains(collection))
        {
            throw FetchException.WrongInput(api, null, FetchWords.Words.Format("NoCollection", collection, string.Join(", ", Collections)));
        }

        string? code = null;
        if (gemeente is not null)
        {
            code = GemeenteCodes.Number(gemeente) is { } number ? "GM" + number
                : throw FetchException.WrongInput(api, null, FetchWords.Words.Format("BoundariesByGemeenteCode", gemeente));
        }

        // OGC API Features filters on a property by its name as a query parameter (Part 1, "parameters for filtering
        // on feature properties"); the features are checked again, in case a server ignores the parameter.
        var query = string.Create(CultureInfo.InvariantCulture, $"collections/{collection}/items?f=json&limit={_options.PdokPageLimit}{(code is null ? string.Empty : "&gemeentecode=" + code)}");
        var first = new Uri(api, query);
        var source = $"{collection} {year}";
        var (features, transfer, firstPage) = await _pager.ReadAllAsync(first, Parse, source, "features", null, progress, cancellationToken).ConfigureAwait(false);
        var singular = collection[..^2] is "gemeent" ? "gemeente" : collection[..^2];
        var kept = features.Select(f => Normalise(f, singular)).Where(f => code is null || InGemeente(f, code)).ToList();
        if (kept.Count == 0)
        {
            throw new FetchException(first, 200, code is null ? FetchWords.Words["NoFeatures"] : FetchWords.Words.Format("NoFeaturesIn", code));
        }

        progress?.Report(new FetchProgress(source, "import", transfer.Requests, kept.Count));
        var origin = new ImportOrigin(first.AbsoluteUri, $"wijken-en-buurten-{year}/{collection}", _clock.GetUtcNow(), firstPage.ETag, transfer.Requests);
        var collectionJson = new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. kept]) };
        var (file, report) = await _staged.ImportAsync($"pdok_{collection}_{year}_{code ?? "NL"}.geojson", JsonSerializer.SerializeToUtf8Bytes(collectionJson), year, origin, cancellationToken).ConfigureAwait(false);
        return new BoundaryFetchResult(year, collection, code, kept.Count, transfer, file, report);
    }

    /// <summary>Parses an OGC API Features page: a FeatureCollection, its <c>features</c> and the <c>next</c> link.</summary>
    internal static Page Parse(CachedResponse response, int pageNumber)
    {
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new FetchException(new Uri(response.Url), 200, FetchWords.Words.Format("GeoJsonNoFeatures", pageNumber));
        }

        Uri? next = null;
        if (root.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var link in links.EnumerateArray())
            {
                if (link.TryGetProperty("rel", out var rel) && rel.ValueEquals("next") && link.TryGetProperty("href", out var href))
                {
                    next = Pager.Link(response, pageNumber, $"$.links[{index}].href", href.GetString());
                }

                index++;
            }
        }

        // numberMatched is optional in an OGC API Features items response; PDOK's server (gokoala) does not send it, others do.
        long? matched = root.TryGetProperty("numberMatched", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt64(out var n) && n >= 0 ? n : null;
        return new Page([.. features.EnumerateArray().Select(f => f.Clone())], next, matched);
    }

    private static JsonNode Normalise(JsonElement feature, string level)
    {
        var node = JsonNode.Parse(feature.GetRawText())!;
        if (node["properties"] is JsonObject properties && properties["statcode"] is null && properties[level + "code"] is { } code)
        {
            properties["statcode"] = code.DeepClone();
            properties["statnaam"] = properties[level + "naam"]?.DeepClone();
        }

        return node;
    }

    private static bool InGemeente(JsonNode feature, string gemeente) =>
        GemeenteCodes.Contains(gemeente[2..], feature["properties"]?["statcode"]?.GetValue<string>() ?? string.Empty);
}
