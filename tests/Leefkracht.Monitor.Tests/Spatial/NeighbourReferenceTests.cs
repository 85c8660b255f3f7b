namespace Leefkracht.Monitor.Tests.Spatial;

/// <summary>
/// Neighbour lists built from the imported sample boundaries (WGS84 in the store, projected back to RD New by
/// <c>RdNew</c>) against the lists of R spdep/sf and libpysal on the same source files projected with PROJ.
/// </summary>
public sealed class NeighbourReferenceTests(SampleStore sample)
{
    /// <summary>spdep's default snap, √(double epsilon).</summary>
    private const double SpdepDefaultSnap = 1.4901161193847656e-8;

    public static TheoryData<string, string> Buurt2024Cases => new()
    {
        { "queen:5", "neighbours_buurt2024_queen5.csv.gz" },
        { "rook:5", "neighbours_buurt2024_rook5.csv.gz" },
        { "queen:spdep-default", "neighbours_buurt2024_queen0.csv.gz" },
        { "fuzzy:5", "neighbours_buurt2024_fuzzy5.csv.gz" },
        { "knn:6", "neighbours_buurt2024_knn6.csv.gz" },
        { "band:2000", "neighbours_buurt2024_band2000.csv.gz" },
        { "queen:0", "neighbours_buurt2024_queen0_libpysal.csv.gz" },
        { "knn:6", "neighbours_buurt2024_knn6_libpysal.csv.gz" },
        { "band:2000", "neighbours_buurt2024_band2000_libpysal.csv.gz" },
    };

    public static TheoryData<string, string> Wijk2016Cases => new()
    {
        { "queen:1.5", "neighbours_wijk2016_queen1.5.csv.gz" },
        { "rook:1.5", "neighbours_wijk2016_rook1.5.csv.gz" },
        { "fuzzy:1.5", "neighbours_wijk2016_fuzzy1.5.csv.gz" },
        { "knn:6", "neighbours_wijk2016_knn6.csv.gz" },
        { "queen:0", "neighbours_wijk2016_queen0_libpysal.csv.gz" },
        { "knn:6", "neighbours_wijk2016_knn6_libpysal.csv.gz" },
    };

    [Theory]
    [MemberData(nameof(Buurt2024Cases))]
    public async Task Weights_Buurten2024_EqualTheReferenceLists(string rule, string reference)
    {
        // Given all 13,748 approximate buurt polygons of 2024, when weighted by the rule
        var differences = await DifferencesAsync(AreaLevel.Buurt, 2024, 13_748, rule, reference);

        // Then
        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Wijk2016Cases))]
    public async Task Weights_Wijken2016_EqualTheReferenceLists(string rule, string reference)
    {
        // Given the 2,979 wijken of the CBS 2016 file (RD New, stored as WGS84), when weighted by the rule
        var all = await DifferencesAsync(AreaLevel.Wijk, 2016, 2_979, rule, reference);

        // Then: identical, except that rook may differ for the 12 polygons that are invalid in the source file (the
        // import repairs them, and the repair changes how often a self-touching vertex occurs, which rook counts)
        var invalid = SpatialReference.Rows("wijk2016_invalid.csv").Select(r => r["code"]).ToHashSet();
        invalid.Count.ShouldBe(12);
        var differences = all
            .Where(d => !(rule.StartsWith("rook", StringComparison.Ordinal) && invalid.Any(code => d.Contains(code, StringComparison.Ordinal))))
            .ToList();
        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences.Take(10)));
    }

    [Fact]
    public async Task RookWeights_Buurten2024_ContainLibpysalsSharedEdgeRook()
    {
        // libpysal's Rook wants a shared edge (two consecutive shared vertices); spdep's (and ours) two shared
        // vertices anywhere. So every libpysal pair is ours, and ours has a few hundred more.
        var layer = await SpatialReference.LayerAsync(sample, AreaLevel.Buurt, 2024);
        var ours = SpatialReference.Neighbours(Contiguity.Rook(layer.Polygons, 0), layer.Areas);
        var theirs = SpatialReference.Neighbours("neighbours_buurt2024_rook0_libpysal.csv.gz");

        theirs.ShouldAllBe(t => t.Value.IsSubsetOf(ours[t.Key]));
        var extra = ours.Sum(o => o.Value.Count) - theirs.Sum(t => t.Value.Count);
        extra.ShouldBeInRange(1, ours.Sum(o => o.Value.Count) / 50);
    }

    [Fact]
    public async Task FuzzyWeights_Buurten2024_AgreeWithLibpysalBufferedContiguityExceptAtTheBufferEdge()
    {
        // libpysal's fuzzy_contiguity buffers each polygon by 2.5 m, and a buffer is a polygon inscribed in the true
        // offset curve, so gaps just under 5 m can be missed; it never finds a pair farther apart than 5 m.
        var layer = await SpatialReference.LayerAsync(sample, AreaLevel.Buurt, 2024);
        var ours = SpatialReference.Neighbours(Contiguity.WithinDistance(layer.Polygons, 5), layer.Areas);
        var theirs = SpatialReference.Neighbours("neighbours_buurt2024_fuzzy5_libpysal.csv.gz");
        var index = layer.Areas.Select((a, i) => (a.Code.Value, i)).ToDictionary(x => x.Value, x => x.i);

        var extra = theirs.SelectMany(t => t.Value.Except(ours[t.Key]).Select(n => (t.Key, n))).ToList();
        var missed = ours.SelectMany(o => o.Value.Except(theirs[o.Key]).Select(n => (o.Key, n))).ToList();

        extra.ShouldBeEmpty();
        foreach (var (a, b) in missed)
        {
            layer.Polygons[index[a]].Distance(layer.Polygons[index[b]]).ShouldBeInRange(4.5, 5.0, $"{a}–{b}");
        }

        missed.Count.ShouldBeLessThan(ours.Sum(o => o.Value.Count) / 500);
    }

    /// <summary>How the neighbours by <paramref name="rule"/> of a level's <paramref name="areas"/> areas differ from the <paramref name="reference"/> lists.</summary>
    private async Task<List<string>> DifferencesAsync(AreaLevel level, int year, int areas, string rule, string reference)
    {
        var layer = await SpatialReference.LayerAsync(sample, level, year);
        layer.Areas.Length.ShouldBe(areas);
        return SpatialReference.Differences(SpatialReference.Neighbours(Build(rule, layer.Polygons), layer.Areas), SpatialReference.Neighbours(reference));
    }

    private static SpatialWeights Build(string rule, IReadOnlyList<NetTopologySuite.Geometries.Geometry> polygons)
    {
        var parts = rule.Split(':');
        return parts[0] switch
        {
            "queen" => Contiguity.Queen(polygons, Snap(parts[1])),
            "rook" => Contiguity.Rook(polygons, Snap(parts[1])),
            "fuzzy" => Contiguity.WithinDistance(polygons, Snap(parts[1])),
            "knn" => PointNeighbours.Nearest(Centroids(polygons), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            _ => PointNeighbours.WithinDistance(Centroids(polygons), Snap(parts[1])),
        };
    }

    private static double Snap(string text) =>
        text == "spdep-default" ? SpdepDefaultSnap : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static NetTopologySuite.Geometries.Coordinate[] Centroids(IReadOnlyList<NetTopologySuite.Geometries.Geometry> polygons) =>
        [.. polygons.Select(p => p.Centroid.Coordinate)];
}
