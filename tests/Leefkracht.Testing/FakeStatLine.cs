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
}

/// <summary>
/// A fake CBS StatLine OData feed on Kestrel (real HTTP on localhost), in the format the real feed returns (OData v3
/// JSON: <c>odata.metadata</c>, <c>value</c>, <c>odata.nextLink</c> with <c>$skip</c>; typed values with StatLine's
/// space padding, <c>null</c> for missing): <c>{table}/DataProperties</c>, <c>{table}/WijkenEnBuurten</c> and
/// <c>{table}/TypedDataSet</c>, with the <c>substringof</c> filter, strong ETags and 304 on <c>If-None-Match</c>.
/// Tables are made from real StatLine data (the fixtures). Faults are injected per page.
/// </summary>
public sealed partial class FakeStatLine : IAsyncDisposable
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

    private readonly WebApplication _app;
    private readonly Dictionary<string, FakeTable> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Table, int Page), Fault> _faults = new();

    private FakeStatLine(WebApplication app) => _app = app;

    /// <summary>Every request answered: path and query, and the status sent.</summary>
    public ConcurrentQueue<(string Url, int Status)> Log { get; } = new();

    /// <summary>Rows per page (the real feed sends 10,000; the tests page small tables).</summary>
    public int PageSize { get; set; } = 40;

    /// <summary>The feed's base address (what the fetch options' StatLine address takes).</summary>
    public Uri Feed { get; private set; } = null!;

    /// <summary>Starts the fake on a free port.</summary>
    public static async Task<FakeStatLine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStatLine(app);
        app.MapGet("/ODataFeed/odata/{table}/{set}", fake.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Feed = new Uri(address.TrimEnd('/') + "/ODataFeed/odata/");
        return fake;
    }

    /// <summary>The Den Haag 2019 table (84583NED) from the real StatLine data.</summary>
    public static IReadOnlyList<Dictionary<string, string>> DenHaag2019() => ReadCsv(Fixture("kwb2019_denhaag_GM0518_84583NED.csv"));

    /// <summary>The path of a fixture (Fixtures/StatLine, copied beside the tests).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "StatLine", name);

    /// <summary>Serves a table: its rows (CSV cells by OData key) and its DataProperties (null: made from the keys).</summary>
    public void Serve(string table, IReadOnlyList<Dictionary<string, string>> rows, JsonArray? dataProperties = null)
    {
        var keys = rows[0].Keys.Where(k => k != "ID").ToList();
        _tables[table] = new FakeTable(rows, dataProperties ?? PropertiesFromKeys(keys));
    }

    /// <summary>Makes page <paramref name="page"/> (1-based) of <paramref name="table"/>'s TypedDataSet fail once (or always, for <see cref="Fault.Down"/>).</summary>
    public void Inject(string table, int page, Fault fault) => _faults[(table, page)] = fault;

    /// <summary>Takes a standing fault away (the service is back).</summary>
    public void Heal(string table, int page) => _faults.TryRemove((table, page), out _);

    /// <summary>The statuses sent for the TypedDataSet of a table, in order.</summary>
    public List<int> Statuses(string table) => [.. Log.Where(l => l.Url.Contains($"/{table}/TypedDataSet", StringComparison.Ordinal)).Select(l => l.Status)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string table, string set)
    {
        var url = context.Request.Path + context.Request.QueryString;
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
                    .Select(r => (Key: r["WijkenEnBuurten"], Title: r["SoortRegio_2"] == "Gemeente" ? r["Gemeentenaam_1"] : r["WijkenEnBuurten"]))
                    .Where(r => Matches(filter, r.Key, "Key"))
                    .Select(r => (JsonNode)new JsonObject { ["Key"] = r.Key.PadRight(10), ["Title"] = r.Title, ["Description"] = null, ["DetailRegionCode"] = r.Key, ["Municipality"] = null });
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = new JsonArray([.. regions]) };
                break;
            case "TypedDataSet":
                var matching = data.Rows.Where(r => Matches(filter, r["WijkenEnBuurten"], "WijkenEnBuurten")).ToList();
                var rows = matching.Skip(skip).Take(PageSize).Select(Typed);
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = new JsonArray([.. rows]) };
                if (skip + PageSize < matching.Count)
                {
                    var next = $"{Feed}{table}/TypedDataSet?{(filter is null ? string.Empty : "$filter=" + Uri.EscapeDataString(filter) + "&")}$skip={skip + PageSize}";
                    document["odata.nextLink"] = next;
                }

                break;
            default:
                await Send(context, url, 404, "{}"u8.ToArray());
                return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(document);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
        if (set == "TypedDataSet" && _faults.TryGetValue((table, page), out var fault))
        {
            if (fault != Fault.Down)
            {
                _faults.TryRemove((table, page), out _);
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
                case Fault.DropConnection:
                    Log.Enqueue((url, -1));
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
                    context.Response.ContentLength = body.Length;
                    await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                    await context.Response.Body.FlushAsync();
                    context.Abort();
                    return;
                case Fault.Truncate:
                    await Send(context, url, 200, body[..(body.Length / 2)]);
                    return;
            }
        }

        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.Headers.ETag = etag;
            Log.Enqueue((url, 304));
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.Headers.ETag = etag;
        await Send(context, url, 200, body);
    }

    private async Task Send(HttpContext context, string url, int status, byte[] body)
    {
        Log.Enqueue((url, status));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
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
        foreach (var (key, cell) in row)
        {
            typed[key] = TextColumns.TryGetValue(key, out var width) ? JsonValue.Create(cell.PadRight(width))
                : cell is "." or "" ? null
                : key == "ID" ? JsonValue.Create(int.Parse(cell, CultureInfo.InvariantCulture))
                : JsonValue.Create(double.Parse(cell, CultureInfo.InvariantCulture));
        }

        return typed;
    }

    private static JsonArray PropertiesFromKeys(List<string> keys)
    {
        var list = new JsonArray();
        for (var i = 0; i < keys.Count; i++)
        {
            var type = keys[i] == "WijkenEnBuurten" ? "GeoDimension" : "Topic";
            list.Add(new JsonObject { ["odata.type"] = $"Cbs.OData.{type}", ["ID"] = i, ["Position"] = i, ["ParentID"] = null, ["Type"] = type, ["Key"] = keys[i], ["Title"] = keys[i], ["Description"] = string.Empty });
        }

        return list;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Length ? cells[x.i] : ".", StringComparer.Ordinal);
        })];
    }

    [GeneratedRegex(@"^substringof\('(?<text>[^']*)',(?<column>\w+)\)$")]
    private static partial Regex SubstringOf();

    private sealed record FakeTable(IReadOnlyList<Dictionary<string, string>> Rows, JsonArray Properties);
}
