using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// The boundaries of a map layer in a compact JSON form, sent apart from the values so that the browser keeps them
/// (docs/web.md#map-geometry). Columns, in the geometry's (code) order: <c>codes</c>, <c>names</c> and
/// <c>shapes</c>; an area's shape is a list of polygons, a polygon a list of rings (the outer ring first), a ring one
/// flat list of whole numbers <c>[x0, y0, dx1, dy1, …]</c>: the coordinates times <c>scale</c> (10 to the power of the
/// detail's decimals, so nothing is lost against the GeoJSON layer), the first point as it is and every further point
/// as its difference from the one before. The ring is not closed again (its last point is not the first), and a point
/// that rounds onto the one before is left out. Differences are small numbers of one to three digits where the
/// GeoJSON layer wrote a full coordinate of up to eight characters for every point.
/// </summary>
internal static class CompactShapes
{
    /// <summary>The encoding's version, part of the geometry's ETag and URL: a new encoding is never read from a cache.</summary>
    public const int Format = 1;

    /// <summary>Writes the boundaries of <paramref name="shapes"/> with the names of their areas.</summary>
    public static byte[] Write(MapGeometry shapes, AreaLevel level, MapDetail detail, AreaIndex areas)
    {
        var digits = shapes.Digits;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("level", Dtos.LevelName(level));
            writer.WriteNumber("boundaryYear", shapes.BoundaryYear);
            writer.WriteString("detail", detail.ToString().ToLowerInvariant());
            writer.WriteNumber("scale", Math.Pow(10, digits));
            writer.WriteStartArray("codes");
            foreach (var area in shapes.Areas)
            {
                writer.WriteStringValue(area.Code.Value);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("names");
            foreach (var area in shapes.Areas)
            {
                writer.WriteStringValue(areas.NameOf(area));
            }

            writer.WriteEndArray();
            writer.WriteStartArray("shapes");
            foreach (var shape in shapes.Shapes)
            {
                writer.WriteStartArray();
                for (var i = 0; i < shape.NumGeometries; i++)
                {
                    // Collections after repair keep their polygons, as in the GeoJSON layer.
                    if (shape.GetGeometryN(i) is Polygon polygon)
                    {
                        MapGeometryLoader.WritePolygon(writer, polygon, digits, WriteRing);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }


    private static void WriteRing(Utf8JsonWriter writer, LineString ring, int digits)
    {
        var scale = Math.Pow(10, digits);
        writer.WriteStartArray();
        var coordinates = ring.Coordinates;
        // A closed ring repeats its first point at the end: the reader closes it again.
        var count = coordinates.Length > 1 && coordinates[0].Equals2D(coordinates[^1]) ? coordinates.Length - 1 : coordinates.Length;
        long lastX = 0, lastY = 0;
        for (var i = 0; i < count; i++)
        {
            // Rounded as the GeoJSON layer rounds (to the detail's decimals), then made whole: the same points.
            var x = (long)Math.Round(Math.Round(coordinates[i].X, digits) * scale);
            var y = (long)Math.Round(Math.Round(coordinates[i].Y, digits) * scale);
            if (i > 0 && x == lastX && y == lastY)
            {
                continue;
            }

            writer.WriteNumberValue(i == 0 ? x : x - lastX);
            writer.WriteNumberValue(i == 0 ? y : y - lastY);
            (lastX, lastY) = (x, y);
        }

        writer.WriteEndArray();
    }
}
