using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leefkracht.Testing;

/// <summary>What the fake does to one request instead of answering it properly (once each).</summary>
public enum Fault
{
    /// <summary>429 Too Many Requests with <c>Retry-After: 1</c>.</summary>
    TooManyRequests,

    /// <summary>Sends the headers and half the body, then drops the connection.</summary>
    DropConnection,

    /// <summary>200 with only the first half of the JSON.</summary>
    Truncate,

    /// <summary>503 every time (the service is down).</summary>
    Down,

    /// <summary>Like <see cref="DropConnection"/>, every time until healed (a line that keeps breaking).</summary>
    DropConnectionAlways,
}

/// <summary>
/// A fake CBS StatLine OData feed on Kestrel (real HTTP on localhost), in the format the real feed returns (OData v3
/// JSON: <c>odata.metadata</c>, <c>value</c>, <c>odata.nextLink</c> with <c>$skip</c>; typed values with StatLine's
/// space padding, <c>null</c> for missing): <c>{table}/DataProperties</c>, <c>{table}/WijkenEnBuurten</c> and
/// <c>{table}/TypedDataSet</c>, with the <c>substringof</c> filter, strong ETags and 304 on <c>If-None-Match</c>.
/// Tables are made from real StatLine data (the fixtures). Faults are injected per page.
/// </summary>
public sealed partial class FakeSources : IAsyncDisposable
{
    // The text columns of a KWB TypedDataSet, and the width StatLine pads them to.
    private static readonly Dictionary<string, int> TextColumns = new(StringComparer.Ordinal)
    {
        ["WijkenEnBuurten"] = 10,
        ["Gemeentenaam_1"] = 40,
        ["SoortRegio_2"] = 10,
        ["Codering_3"] = 10,
        ["IndelingswijzigingWijkenEnBuurten_4"] = 1,
        ["MeestVoorkomendePostcode_113"] = 6,
        ["Dekkingspercentage_114"] = 1,
    };

    /// <summary>A fixture column with the area's name: served as the dimension's Title, not in TypedDataSet.</summary>
    private const string TitleColumn = "Title";

    private const string JsonType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";

    private readonly WebApplication _app;
    private readonly Dictionary<string, FakeTable> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Source, int Page), Fault> _faults = new();
    private readonly Dictionary<(int Year, string Collection), List<JsonNode>> _collections = [];
    private readonly Lazy<byte[]> _leefbaarometerZip = new(ZipLeefbaarometer);

    private FakeSources(WebApplication app) => _app = app;

    /// <summary>Every request answered: path and query, and the status sent.</summary>
    public ConcurrentQueue<(string Url, int Status)> Log { get; } = new();

    /// <summary>Whether the fake ignores <c>Range</c> requests and always sends the whole body (as some servers do).</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>
    /// Whether OGC API pages carry <c>numberMatched</c>, the optional total of the standard. PDOK's server (gokoala)
    /// does not send it, so the fake does not either unless a test asks.
    /// </summary>
    public bool SendNumberMatched { get; set; }

    /// <summary>Rows per page (the real feed sends 10,000; the tests page small tables).</summary>
    public int PageSize { get; set; } = 40;

    /// <summary>The feed's base address (what the fetch options' StatLine address takes).</summary>
    public Uri Feed { get; private set; } = null!;

    /// <summary>A download cache folder of its own for the client under test, deleted with the fake.</summary>
    public string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "leefkracht-fetch-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The PDOK OGC API address template (what the fetch options' PdokTemplate takes).</summary>
    public string PdokTemplate { get; private set; } = null!;

    /// <summary>The Leefbaarometer download folder.</summary>
    public Uri Leefbaarometer { get; private set; } = null!;

    /// <summary>Starts the fake on a free port.</summary>
    public static async Task<FakeSources> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSources(app);
        app.MapGet("/ODataFeed/odata/{table}/{set}", fake.AnswerAsync);
        app.MapGet("/ODataFeed/odata/{table}/{set}/$count", fake.AnswerCountAsync);
        app.MapGet("/pdok/wijken-en-buurten-{year:int}/ogc/v1/collections/{collection}/items", fake.AnswerFeaturesAsync);
        app.MapGet("/lbm/resources/{file}", fake.AnswerFileAsync);
        app.MapGet("/cbs/pc6huisnr-{year:int}.zip", fake.AnswerPostcodesAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        fake.Feed = new Uri(address + "/ODataFeed/odata/");
        fake.PdokTemplate = address + "/pdok/wijken-en-buurten-{year}/ogc/v1/";
        fake.Leefbaarometer = new Uri(address + "/lbm/resources/");
        fake.PostcodeTemplate = address + "/cbs/pc6huisnr-{year}.zip";
        return fake;
    }

    /// <summary>The Den Haag 2019 table (84583NED) from the real StatLine data.</summary>
    public static IReadOnlyList<Dictionary<string, string>> DenHaag2019() => ReadCsv(Fixture("kwb2019_denhaag_GM0518_84583NED.csv"));

    /// <summary>
    /// KWB 2024 (85984NED) for every region of the country (18,310: NL, 342 gemeenten, 3,393 wijken, 14,574 buurten),
    /// the inhabitants, sex, age and origin columns of the real StatLine export under their OData keys, with names.
    /// </summary>
    public static IReadOnlyList<Dictionary<string, string>> National2024() => ReadCsv(Fixture("kwb2024_nl_all_regions_85984NED_keys.csv.gz"));

    /// <summary>The path of a fixture (Fixtures/StatLine, copied beside the tests).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sources", name);

    /// <summary>Serves a table: its rows (CSV cells by OData key) and its DataProperties (null: made from the keys).</summary>
    public void Serve(string table, IReadOnlyList<Dictionary<string, string>> rows, JsonArray? dataProperties = null)
    {
        var keys = rows[0].Keys.Where(k => k != "ID").ToList();
        _tables[table] = new FakeTable(rows, dataProperties ?? PropertiesFromKeys(keys));
    }

    /// <summary>
    /// Serves the real Haaglanden wijk boundaries as the <c>wijken</c> collection of <paramref name="year"/>, under
    /// PDOK's property names (<c>wijkcode</c>, <c>wijknaam</c>, <c>gemeentecode</c>, <c>gemeentenaam</c>).
    /// </summary>
    public void ServeWijkBoundaries(int year)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Fixture("wijk_haaglanden_4gm_wgs84.geojson.gz")), System.IO.Compression.CompressionMode.Decompress);
        var source = JsonNode.Parse(gzip)!["features"]!.AsArray();
        var features = source.Select((feature, index) =>
        {
            var code = feature!["properties"]!["WK_CODE"]!.GetValue<string>();
            return (JsonNode)new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = index + 1,
                ["geometry"] = feature["geometry"]!.DeepClone(),
                ["properties"] = new JsonObject
                {
                    ["wijkcode"] = code,
                    ["wijknaam"] = feature["properties"]!["WK_NAAM"]!.GetValue<string>(),
                    ["gemeentecode"] = "GM" + code[2..6],
                    ["jaarstatcode"] = $"{year}{code}",
                },
            };
        }).ToList();
        _collections[(year, "wijken")] = features;
    }

    /// <summary>Makes page <paramref name="page"/> (1-based) of a source fail once (or always, for <see cref="Fault.Down"/> and <see cref="Fault.DropConnectionAlways"/>): a table's TypedDataSet, a PDOK collection (<c>wijken</c>) or the Leefbaarometer (<c>lbm</c>).</summary>
    public void Inject(string source, int page, Fault fault) => _faults[(source, page)] = fault;

    /// <summary>Takes a standing fault away (the service is back).</summary>
    public void Heal(string table, int page) => _faults.TryRemove((table, page), out _);

    /// <summary>The statuses sent for the TypedDataSet pages of a table (not its <c>$count</c>), in order.</summary>
    public List<int> Statuses(string table) => [.. Log.Where(l => l.Url.Contains($"/{table}/TypedDataSet", StringComparison.Ordinal) && !l.Url.Contains("/$count", StringComparison.Ordinal)).Select(l => l.Status)];

    /// <summary>The statuses sent for requests whose path contains <paramref name="pathPart"/>, in order.</summary>
    public List<int> StatusesOf(string pathPart) => [.. Log.Where(l => l.Url.Contains(pathPart, StringComparison.Ordinal)).Select(l => l.Status)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(CacheFolder))
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
    }

    private async Task AnswerAsync(HttpContext context, string table, string set)
    {
        var url = context.Request.Path + context.Request.QueryString;
        if (_series.ContainsKey(table))
        {
            await AnswerSeriesAsync(context, table, set);
            return;
        }

        if (!_tables.TryGetValue(table, out var data))
        {
            await Send(context, url, 404, """{"odata.error":{"code":"","message":{"lang":"en-US","value":"Table not found."}}}"""u8.ToArray());
            return;
        }

        var skip = int.TryParse(context.Request.Query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var filter = (string?)context.Request.Query["$filter"];
        var metadata = $"{Feed}{table}/$metadata#Cbs.OData.WebAPI.{set}";
        JsonObject document;
        var page = (skip / PageSize) + 1;
        switch (set)
        {
            case "DataProperties":
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = data.Properties.DeepClone() };
                break;
            case "WijkenEnBuurten":
                var regions = data.Rows
                    .Select(r => (Key: r["WijkenEnBuurten"], Title: r.GetValueOrDefault(TitleColumn) ?? (r["SoortRegio_2"] == "Gemeente" ? r["Gemeentenaam_1"] : r["WijkenEnBuurten"])))
                    .Where(r => Matches(filter, r.Key, "Key"))
                    .Select(r => (JsonNode)new JsonObject { ["Key"] = r.Key.PadRight(10), ["Title"] = r.Title, ["Description"] = null, ["DetailRegionCode"] = r.Key, ["Municipality"] = null });
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = new JsonArray([.. regions]) };
                break;
            case "TypedDataSet":
                var matching = data.Rows.Where(r => Matches(filter, r["WijkenEnBuurten"], "WijkenEnBuurten")).Select(Typed).ToList();
                document = TypedPage(table, metadata, filter, skip, matching);
                break;
            default:
                await Send(context, url, 404, "{}"u8.ToArray());
                return;
        }

        await SendPageAsync(context, url, set == "TypedDataSet" ? (table, page) : null, JsonSerializer.SerializeToUtf8Bytes(document));
    }

    /// <summary>One page of a TypedDataSet: <see cref="PageSize"/> rows from <paramref name="skip"/>, with the next link while rows remain.</summary>
    private JsonObject TypedPage(string table, string metadata, string? filter, int skip, List<JsonObject> matching)
    {
        var document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = new JsonArray([.. matching.Skip(skip).Take(PageSize).Select(r => r.DeepClone())]) };
        if (skip + PageSize < matching.Count)
        {
            document["odata.nextLink"] = $"{Feed}{table}/TypedDataSet?{(filter is null ? string.Empty : "$filter=" + Uri.EscapeDataString(filter) + "&")}$skip={skip + PageSize}";
        }

        return document;
    }

    /// <summary>OGC API Features items of a collection, paged with <c>limit</c>/<c>offset</c> and a <c>next</c> link.</summary>
    private async Task AnswerFeaturesAsync(HttpContext context, int year, string collection)
    {
        var url = context.Request.Path + context.Request.QueryString;
        if (!_collections.TryGetValue((year, collection), out var features))
        {
            await Send(context, url, 404, """{"code":"Not Found","description":"Collection not found"}"""u8.ToArray());
            return;
        }

        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 10;
        var offset = int.TryParse(context.Request.Query["offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        var gemeente = (string?)context.Request.Query["gemeentecode"];
        var matching = features.Where(f => gemeente is null || f["properties"]!["gemeentecode"]!.GetValue<string>() == gemeente).ToList();
        var self = $"{PdokTemplate.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}collections/{collection}/items?f=json&limit={limit}{(gemeente is null ? string.Empty : "&gemeentecode=" + gemeente)}";
        var links = new JsonArray { new JsonObject { ["rel"] = "self", ["type"] = "application/geo+json", ["title"] = "This document as GeoJSON", ["href"] = $"{self}&offset={offset}" } };
        if (offset + limit < matching.Count)
        {
            links.Add(new JsonObject { ["rel"] = "next", ["type"] = "application/geo+json", ["title"] = "Next page", ["href"] = $"{self}&offset={offset + limit}" });
        }

        var page = matching.Skip(offset).Take(limit).Select(f => f.DeepClone()).ToList();
        var document = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["timeStamp"] = "2026-11-22T12:00:00Z",
            ["links"] = links,
            ["numberReturned"] = page.Count,
            ["features"] = new JsonArray([.. page]),
        };
        if (SendNumberMatched)
        {
            document["numberMatched"] = matching.Count;
        }

        await SendPageAsync(context, url, (collection, (offset / limit) + 1), JsonSerializer.SerializeToUtf8Bytes(document), "application/geo+json");
    }

    /// <summary>The Leefbaarometer open-data archive (any measurement): the real PC4 scores in a zip.</summary>
    private Task AnswerFileAsync(HttpContext context, string file) =>
        file.StartsWith("open-data-leefbaarometer-meting-", StringComparison.Ordinal)
            ? SendPageAsync(context, context.Request.Path, ("lbm", 1), _leefbaarometerArchive ?? _leefbaarometerZip.Value, "application/zip")
            : Send(context, context.Request.Path, 404, "Not Found"u8.ToArray());

    /// <summary>Sends an answer with a strong ETag (304 when the client has it), or the fault injected for it.</summary>
    private async Task SendPageAsync(HttpContext context, string url, (string Source, int Page)? faultKey, byte[] body, string contentType = JsonType)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
        if (faultKey is { } key && _faults.TryGetValue(key, out var fault))
        {
            if (fault is not (Fault.Down or Fault.DropConnectionAlways))
            {
                _faults.TryRemove(key, out _);
            }

            switch (fault)
            {
                case Fault.TooManyRequests:
                    context.Response.Headers.RetryAfter = "1";
                    await Send(context, url, 429, """{"message":"Too many requests"}"""u8.ToArray());
                    return;
                case Fault.Down:
                    await Send(context, url, 503, "Service Unavailable"u8.ToArray());
                    return;
                case Fault.DropConnection or Fault.DropConnectionAlways:
                    Log.Enqueue((url, -1));
                    context.Response.StatusCode = 200;
                    context.Response.Headers.ETag = etag;
                    context.Response.ContentType = contentType;
                    context.Response.ContentLength = body.Length;
                    await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                    await context.Response.Body.FlushAsync();
                    // Let the half arrive before the line breaks: an abort right away can reset the socket before the
                    // client has read the headers, and then no byte of the body would have come through.
                    await Task.Delay(200);
                    context.Abort();
                    return;
                case Fault.Truncate:
                    await Send(context, url, 200, body[..(body.Length / 2)], contentType);
                    return;
            }
        }

        // A byte range from N on (RFC 9110 14.2), if the client's If-Range still names this version; else the whole body.
        var range = RangeFrom().Match(context.Request.Headers.Range.ToString());
        var ifRange = context.Request.Headers.IfRange.ToString();
        if (!IgnoreRange && range.Success && (ifRange.Length == 0 || ifRange == etag))
        {
            var from = long.Parse(range.Groups["from"].Value, CultureInfo.InvariantCulture);
            context.Response.Headers.ETag = etag;
            if (from >= body.Length)
            {
                context.Response.Headers.ContentRange = $"bytes */{body.Length}";
                await Send(context, url, 416, [], contentType);
                return;
            }

            context.Response.Headers.ContentRange = $"bytes {from}-{body.Length - 1}/{body.Length}";
            await Send(context, url, 206, body[(int)from..], contentType);
            return;
        }

        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.Headers.ETag = etag;
            Log.Enqueue((url, 304));
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.Headers.ETag = etag;
        await Send(context, url, 200, body, contentType);
    }

    private async Task Send(HttpContext context, string url, int status, byte[] body, string contentType = JsonType)
    {
        Log.Enqueue((url, status));
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    /// <summary>The filters the client sends: none, or <c>substringof('text',Column)</c>.</summary>
    private static bool Matches(string? filter, string value, string column)
    {
        if (filter is null)
        {
            return true;
        }

        var match = SubstringOf().Match(filter);
        return match.Success && match.Groups["column"].Value == column
            ? value.Contains(match.Groups["text"].Value, StringComparison.Ordinal)
            : throw new InvalidOperationException($"the fake does not understand $filter={filter}");
    }

    private static JsonObject Typed(Dictionary<string, string> row)
    {
        var typed = new JsonObject();
        foreach (var (key, cell) in row.Where(c => c.Key != TitleColumn))
        {
            typed[key] = TextColumns.TryGetValue(key, out var width) ? JsonValue.Create(cell.PadRight(width))
                : cell is "." or "" ? null
                : key == "ID" ? JsonValue.Create(int.Parse(cell, CultureInfo.InvariantCulture))
                : JsonValue.Create(double.Parse(cell, CultureInfo.InvariantCulture));
        }

        return typed;
    }

    private static JsonArray PropertiesFromKeys(List<string> keys) =>
        Properties([.. keys.Select(k => (k, k == "WijkenEnBuurten" ? "GeoDimension" : "Topic"))]);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0]);
        return [.. lines.Skip(1).Select(l =>
        {
            var cells = Fields(l);
            return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Count ? cells[x.i] : ".", StringComparer.Ordinal);
        })];
    }

    /// <summary>The fields of a CSV line (RFC 4180 quotes; the fixtures have no line breaks inside fields).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [GeneratedRegex(@"^bytes=(?<from>[0-9]+)-$")]
    private static partial Regex RangeFrom();

    [GeneratedRegex(@"^substringof\('(?<text>[^']*)',(?<column>\w+)\)$")]
    private static partial Regex SubstringOf();

    /// <summary>A zip with the PC4 scores, built once with fixed entry times so its bytes (and ETag) never change.</summary>
    private static byte[] ZipLeefbaarometer() =>
        Zip(("leefbaarometer3_pc4_2002-2018_first2000.csv", File.ReadAllBytes(Fixture("leefbaarometer3_pc4_2002-2018_first2000.csv"))));

    private sealed record FakeTable(IReadOnlyList<Dictionary<string, string>> Rows, JsonArray Properties);
}
