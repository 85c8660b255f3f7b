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
/// year and detail (<see cref="MapGeometryResults"/>) so that only the process that imported boundaries (or, on a store
/// filled otherwise, the first process that asks) loads and simplifies them.
/// </summary>
internal sealed class MapGeometryLoader(DashboardMonitor dashboard)
{
    /// <summary>How many boundary sets this loader simplified instead of reading them from the store (for tests).</summary>
    public int Simplified => _simplified;

    private int _simplified;

    public Task<MapGeometry?> LoadAsync(AreaLevel level, int year, MapDetail detail) =>
        dashboard.RememberAsync(DashboardMonitor.Key("geometry", (int)level, year, (int)detail), async () =>
        {
            var (geometry, simplified) = await MapGeometryResults.NearestAsync(dashboard.Store, level, year, detail).ConfigureAwait(false);
            if (simplified)
            {
                Interlocked.Increment(ref _simplified);
            }

            return geometry;
        });

    /// <summary>The boundaries of one level and division year simplified for one detail, as a coverage (<see cref="SimplifyCoverage"/>), in code order.</summary>
    internal static MapGeometry Simplify(IReadOnlyList<BoundaryRecord> records, int boundaryYear, MapDetail detail)
    {
        var ordered = records.OrderBy(r => r.Area.Code).ToArray();
        var geometries = new ReadOnlyMemory<byte>[ordered.Length];
        // At the national detail a buurt is a pixel or two across: the gaps that simplifying each polygon on its own can
        // open stay under a pixel there, while the coverage simplifier takes 5-7 times as long on the ~13,000 buurten
        // (docs/benchmarks.md, "Map boundaries stored by the import, buurten as a coverage"), which a fresh server on a store without
        // stored results pays in its warm-up, beside its first map. Closer in (medium, high) the coverage keeps edges shared.
        Geometry[] shapes = [.. ordered.Select(r => r.Geometry)];
        var simplified = detail == MapDetail.Low && ordered.Length > 0 && ordered[0].Area.Code.Level == AreaLevel.Buurt
            ? SimplifyEach(shapes, ToleranceOf(detail))
            : SimplifyCoverage(shapes, ToleranceOf(detail));
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
    /// its own. Boundaries that are not a coverage (<see cref="SharedSegmentShare"/> under
    /// <see cref="CoverageShare"/>: neighbours that do not share their vertices) are simplified each on its own
    /// (<see cref="SimplifyEach"/>): the coverage simplifier would find no shared edge to keep, and keeps more points
    /// (every end of a shared stretch is a node it cannot drop). A polygon the simplification would empty keeps its
    /// stored shape.
    /// </summary>
    /// <param name="coverage">The polygons, in any order; the result has the same order.</param>
    /// <param name="tolerance">Degrees; 0 returns the polygons as they are.</param>
    public static Geometry[] SimplifyCoverage(Geometry[] coverage, double tolerance)
    {
        if (tolerance <= 0)
        {
            return coverage;
        }

        if (SharedSegmentShare(coverage) < CoverageShare)
        {
            return SimplifyEach(coverage, tolerance);
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
    /// The least <see cref="SharedSegmentShare"/> of boundaries simplified as a coverage. A clean coverage shares
    /// every segment but those of its outer border; the sample's approximate 2024 buurten share 0.535 (their edges
    /// within a gemeente, not between gemeenten); boundaries whose polygons were each simplified or densified on their
    /// own (bench/web/detailed_boundaries.py) share almost none.
    /// </summary>
    public const double CoverageShare = 0.25;

    /// <summary>
    /// The share of the polygons' boundary segments that another ring has too (the same two points, in either
    /// direction): how much of the boundaries is a coverage, counted in a hash set (tens of milliseconds for the
    /// national buurten, against seconds for <see cref="CoverageValidator"/>).
    /// </summary>
    public static double SharedSegmentShare(IReadOnlyList<Geometry> polygons)
    {
        var counts = new Dictionary<(double, double, double, double), int>();
        var total = 0;
        foreach (var polygon in polygons)
        {
            for (var part = 0; part < polygon.NumGeometries; part++)
            {
                if (polygon.GetGeometryN(part) is not Polygon p)
                {
                    continue;
                }

                foreach (var ring in p.InteriorRings.Prepend(p.ExteriorRing))
                {
                    var points = ring.CoordinateSequence;
                    for (var i = 1; i < points.Count; i++)
                    {
                        var (ax, ay, bx, by) = (points.GetX(i - 1), points.GetY(i - 1), points.GetX(i), points.GetY(i));
                        if (ax == bx && ay == by)
                        {
                            continue;
                        }

                        // The same segment walked the other way by the neighbour: one key for both directions.
                        var key = ax < bx || (ax == bx && ay < by) ? (ax, ay, bx, by) : (bx, by, ax, ay);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                        total++;
                    }
                }
            }
        }

        return total == 0 ? 0 : (double)counts.Values.Where(c => c > 1).Sum() / total;
    }

    /// <summary>
    /// Simplifies each polygon on its own (Douglas-Peucker): what <see cref="SimplifyCoverage"/> does with boundaries
    /// that are not a coverage, and where the coverage noder cannot take the boundaries apart. Buurten were simplified this way while the first visitor
    /// waited for it (the coverage took five times as long); since the geometry is stored by the import
    /// (<see cref="MapGeometryResults"/>) buurten that are a coverage are simplified as one too, without the slivers
    /// this opens between neighbours.
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


/// <summary>
/// The map's simplified boundaries as stored results (<see cref="StoredMapGeometry"/>), per level, division year and
/// detail, keyed by the stored format (which names the simplification) and the version of that division year's
/// boundaries, so that a new build of the program reads them as long as neither changed, and an import of boundaries
/// invalidates exactly its division year. <see cref="StoreAsync"/> is the step of <c>import</c>, <c>demo</c> and
/// <c>fetch</c> that computes them before a server asks.
/// </summary>
public static class MapGeometryResults
{
    /// <summary>The stored result's kind (<see cref="StoredResultKey.Kind"/>).</summary>
    public const string StoredKind = "map-geometry";

    /// <summary>The levels the map page shows.</summary>
    public static IReadOnlyList<AreaLevel> Levels { get; } = [AreaLevel.Gemeente, AreaLevel.Wijk, AreaLevel.Buurt];

    /// <summary>
    /// The details stored ahead: the national view's (low), a province's or a zoomed-out gemeente's (medium) and a
    /// gemeente's (high). Full detail is the stored polygons themselves, read as fast from the boundaries as from a copy.
    /// </summary>
    public static IReadOnlyList<MapDetail> StoredDetails { get; } = [MapDetail.Low, MapDetail.Medium, MapDetail.High];

    /// <summary>
    /// Computes and stores the boundaries the map page asks for of <paramref name="year"/> (each level's nearest
    /// division year at each of <see cref="StoredDetails"/>), unless they are stored for the current boundaries
    /// already (then they are only looked up). Returns how many boundary sets it simplified.
    /// </summary>
    /// <param name="store">The store just imported into.</param>
    /// <param name="year">The year the dashboard shows first (<see cref="Leefkracht.Monitor.Monitoring.DefaultResults.StoreAsync"/>'s).</param>
    /// <param name="cancellationToken">Cancels between boundary sets.</param>
    public static async Task<int> StoreAsync(IMonitorStore store, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var simplified = 0;
        foreach (var level in Levels)
        {
            foreach (var detail in StoredDetails)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if ((await NearestAsync(store, level, year, detail, loadStored: false).ConfigureAwait(false)).Simplified)
                {
                    simplified++;
                }
            }
        }

        return simplified;
    }

    /// <summary>
    /// The boundaries of a level for <paramref name="year"/>: those of the nearest division year within
    /// <see cref="SpatialDataService.MaxYearDistance"/> that the store has (the later one first at equal distance),
    /// stored or simplified and stored; null when there are none. <c>Simplified</c> tells whether they were computed.
    /// With <c>loadStored</c> false the caller only needs them stored: a stored set is then not decoded (and null).
    /// </summary>
    internal static async Task<(MapGeometry? Geometry, bool Simplified)> NearestAsync(IMonitorStore store, AreaLevel level, int year, MapDetail detail, bool loadStored = true)
    {
        for (var distance = 0; distance <= SpatialDataService.MaxYearDistance; distance++)
        {
            foreach (var candidate in distance == 0 ? [year] : new[] { year + distance, year - distance })
            {
                var found = await StoredOrSimplifiedAsync(store, level, candidate, detail, loadStored).ConfigureAwait(false);
                if (found.Exists)
                {
                    return (found.Geometry, found.Simplified);
                }
            }
        }

        return (null, false);
    }

    /// <summary>The stored result's key of a level's boundaries of one division year at one detail, for the given boundaries' version.</summary>
    internal static StoredResultKey KeyOf(AreaLevel level, int boundaryYear, MapDetail detail, string boundariesVersion) =>
        new(StoredKind, string.Create(CultureInfo.InvariantCulture, $"{StoredMapGeometry.Format}:{Dtos.LevelName(level)}:{boundaryYear}:{detail}"), boundariesVersion);

    /// <summary>
    /// The boundaries of one division year from the store's results, or else loaded, simplified and stored. Keyed by
    /// the version of that year's boundaries and the stored format; computing takes the store's turn for the key, so
    /// of two instances starting on one database only one simplifies.
    /// </summary>
    private static async Task<(bool Exists, MapGeometry? Geometry, bool Simplified)> StoredOrSimplifiedAsync(IMonitorStore store, AreaLevel level, int boundaryYear, MapDetail detail, bool loadStored)
    {
        var version = await store.DataVersionAsync([DataScopes.Boundaries(boundaryYear)]).ConfigureAwait(false);
        var key = KeyOf(level, boundaryYear, detail, version);
        if (await StoredAsync(store, key, loadStored).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var turn = await store.TakeResultTurnAsync(key).ConfigureAwait(false);
        await using (turn.ConfigureAwait(false))
        {
            if (await StoredAsync(store, key, loadStored).ConfigureAwait(false) is { } storedMeanwhile)
            {
                return storedMeanwhile;
            }

            var records = await store.LoadBoundariesAsync(level, boundaryYear).ConfigureAwait(false);
            if (records.Count == 0)
            {
                return (false, null, false);
            }

            var geometry = MapGeometryLoader.Simplify(records, boundaryYear, detail);
            await store.SaveResultAsync(key, StoredMapGeometry.Write(geometry)).ConfigureAwait(false);
            return (true, geometry, true);
        }
    }

    private static async Task<(bool Exists, MapGeometry? Geometry, bool Simplified)?> StoredAsync(IMonitorStore store, StoredResultKey key, bool load)
    {
        // Only stored ahead (load false), the content is not decoded.
        return await store.LoadResultAsync(key).ConfigureAwait(false) is { } content ? (true, load ? StoredMapGeometry.Read(content) : null, false) : null;
    }
}
