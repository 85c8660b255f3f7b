using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Import.Boundaries;
using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;
using Leefkracht.Web.Monitor;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The map's boundaries, simplified per detail as a coverage (docs/web.md#map-geometry), on real boundary files of the
/// sample read as an import reads them: every area kept, each within the tolerance of its stored shape, and neighbours
/// still meeting without gaps or overlaps where the stored boundaries do.
/// </summary>
public sealed class MapGeometryTests
{
    /// <summary>The stored polygons of a sample boundary file, in code order.</summary>
    private static Geometry[] Read(string file) => [.. Records(file).Select(b => b.Geometry)];

    /// <summary>The boundaries of a sample boundary file as an import stores them, in code order.</summary>
    private static BoundaryRecord[] Records(string file)
    {
        var source = SourceFile.Read(TestData.Sample("boundaries/" + file));
        IImportReader reader = file.Contains(".topojson", StringComparison.Ordinal) ? new TopoJsonBoundaryReader() : new GeoJsonBoundaryReader();
        var batch = reader.Read(source, new ImportContext(CatalogDocument.Default, new AreaDirectory([]), new ImportOptions()), TestContext.Current.CancellationToken);
        return [.. batch.Boundaries.OrderBy(b => b.Area.Code)];
    }

    /// <summary>How many polygons of a coverage have an edge that does not match its neighbour's (an overlap or a gap).</summary>
    private static int Mismatched(Geometry[] coverage) => CoverageValidator.Validate(coverage).Count(g => g is not null);

    private static int Vertices(IEnumerable<Geometry> geometries) => geometries.Sum(g => g.NumPoints);

    [Theory]
    [InlineData("cbs_wijk_2014_wgs84_q1e4_with_labels.topojson.gz")]
    [InlineData("cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz")]
    [InlineData("cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz")]
    [InlineData("cbs_buurt_2024_approx_wgs84.geojson.gz")]
    public void SharedSegmentShare_TellsACoverage_FromPolygonsThatShareNoEdge(string file)
    {
        // Given real boundaries (the approximate 2024 buurten share their edges within a gemeente, not between
        // gemeenten: data/sample/ATTRIBUTION.md), and the same polygons each moved by its own few millimetres
        var stored = Read(file);
        Geometry[] apart = [.. stored.Select((g, i) => NetTopologySuite.Geometries.Utilities.AffineTransformation.TranslationInstance((i + 1) * 1e-8, 0).Transform(g))];

        // When the share of segments a neighbour has too is counted
        var share = MapGeometryLoader.SharedSegmentShare(stored);
        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {share:F3}");

        // Then the real boundaries are a coverage and are simplified as one; the moved ones share nothing and are
        // simplified each on its own
        share.ShouldBeGreaterThanOrEqualTo(MapGeometryLoader.CoverageShare);
        MapGeometryLoader.SharedSegmentShare(apart).ShouldBe(0);
        var tolerance = MapGeometryLoader.ToleranceOf(MapDetail.Low);
        MapGeometryLoader.SimplifyCoverage(apart, tolerance).Select(g => g.NumPoints).ShouldBe(MapGeometryLoader.SimplifyEach(apart, tolerance).Select(g => g.NumPoints));
    }

    [Theory]
    [InlineData("cbs_wijk_2014_wgs84_q1e4_with_labels.topojson.gz", MapDetail.Low)]
    [InlineData("cbs_wijk_2014_wgs84_q1e4_with_labels.topojson.gz", MapDetail.Medium)]
    [InlineData("cbs_wijk_2014_wgs84_q1e4_with_labels.topojson.gz", MapDetail.High)]
    [InlineData("cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz", MapDetail.Low)]
    [InlineData("cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz", MapDetail.Medium)]
    public void SimplifiedBoundaries_KeepEveryArea_StayNearTheirSource_AndNeighboursStillMeet(string file, MapDetail detail)
    {
        // Given the stored boundaries of a real file, neighbours sharing their edges
        var stored = Read(file);
        stored.Length.ShouldBeGreaterThan(300);
        var tolerance = MapGeometryLoader.ToleranceOf(detail);

        // When they are simplified for the map
        var simplified = MapGeometryLoader.SimplifyCoverage(stored, tolerance);

        // Then every area keeps a valid polygon with fewer points, and every point of its stored shape lies within
        // twice the tolerance of the simplified one, but for islands too small to see at the detail (smaller than ten
        // squares of the tolerance's side: 0.9 km² at low detail), which the simplification leaves out as Douglas-Peucker did
        simplified.Length.ShouldBe(stored.Length);
        simplified.ShouldAllBe(g => (g is Polygon || g is MultiPolygon) && !g.IsEmpty && g.IsValid);
        Vertices(simplified).ShouldBeLessThan(Vertices(stored));
        var outside = stored.Select((g, i) => g.Difference(simplified[i].Buffer(2 * tolerance))).ToArray();
        outside.SelectMany(g => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN)).ShouldAllBe(part => part.Area < 10 * tolerance * tolerance);

        // And the edges neighbours shared stay shared: no more mismatched polygons than the stored ones had, where
        // simplifying each polygon on its own (Douglas-Peucker, as before) opens gaps and overlaps between them
        var before = Mismatched(stored);
        Mismatched(simplified).ShouldBeLessThanOrEqualTo(before);
        var alone = stored.Select(g => DouglasPeuckerSimplifier.Simplify(g, tolerance)).ToArray();
        Mismatched(alone).ShouldBeGreaterThan(before + (stored.Length / 10));
    }

    [Fact]
    public void Full_IsTheStoredShape()
    {
        var stored = Read("cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz");

        MapGeometryLoader.SimplifyCoverage(stored, MapGeometryLoader.ToleranceOf(MapDetail.Full)).ShouldBe(stored);
    }

    [Fact]
    public void StoredBoundaries_ReadBackAsWritten_PointForPoint()
    {
        // Given the real gemeenten of 2022 simplified for the map at medium detail
        var records = Records("cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz");
        var detail = MapDetail.Medium;
        var digits = MapGeometryLoader.DigitsOf(detail);
        var shapes = MapGeometryLoader.SimplifyCoverage([.. records.Select(r => r.Geometry)], MapGeometryLoader.ToleranceOf(detail));
        var geometry = new MapGeometry(2022, [.. records.Select(r => r.Area)], [.. shapes.Select(g => MapGeometryLoader.Write(g, digits))], [.. shapes], digits);

        // When they are stored and read back
        var content = StoredMapGeometry.Write(geometry);
        var read = StoredMapGeometry.Read(content);

        // Then every area comes back with the same code, year and polygons, coordinate for coordinate, and the same GeoJSON
        read.BoundaryYear.ShouldBe(2022);
        read.Digits.ShouldBe(digits);
        read.Areas.ShouldBe(geometry.Areas);
        for (var i = 0; i < shapes.Length; i++)
        {
            read.Shapes[i].EqualsExact(shapes[i]).ShouldBeTrue(records[i].Area.Code.Value);
            read.Geometries[i].ToArray().ShouldBe(geometry.Geometries[i].ToArray());
        }

        // And a content of another format is refused rather than misread
        content[0] ^= 0xFF;
        Should.Throw<Exception>(() => StoredMapGeometry.Read(content));
    }

    [Fact]
    public void SimplifyEach_ASmallDetailedBuurt_IsSimplifiedAtAFinerTolerance_NotKeptWhole()
    {
        // Given the largest of the sample's 2024 buurten that the national detail's tolerance simplifies to nothing, at
        // full detail: a point every 7–11 m of its boundary, about what real full-detail boundaries have
        // (bench/web/detailed_boundaries.py)
        var tolerance = MapGeometryLoader.ToleranceOf(MapDetail.Low);
        var small = Read("cbs_buurt_2024_approx_wgs84.geojson.gz").Where(g => DouglasPeuckerSimplifier.Simplify(g, tolerance).IsEmpty).MaxBy(g => g.Length)!;
        var detailed = NetTopologySuite.Densify.Densifier.Densify(small, 0.0001);
        DouglasPeuckerSimplifier.Simplify(detailed, tolerance).IsEmpty.ShouldBeTrue();
        detailed.NumPoints.ShouldBeGreaterThan(4 * small.NumPoints);

        // When the buurten are simplified one by one for the national map
        var simplified = MapGeometryLoader.SimplifyEach([detailed], tolerance).Single();

        // Then it keeps a polygon, with far fewer points than its detailed shape, that stays within the tolerance of it
        simplified.IsEmpty.ShouldBeFalse();
        simplified.NumPoints.ShouldBeLessThan(detailed.NumPoints / 4);
        new NetTopologySuite.Algorithm.Distance.DiscreteHausdorffDistance(detailed, simplified).Distance().ShouldBeLessThanOrEqualTo(tolerance);
    }
}
