using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Spatial;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Leefkracht.Web.Monitor;

/// <summary>How much geometry a map layer carries: coarse for the whole country, finer when zoomed in.</summary>
public enum MapDetail
{
    /// <summary>About 250 m tolerance: the national view.</summary>
    Low,

    /// <summary>About 60 m: a province or a large gemeente.</summary>
    Medium,

    /// <summary>About 15 m: a gemeente.</summary>
    High,

    /// <summary>The stored polygons.</summary>
    Full,
}

/// <summary>The polygons of one level and boundary year, simplified for one detail and written as GeoJSON once.</summary>
/// <param name="BoundaryYear">The division year of the boundaries.</param>
/// <param name="Areas">The areas, in code order.</param>
/// <param name="Geometries">Each area's GeoJSON geometry object, UTF-8, ready to copy into a response.</param>
/// <param name="Shapes">Each area's simplified polygons, for the compact encoding (<see cref="CompactShapes"/>).</param>
/// <param name="Digits">The decimals the coordinates are rounded to (<see cref="MapGeometryLoader.DigitsOf"/>).</param>
internal sealed record MapGeometry(int BoundaryYear, ImmutableArray<AreaKey> Areas, ImmutableArray<ReadOnlyMemory<byte>> Geometries, ImmutableArray<Geometry> Shapes, int Digits);

/// <summary>
/// Loads, simplifies and serialises boundaries: remembered per level, year and detail, and stored per level, division
/// year and detail (<see cref="StoredMapGeometry"/>) so that only the first process after an import of boundaries
/// loads and simplifies them.
/// </summary>
internal sealed class MapGeometryLoader(DashboardMonitor dashboard)
{
    /// <summary>The stored result's kind (<see cref="StoredResultKey.Kind"/>).</summary>
    public const string StoredKind = "map-geometry";

    /// <summary>How many boundary sets this loader simplified instead of reading them from the store (for tests).</summary>
    public int Simplified => _simplified;

    private int _simplified;

    public Task<MapGeometry?> LoadAsync(AreaLevel level, int year, MapDetail detail) =>
        dashboard.RememberAsync(DashboardMonitor.Key("geometry", (int)level, year, (int)detail), async () =>
        {
            for (var distance = 0; distance <= SpatialDataService.MaxYearDistance; distance++)
            {
                foreach (var candidate in distance == 0 ? [year] : new[] { year + distance, year - distance })
                {
                    if (await LoadStoredOrSimplifyAsync(level, candidate, detail).ConfigureAwait(false) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        });

    /// <summary>
    /// The boundaries of one division year from the store's results, or else loaded, simplified and stored; null
    /// when the store has none of that level and year. Keyed by the version of that year's boundaries and the
    /// program's build (which holds the simplification); computing takes the store's turn for the key, so of two
    /// instances starting on one database only one simplifies.
    /// </summary>
    private async Task<MapGeometry?> LoadStoredOrSimplifyAsync(AreaLevel level, int boundaryYear, MapDetail detail)
    {
        var store = dashboard.Store;
        var version = await store.DataVersionAsync([DataScopes.Boundaries(boundaryYear)]).ConfigureAwait(false);
        var key = new StoredResultKey(
            StoredKind,
            string.Create(CultureInfo.InvariantCulture, $"{StoredMapGeometry.Format}:{Dtos.LevelName(level)}:{boundaryYear}:{detail}:{HttpCaching.BuildId}"),
            version);
        if (await store.LoadResultAsync(key).ConfigureAwait(false) is { } stored)
        {
            return StoredMapGeometry.Read(stored);
        }

        var turn = await store.TakeResultTurnAsync(key).ConfigureAwait(false);
        await using (turn.ConfigureAwait(false))
        {
            if (await store.LoadResultAsync(key).ConfigureAwait(false) is { } storedMeanwhile)
            {
                return StoredMapGeometry.Read(storedMeanwhile);
            }

            var records = await store.LoadBoundariesAsync(level, boundaryYear).ConfigureAwait(false);
            if (records.Count == 0)
            {
                return null;
            }

            var geometry = Simplify(records, level, boundaryYear, detail);
            Interlocked.Increment(ref _simplified);
            await store.SaveResultAsync(key, StoredMapGeometry.Write(geometry)).ConfigureAwait(false);
            return geometry;
        }
    }

    private static MapGeometry Simplify(IReadOnlyList<BoundaryRecord> records, AreaLevel level, int boundaryYear, MapDetail detail)
    {
        var ordered = records.OrderBy(r => r.Area.Code).ToArray();
        var geometries = new ReadOnlyMemory<byte>[ordered.Length];
        var polygons = ordered.Select(r => r.Geometry).ToArray();
        var simplified = level == AreaLevel.Buurt
            ? SimplifyEach(polygons, ToleranceOf(detail))
            : SimplifyCoverage(polygons, ToleranceOf(detail));
        var digits = DigitsOf(detail);
        Parallel.For(0, ordered.Length, i => geometries[i] = Write(simplified[i], digits));
        return new MapGeometry(boundaryYear, [.. ordered.Select(r => r.Area)], [.. geometries], [.. simplified], digits);
    }

    /// <summary>Tolerance in degrees (WGS84): 0.001° is about 70 m east-west and 110 m north-south here.</summary>
    public static double ToleranceOf(MapDetail detail) => detail switch
    {
        MapDetail.Low => 0.0035,
        MapDetail.Medium => 0.0009,
        MapDetail.High => 0.0002,
        _ => 0,
    };

    /// <summary>Decimals of the coordinates: a tenth of the tolerance or better (5 decimals are about a metre).</summary>
    public static int DigitsOf(MapDetail detail) => detail switch
    {
        MapDetail.Low => 3,
        MapDetail.Medium => 4,
        _ => 5,
    };

    /// <summary>The simplification tolerance of the coverage simplifier per unit of a detail's tolerance.</summary>
    public const double VisvalingamFactor = 2;

    /// <summary>
    /// Simplifies the polygons of one level and year together, as a coverage (<see cref="CoverageSimplifier"/>,
    /// Visvalingam-Whyatt on the edges the polygons share): an edge two neighbours share is simplified once, the same
    /// for both, so no gaps or overlaps (slivers) open between them, as they did when each polygon was simplified on
    /// its own. Where the boundaries are not a clean coverage (neighbours that do not share their vertices), each
    /// edge is still simplified within the tolerance. A polygon the simplification would empty keeps its stored shape.
    /// </summary>
    /// <param name="coverage">The polygons, in any order; the result has the same order.</param>
    /// <param name="tolerance">Degrees; 0 returns the polygons as they are.</param>
    public static Geometry[] SimplifyCoverage(Geometry[] coverage, double tolerance)
    {
        if (tolerance <= 0)
        {
            return coverage;
        }

        Geometry[] simplified;
        try
        {
            // Visvalingam-Whyatt weighs a point by the area of the triangle it makes with its neighbours (against the
            // square of the tolerance), so at one tolerance it keeps more points than Douglas-Peucker's distance; twice
            // the tolerance removes about as many, and still keeps every edge within twice the tolerance of its stored
            // course (MapGeometryTests).
            simplified = CoverageSimplifier.Simplify(coverage, VisvalingamFactor * tolerance);
        }
        catch (Exception e) when (e is TopologyException or ArgumentException or InvalidOperationException)
        {
            // Boundaries the coverage noder cannot take apart: each polygon on its own, as before.
            simplified = SimplifyEach(coverage, tolerance);
        }

        for (var i = 0; i < simplified.Length; i++)
        {
            if (simplified[i] is null || simplified[i].IsEmpty)
            {
                simplified[i] = coverage[i];
            }
        }

        return simplified;
    }

    /// <summary>
    /// Simplifies each polygon on its own (Douglas-Peucker). Used for buurten: on the national buurt layer the coverage
    /// simplifier took five times as long (8.7 s instead of 1.8 s at low detail, once per process and data version,
    /// while the first visitor waits) and gained nothing on the sample's approximate 2024 buurten, whose neighbours do
    /// not share their edges. With real, shared-edge buurt boundaries this brings back small slivers when zoomed out;
    /// simplified geometry stored per data version (like the results) would let buurten use the coverage too.
    /// </summary>
    /// <remarks>
    /// A polygon smaller than the tolerance simplifies to nothing; it is simplified again at a quarter of the tolerance,
    /// then a sixteenth, and keeps its stored shape only if that empties it too. With full-detail boundaries (hundreds
    /// of points a buurt) keeping the stored shape of every small buurt made the national layer at low detail four
    /// times its size (docs/benchmarks.md, "Map: one canvas for every area").
    /// </remarks>
    public static Geometry[] SimplifyEach(Geometry[] polygons, double tolerance) =>
        tolerance <= 0 ? polygons : [.. polygons.Select(g => SimplifyOne(g, tolerance))];

    private static Geometry SimplifyOne(Geometry polygon, double tolerance)
    {
        for (var t = tolerance; t >= tolerance / 16; t /= 4)
        {
            if (DouglasPeuckerSimplifier.Simplify(polygon, t) is { IsEmpty: false } simplified)
            {
                return simplified;
            }
        }

        return polygon;
    }

    /// <summary>An area's geometry as a GeoJSON geometry object, its coordinates rounded to <paramref name="digits"/> decimals.</summary>
    internal static ReadOnlyMemory<byte> Write(Geometry geometry, int digits)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (geometry)
            {
                case Polygon polygon:
                    writer.WriteString("type", "Polygon");
                    writer.WritePropertyName("coordinates");
                    WritePolygon(writer, polygon, digits);
                    break;
                case MultiPolygon multi:
                    writer.WriteString("type", "MultiPolygon");
                    writer.WritePropertyName("coordinates");
                    writer.WriteStartArray();
                    foreach (var part in multi.Geometries.OfType<Polygon>())
                    {
                        WritePolygon(writer, part, digits);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    // Collections after repair: keep their polygons.
                    writer.WriteString("type", "MultiPolygon");
                    writer.WritePropertyName("coordinates");
                    writer.WriteStartArray();
                    for (var i = 0; i < geometry.NumGeometries; i++)
                    {
                        if (geometry.GetGeometryN(i) is Polygon p)
                        {
                            WritePolygon(writer, p, digits);
                        }
                    }

                    writer.WriteEndArray();
                    break;
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon, int digits) => WritePolygon(writer, polygon, digits, WriteRing);

    /// <summary>A polygon as an array of rings, the exterior first, each ring written by <paramref name="writeRing"/> (GeoJSON's or <see cref="CompactShapes"/>' encoding).</summary>
    internal static void WritePolygon(Utf8JsonWriter writer, Polygon polygon, int digits, Action<Utf8JsonWriter, LineString, int> writeRing)
    {
        writer.WriteStartArray();
        writeRing(writer, polygon.ExteriorRing, digits);
        foreach (var hole in polygon.InteriorRings)
        {
            writeRing(writer, hole, digits);
        }

        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, LineString ring, int digits)
    {
        writer.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(c.X, digits));
            writer.WriteNumberValue(Math.Round(c.Y, digits));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
