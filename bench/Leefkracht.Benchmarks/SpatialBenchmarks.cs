using BenchmarkDotNet.Attributes;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Spatial;
using Leefkracht.Monitor.Spatial;
using NetTopologySuite.Geometries;

namespace Leefkracht.Benchmarks;

/// <summary>
/// Spatial weights and statistics on the national buurt set: the 12,116 buurten of 2024 with a share of owner-occupied
/// dwellings (approximate polygons in RD New), as in <c>bench/spatial/compare-spdep.sh</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SpatialBenchmarks
{
    private string _folder = string.Empty;
    private IReadOnlyList<Geometry> _polygons = [];
    private Coordinate[] _centroids = [];
    private double[] _values = [];
    private SpatialWeights _queen = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Sample.NewFolder();
        var store = Sample.ImportedStore(Path.Combine(_folder, "spatial.db"), "boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz", "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz");
        var data = new SpatialDataService(store).LoadIndicatorAsync("dwellings_owner_occupied_pct", AreaLevel.Buurt, 2024, []).GetAwaiter().GetResult()!;
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _polygons = data.Layer.Polygons;
        _centroids = [.. _polygons.Select(p => p.Centroid.Coordinate)];
        _values = data.Values;
        _queen = Contiguity.Queen(_polygons, 5).RowStandardised();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "queen contiguity, snap 5 m (spdep vertex rule)")]
    public int Queen() => Contiguity.Queen(_polygons, 5).LinkCount;

    [Benchmark(Description = "fuzzy contiguity, boundaries within 5 m")]
    public int Fuzzy() => Contiguity.WithinDistance(_polygons, 5).LinkCount;

    [Benchmark(Description = "6 nearest neighbours")]
    public int Nearest() => PointNeighbours.Nearest(_centroids, 6).LinkCount;

    [Benchmark(Description = "global Moran's I, 999 permutations")]
    public double GlobalMoranI() => GlobalMoran.Compute(_values, _queen, 999, 1).PPermutation;

    [Benchmark(Description = "local Moran's I, 999 conditional permutations")]
    public double LocalMoranI() => LocalMoran.Compute(_values, _queen, new PermutationOptions(999, 1)).PseudoP[0];

    [Benchmark(Description = "Getis-Ord Gi*, 999 conditional permutations")]
    public double GiStar() => GetisOrd.Compute(_values, _queen.WithSelf(), new PermutationOptions(999, 1)).PseudoP[0];
}
