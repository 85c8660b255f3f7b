using System.Text.Json;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// The one GeoJSON writer (RFC 7946) of the web app, used by the map layers and the GeoJSON export: a
/// FeatureCollection of a <see cref="MapGeometry"/>'s areas, each feature with the area code as its <c>id</c>, the
/// properties its caller writes and the geometry as <see cref="MapGeometryLoader"/> serialised it (copied, not parsed:
/// a national buurt layer is tens of megabytes).
/// </summary>
internal static class GeoJsonWriter
{
    /// <summary>Writes the areas that <paramref name="include"/> accepts, in the geometry's (code) order.</summary>
    /// <param name="shapes">The boundaries.</param>
    /// <param name="include">Whether an area is a feature.</param>
    /// <param name="properties">Writes an area's <c>properties</c> value (a JSON object).</param>
    /// <param name="foreignMembers">Writes members of the collection besides <c>type</c> and <c>features</c> (such as a legend), or null.</param>
    public static byte[] FeatureCollection(MapGeometry shapes, Func<AreaKey, bool> include, Action<Utf8JsonWriter, AreaKey> properties, Action<Utf8JsonWriter>? foreignMembers = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            foreignMembers?.Invoke(writer);
            writer.WriteStartArray("features");
            for (var i = 0; i < shapes.Areas.Length; i++)
            {
                var area = shapes.Areas[i];
                if (!include(area))
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteString("id", area.Code.Value);
                writer.WritePropertyName("properties");
                properties(writer, area);
                writer.WritePropertyName("geometry");
                writer.WriteRawValue(shapes.Geometries[i].Span, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
