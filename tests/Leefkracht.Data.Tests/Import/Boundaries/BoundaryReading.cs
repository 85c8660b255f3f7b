using System.Collections.Concurrent;
using System.Text;
using Leefkracht.Core.Geography;
using Leefkracht.Data.Import.Boundaries;
using NetTopologySuite.Geometries;

namespace Leefkracht.Data.Tests.Import.Boundaries;

/// <summary>Reads boundary files for tests: the real samples (each read once per test run) and small literals.</summary>
internal static class BoundaryReading
{
    /// <summary>A box around the Netherlands with its 12-mile zone (WGS84).</summary>
    public static readonly Envelope Netherlands = new(3.2, 7.3, 50.7, 53.7);

    private static readonly ConcurrentDictionary<string, Lazy<ImportBatch>> Samples = new();

    /// <summary>The batch read from a sample in <c>data/sample/boundaries/</c>, without options.</summary>
    public static ImportBatch Sample(string fileName) =>
        Samples.GetOrAdd(fileName, name => new Lazy<ImportBatch>(() => Read(SourceFile.Read(TestData.Sample("boundaries/" + name))))).Value;

    /// <summary>Reads a file with the reader its extension asks for.</summary>
    public static ImportBatch Read(SourceFile file, int? year = null)
    {
        IImportReader reader = file.Name.Contains(".topojson", StringComparison.Ordinal) ? new TopoJsonBoundaryReader() : new GeoJsonBoundaryReader();
        return reader.Read(file, Context(year), TestContext.Current.CancellationToken);
    }

    /// <summary>Reads JSON text as if it were a file with the given name.</summary>
    public static ImportBatch ReadText(string json, string fileName = "buurten_2024.geojson", int? year = null) =>
        Read(SourceFile.FromBytes(fileName, Encoding.UTF8.GetBytes(json)), year);

    /// <summary>A FeatureCollection of the given features.</summary>
    public static string Collection(params string[] features) =>
        $$$"""{"type":"FeatureCollection","features":[{{{string.Join(",\n", features)}}}]}""";

    /// <summary>A feature with a <c>statcode</c> and <c>statnaam</c> and the given geometry coordinates.</summary>
    public static string Feature(string code, string coordinates, string type = "Polygon") =>
        $$$"""{"type":"Feature","properties":{"statcode":"{{{code}}}","statnaam":"Test {{{code}}}"},"geometry":{"type":"{{{type}}}","coordinates":{{{coordinates}}}}}""";

    /// <summary>A valid square of about 700 × 1100 m near Amersfoort, counter-clockwise.</summary>
    public const string Square = "[[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.16],[5.38,52.15]]]";

    /// <summary>The issue texts, one per line, for readable failure messages.</summary>
    public static string[] Texts(this ImportBatch batch) => [.. batch.Issues.Issues.Select(i => i.ToString())];

    /// <summary>The texts of issues of one severity.</summary>
    public static string[] Texts(this ImportBatch batch, IssueSeverity severity) =>
        [.. batch.Issues.Issues.Where(i => i.Severity == severity).Select(i => i.ToString())];

    /// <summary>Checks what every boundary must be: a valid, non-empty WGS84 (multi)polygon inside the Netherlands.</summary>
    public static void ShouldAllBeValidInTheNetherlands(this ImportBatch batch)
    {
        var wrong = batch.Boundaries
            .Where(b => b.Geometry is not (Polygon or MultiPolygon) || b.Geometry.IsEmpty || !b.Geometry.IsValid
                || b.Geometry.SRID != RdNew.Wgs84Srid || !Netherlands.Contains(b.Geometry.EnvelopeInternal))
            .Select(b => $"{b.Area}: {b.Geometry.GeometryType} valid={b.Geometry.IsValid} {b.Geometry.EnvelopeInternal}")
            .Take(5)
            .ToList();
        wrong.ShouldBeEmpty();
    }

    private static ImportContext Context(int? year) =>
        new(CatalogDocument.Default, new AreaDirectory([]), new ImportOptions { Year = year });
}
