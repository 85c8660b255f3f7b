using BenchmarkDotNet.Attributes;
using Leefkracht.Core.Geography;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Import.Boundaries;
using Leefkracht.Data.Import.Text;

namespace Leefkracht.Benchmarks;

/// <summary>Reading boundaries: the 13,748 approximate buurt polygons of 2024 (WGS84) and the 2,982 wijken of 2016 in RD New.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class BoundaryBenchmarks
{
    private SourceFile _buurten2024 = null!;
    private SourceFile _wijken2016Rd = null!;
    private ImportContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _buurten2024 = SourceFile.Read(Sample.File("boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz"));
        _wijken2016Rd = SourceFile.Read(Sample.File("boundaries/cbs_wijk_2016_nl_rd.geojson.gz"));
        _context = new ImportContext(CatalogDocument.Default, new AreaDirectory([]), new ImportOptions());
    }

    [Benchmark(Description = "read 13,748 buurt polygons 2024 (GeoJSON, WGS84, validated)")]
    public int ReadBuurten2024() => new GeoJsonBoundaryReader().Read(_buurten2024, _context, CancellationToken.None).Boundaries.Count;

    [Benchmark(Description = "read 2,982 wijk polygons 2016 (GeoJSON, RD New → WGS84, validated)")]
    public int ReadWijken2016Rd() => new GeoJsonBoundaryReader().Read(_wijken2016Rd, _context, CancellationToken.None).Boundaries.Count;

    [Benchmark(Description = "RD New → WGS84, one point")]
    public double RdToWgs84() => RdNew.ToWgs84(155000, 463000).Latitude;
}
