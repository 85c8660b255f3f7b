using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Import.Boundaries;
using Leefkracht.Data.Import.Text;
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
    private static Geometry[] Read(string file)
    {
        var source = SourceFile.Read(TestData.Sample("boundaries/" + file));
        IImportReader reader = file.Contains(".topojson", StringComparison.Ordinal) ? new TopoJsonBoundaryReader() : new GeoJsonBoundaryReader();
        var batch = reader.Read(source, new ImportContext(CatalogDocument.Default, new AreaDirectory([]), new ImportOptions()), TestContext.Current.CancellationToken);
        return [.. batch.Boundaries.OrderBy(b => b.Area.Code).Select(b => b.Geometry)];
    }

    /// <summary>How many polygons of a coverage have an edge that does not match its neighbour's (an overlap or a gap).</summary>
    private static int Mismatched(Geometry[] coverage) => CoverageValidator.Validate(coverage).Count(g => g is not null);

    private static int Vertices(IEnumerable<Geometry> geometries) => geometries.Sum(g => g.NumPoints);

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
}
