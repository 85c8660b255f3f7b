using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// A level's simplified boundaries of one division year and detail as a stored result (docs/web.md#map-geometry):
/// with full-detail boundaries (millions of points for the national buurten) loading and simplifying them takes
/// seconds, paid once by the process that first asks; a restarted server or a second instance on the same store
/// reads these instead. The format: Brotli over a version, the boundary year, the decimals and the number of areas,
/// then per area its code, its year and its simplified geometry as WKB (the same coordinates, to the bit).
/// </summary>
internal static class StoredMapGeometry
{
    /// <summary>
    /// Part of the stored result's key and of the geometry's version: a new format is never read as an old one. It
    /// names the simplification too (the key holds no build id, so that a new build reads the stored boundaries):
    /// change it when <see cref="MapGeometryLoader.Simplify"/> would give other shapes. 2: buurten simplified as a coverage.
    /// </summary>
    public const int Format = 2;

    public static byte[] Write(MapGeometry geometry)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        using (var writer = new BinaryWriter(brotli, Encoding.UTF8))
        {
            var wkb = new WKBWriter();
            writer.Write(Format);
            writer.Write(geometry.BoundaryYear);
            writer.Write(geometry.Digits);
            writer.Write(geometry.Areas.Length);
            for (var i = 0; i < geometry.Areas.Length; i++)
            {
                writer.Write(geometry.Areas[i].Code.Value);
                writer.Write(geometry.Areas[i].Year);
                var bytes = wkb.Write(geometry.Shapes[i]);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The boundaries <see cref="Write"/> wrote, with their GeoJSON written again (<see cref="MapGeometryLoader.Write"/>).</summary>
    /// <exception cref="InvalidDataException">The content is not of this format.</exception>
    public static MapGeometry Read(byte[] content)
    {
        using var brotli = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new BinaryReader(brotli, Encoding.UTF8);
        if (reader.ReadInt32() != Format)
        {
            throw new InvalidDataException("stored map geometry of another format");
        }

        var boundaryYear = reader.ReadInt32();
        var digits = reader.ReadInt32();
        var count = reader.ReadInt32();
        var wkb = new WKBReader();
        var areas = new AreaKey[count];
        var shapes = new Geometry[count];
        for (var i = 0; i < count; i++)
        {
            var code = reader.ReadString();
            areas[i] = new AreaKey(AreaCode.Parse(code), reader.ReadInt32());
            shapes[i] = wkb.Read(reader.ReadBytes(reader.ReadInt32()));
        }

        var geometries = new ReadOnlyMemory<byte>[count];
        Parallel.For(0, count, i => geometries[i] = MapGeometryLoader.Write(shapes[i], digits));
        return new MapGeometry(boundaryYear, [.. areas], ImmutableArray.Create(geometries), [.. shapes], digits);
    }
}
