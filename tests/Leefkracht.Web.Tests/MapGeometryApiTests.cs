using System.Globalization;
using System.Net;
using System.Text.Json;
using Leefkracht.Web.Monitor;
using Microsoft.Extensions.DependencyInjection;

namespace Leefkracht.Web.Tests;

/// <summary>
/// A map layer's boundaries and values apart (issue 17 item 3, docs/web.md#map-geometry), on a real Kestrel with the
/// sample database: the boundaries are immutable under their version with a strong ETag, and values and boundaries
/// together are the combined GeoJSON layer, value for value and point for point.
/// </summary>
public sealed class MapGeometryApiTests(DashboardServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJson(string path)
    {
        using var response = await server.Client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Geometry_HasAStrongETagOfItsVersion_Answers304_AndIsImmutableOnlyUnderThatVersion()
    {
        // Given the values of the Utrecht buurten, which name the boundaries to draw them on
        var values = await GetJson("api/v1/map/buurt/values?year=2024&gemeente=GM0344");
        var version = values.GetProperty("geometryVersion").GetString()!;
        var boundaryYear = values.GetProperty("boundaryYear").GetInt32();
        var url = string.Create(CultureInfo.InvariantCulture, $"api/v1/map/buurt/geometry?year={boundaryYear}&detail=low&v={version}");

        // When those boundaries are asked for under their version
        using var first = await server.Client.GetAsync(url, Cancel);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag!;

        // Then the answer is immutable, public, and carries a strong ETag that is not the data-version ETag of the API
        etag.IsWeak.ShouldBeFalse();
        etag.Tag.ShouldContain(version);
        first.Headers.CacheControl!.Public.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        first.Headers.CacheControl.Extensions.Select(e => e.Name).ShouldContain("immutable");
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        // And sending the ETag back answers 304 with nothing in the body
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(again, Cancel);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync(Cancel)).ShouldBeEmpty();

        // And without the version, or with another one, the same boundaries must be checked again on every use
        foreach (var unversioned in new[] { url[..url.IndexOf("&v=", StringComparison.Ordinal)], url + "0" })
        {
            using var answer = await server.Client.GetAsync(unversioned, Cancel);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            answer.Headers.CacheControl!.NoCache.ShouldBeTrue();
            answer.Headers.CacheControl.Public.ShouldBeFalse();
            answer.Headers.ETag.ShouldBe(etag);
        }

        // And another detail is another ETag
        using var medium = await server.Client.GetAsync(url.Replace("detail=low", "detail=medium", StringComparison.Ordinal), Cancel);
        medium.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
    }

    [Theory]
    [InlineData("buurt", "year=2024&detail=low", "")]
    [InlineData("buurt", "year=2024&detail=low&by=indicator&indicator=good_health_pct", "")]
    [InlineData("wijk", "year=2024&by=soc", "&gemeente=GM0344")]
    [InlineData("gemeente", "year=2024&by=won", "")]
    public async Task Values_AreTheCombinedLayersValues_AreaForArea(string level, string query, string gemeente)
    {
        // Given the combined GeoJSON layer and the values alone, of the same colouring
        var layer = await GetJson($"api/v1/map/{level}?{query}{gemeente}");
        var values = await GetJson($"api/v1/map/{level}/values?{query}{gemeente}");

        // Then they list the same areas in the same order, with the same value and class, under the same legend
        var features = layer.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        // (without a gemeente the codes are the boundaries' own, in their order)
        var listed = values.TryGetProperty("codes", out var own)
            ? own
            : (await GetJson($"api/v1/map/{level}/geometry?year={values.GetProperty("boundaryYear").GetInt32()}&detail=low")).GetProperty("codes");
        values.TryGetProperty("codes", out _).ShouldBe(gemeente.Length > 0);
        var codes = listed.EnumerateArray().Select(c => c.GetString()).ToList();
        codes.ShouldBe(features.Select(p => p.GetProperty("code").GetString()).ToList());
        var numbers = values.GetProperty("values").EnumerateArray().ToList();
        var classes = values.GetProperty("classes").EnumerateArray().ToList();
        numbers.Count.ShouldBe(codes.Count);
        classes.Count.ShouldBe(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            numbers[i].GetRawText().ShouldBe(features[i].GetProperty("value").GetRawText(), codes[i]);
            classes[i].GetRawText().ShouldBe(features[i].GetProperty("class").GetRawText(), codes[i]);
        }

        numbers.Count(n => n.ValueKind == JsonValueKind.Number).ShouldBeGreaterThan(codes.Count / 2);
        values.GetProperty("legend").GetRawText().ShouldBe(layer.GetProperty("legend").GetRawText());
        values.GetProperty("boundaryYear").GetInt32().ShouldBe(layer.GetProperty("boundaryYear").GetInt32());
    }

    [Theory]
    [InlineData("buurt", "low", "GM0344")]
    [InlineData("wijk", "medium", "GM0363")]
    [InlineData("gemeente", "high", null)]
    public async Task Geometry_DecodesToTheCombinedLayersPolygons_PointForPoint(string level, string detail, string? gemeente)
    {
        // Given the combined layer and the compact boundaries of the same level, year and detail
        var layer = await GetJson($"api/v1/map/{level}?year=2024&detail={detail}" + (gemeente is null ? string.Empty : $"&gemeente={gemeente}"));
        var compact = await GetJson($"api/v1/map/{level}/geometry?year={layer.GetProperty("boundaryYear").GetInt32()}&detail={detail}");
        var scale = compact.GetProperty("scale").GetDouble();
        var codes = compact.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var names = compact.GetProperty("names").EnumerateArray().ToList();
        var shapes = compact.GetProperty("shapes").EnumerateArray().ToList();

        // Then every feature of the layer is an area of the boundaries, with its name, and its rings decode to the
        // layer's rings (without the closing point and points that round onto the one before)
        var features = layer.GetProperty("features").EnumerateArray().ToList();
        features.Count.ShouldBeGreaterThan(0);
        var points = 0;
        foreach (var feature in features)
        {
            var code = feature.GetProperty("id").GetString()!;
            var at = codes.IndexOf(code);
            at.ShouldBeGreaterThanOrEqualTo(0, code);
            names[at].GetRawText().ShouldBe(feature.GetProperty("properties").GetProperty("name").GetRawText());
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            var decoded = shapes[at].EnumerateArray().ToList();
            decoded.Count.ShouldBe(polygons.Count, code);
            for (var p = 0; p < polygons.Count; p++)
            {
                var rings = polygons[p].EnumerateArray().ToList();
                var compactRings = decoded[p].EnumerateArray().ToList();
                compactRings.Count.ShouldBe(rings.Count, code);
                for (var r = 0; r < rings.Count; r++)
                {
                    var expected = Distinct(rings[r].EnumerateArray().Select(c => (Whole(c[0].GetDouble(), scale), Whole(c[1].GetDouble(), scale))).ToList());
                    var actual = Decode(compactRings[r]);
                    actual.ShouldBe(expected, code);
                    points += actual.Count;
                }
            }
        }

        points.ShouldBeGreaterThan(features.Count * 3);
    }

    [Theory]
    [InlineData("api/v1/map/buurt/geometry?detail=ultra", "detail")]
    [InlineData("api/v1/map/buurt/geometry?year=twenty", "year")]
    [InlineData("api/v1/map/provincie/geometry", "level")]
    [InlineData("api/v1/map/buurt/values?by=colour", "by")]
    public async Task BadRequests_SayWhichParameterIsWrong(string path, string parameter)
    {
        using var response = await server.Client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.GetRawText());
    }

    [Fact]
    public async Task Geometry_OfAYearWithoutBoundariesNearby_IsNotFound()
    {
        using var response = await server.Client.GetAsync("api/v1/map/buurt/geometry?year=1900&detail=low", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.CacheControl?.Extensions.Select(e => e.Name).ShouldNotContain("immutable");
    }

    /// <summary>A coordinate as the compact encoding's whole number.</summary>
    private static long Whole(double coordinate, double scale) => (long)Math.Round(coordinate * scale);

    /// <summary>A GeoJSON ring as the encoding keeps it: not closed, no point twice in a row.</summary>
    private static List<(long, long)> Distinct(List<(long, long)> ring)
    {
        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1);
        }

        return [.. ring.Where((point, i) => i == 0 || point != ring[i - 1])];
    }

    private static List<(long, long)> Decode(JsonElement ring)
    {
        var numbers = ring.EnumerateArray().Select(n => n.GetInt64()).ToList();
        var points = new List<(long, long)>();
        long x = 0, y = 0;
        for (var k = 0; k + 1 < numbers.Count; k += 2)
        {
            x += numbers[k];
            y += numbers[k + 1];
            points.Add((x, y));
        }

        return points;
    }

    [Fact]
    public async Task Geometry_IsStored_SoThatASecondInstanceOnTheStoreReadsItInsteadOfSimplifying()
    {
        // Given the national buurt and gemeente boundaries at low detail, asked of the running server (which stores
        // them, as its warmer does)
        var buurten = await server.Client.GetByteArrayAsync("api/v1/map/buurt/geometry?year=2024&detail=low", Cancel);
        var gemeenten = await server.Client.GetByteArrayAsync("api/v1/map/gemeente/geometry?year=2024&detail=low", Cancel);

        // When a second instance of the app on the same store answers the same requests
        await using var app = server.CreateApp();
        await app.StartAsync(Cancel);
        using var client = new HttpClient { BaseAddress = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/") };
        var again = await client.GetByteArrayAsync("api/v1/map/buurt/geometry?year=2024&detail=low", Cancel);
        var gemeentenAgain = await client.GetByteArrayAsync("api/v1/map/gemeente/geometry?year=2024&detail=low", Cancel);

        // Then it sends the same bytes, and simplified nothing itself: it read them from the store
        again.ShouldBe(buurten);
        gemeentenAgain.ShouldBe(gemeenten);
        app.Services.GetRequiredService<MapGeometryLoader>().Simplified.ShouldBe(0);
    }
}
