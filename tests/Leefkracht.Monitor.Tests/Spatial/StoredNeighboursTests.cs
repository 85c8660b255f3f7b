using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Leefkracht.Monitor.Tests.Spatial;

/// <summary>
/// Prepared neighbour lists kept in the store's results (<see cref="SpatialDataService.LoadNeighboursAsync"/>): the
/// real 2022 gemeente boundaries in a store of the run's kind (SQLite, or PostgreSQL under scripts/test.sh).
/// </summary>
public sealed class StoredNeighboursTests : StoreAndFolderTest
{
    private static readonly string Gemeenten2022 = TestData.Sample("boundaries/cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz");

    public static TheoryData<string, double> Rules => new()
    {
        { "queen", 5 },
        { "rook", 1 },
        { "fuzzy", 5 },
        { "knn:4", WeightsRule.DefaultSnap },
        { "band:20000", WeightsRule.DefaultSnap },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Neighbours_StoredOnce_ReadByASecondService_EqualFreshlyBuiltOnes_UntilABoundaryImport(string text, double snap)
    {
        var rule = Rule(text, snap);
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Gemeenten2022);
        }

        // The first service builds the lists from the polygons and stores them; they are the rule's own weights.
        var (built, building) = await NeighboursAsync(rule);
        building.ShouldBe(1);
        built.Areas.Length.ShouldBe(345);
        Rows(built.Neighbours.ForAll()).ShouldBe(Rows(await FreshAsync(rule)));

        // A second service on its own connection (another command, a restarted server) reads them back, equal.
        var (read, reading) = await NeighboursAsync(rule);
        reading.ShouldBe(0);
        read.Areas.ShouldBe(built.Areas);
        Rows(read.Neighbours.ForAll()).ShouldBe(Rows(built.Neighbours.ForAll()));

        // A boundary import that shrinks Groningen (GM0014) to a square around its centre makes them stale: built again, and
        // now Groningen has other neighbours (none, for the contiguity rules).
        await using (var store = Store.Open())
        {
            (await Stores.ImportAsync(store, WithGroningenShrunk())).ShouldAllBe(r => r.Errors == 0);
        }

        var (rebuilt, rebuilding) = await NeighboursAsync(rule);
        rebuilding.ShouldBe(1);
        rebuilt.Areas.ShouldBe(built.Areas);
        Rows(rebuilt.Neighbours.ForAll()).ShouldBe(Rows(await FreshAsync(rule)));
        var groningen = built.Areas.IndexOf(built.Areas.Single(a => a.Code.Value == "GM0014"));
        rebuilt.Neighbours.ForAll().NeighboursOf(groningen).ToArray().ShouldNotBe(built.Neighbours.ForAll().NeighboursOf(groningen).ToArray());
    }

    [Fact]
    public async Task NoBoundaries_GiveNull_AndAreBuiltAgainOnceBoundariesAreImported()
    {
        (await NeighboursOrNullAsync(Rule("queen", 5))).ShouldBeNull();

        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, Gemeenten2022);
        }

        (await NeighboursOrNullAsync(Rule("queen", 5)))!.Areas.Length.ShouldBe(345);
    }

    private static WeightsRule Rule(string text, double snap) =>
        WeightsRule.TryParse(text, snap, attachIslands: false, out var rule, out var error) ? rule : throw new ArgumentException(error);

    private async Task<(DivisionNeighbours Neighbours, int Computed)> NeighboursAsync(WeightsRule rule)
    {
        await using var store = Store.Open();
        var monitor = new MonitorService(store);
        var neighbours = await new SpatialDataService(store, monitor).LoadNeighboursAsync(AreaLevel.Gemeente, 2022, [], rule, TestContext.Current.CancellationToken);
        return (neighbours.ShouldNotBeNull(), monitor.StoredResultsComputed);
    }

    private async Task<DivisionNeighbours?> NeighboursOrNullAsync(WeightsRule rule)
    {
        await using var store = Store.Open();
        return await new SpatialDataService(store).LoadNeighboursAsync(AreaLevel.Gemeente, 2022, [], rule, TestContext.Current.CancellationToken);
    }

    /// <summary>The rule built from the polygons now in the store, the way the statistics did before lists were stored.</summary>
    private async Task<SpatialWeights> FreshAsync(WeightsRule rule)
    {
        await using var store = Store.Open();
        var layer = (await new SpatialDataService(store).LoadLayerAsync(AreaLevel.Gemeente, 2022, [], TestContext.Current.CancellationToken)).ShouldNotBeNull();
        return rule.Build(layer.Polygons);
    }

    private static string[] Rows(SpatialWeights weights) =>
        [.. Enumerable.Range(0, weights.Count).Select(i => string.Join(' ', weights.NeighboursOf(i).ToArray()))];

    /// <summary>The real 2022 gemeente file with Groningen a 1 km square around its centre, under the same name (level and year).</summary>
    private string WithGroningenShrunk()
    {
        JsonNode root;
        using (var gzip = new GZipStream(File.OpenRead(Gemeenten2022), CompressionMode.Decompress))
        {
            root = JsonNode.Parse(gzip)!;
        }

        var features = root["features"]!.AsArray();
        features[0]!["properties"]!["statcode"]!.GetValue<string>().ShouldBe("GM0014");
        features[0]!["geometry"] = JsonNode.Parse("""{ "type": "Polygon", "coordinates": [[[6.56, 53.21], [6.575, 53.21], [6.575, 53.219], [6.56, 53.219], [6.56, 53.21]]] }""");
        features[0]!.AsObject().Remove("bbox");
        var path = Path.Combine(Folder.Path, "cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
