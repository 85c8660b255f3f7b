using System.IO.Compression;
using System.Text.Json.Nodes;
using Leefkracht.Core.Areas;
using Leefkracht.Data.Storage;
using Leefkracht.Web.Monitor;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The map's boundaries stored ahead by the import's results step (<see cref="MapGeometryResults"/>,
/// docs/web.md#map-geometry), on a store of the run's kind with real boundary files of the sample: what is stored is
/// what a server would compute, and an import of boundaries invalidates exactly its division year.
/// </summary>
public sealed class MapGeometryResultsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Files =
    [
        "boundaries/cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz",
        "boundaries/cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz",
    ];

    /// <summary>How many map boundary sets the store holds (of any version).</summary>
    private static async Task<int> StoredSetsAsync(IMonitorStore store)
    {
        var count = 0;
        foreach (var level in MapGeometryResults.Levels)
        {
            foreach (var detail in MapGeometryResults.StoredDetails)
            {
                count += await StoredOf(store, level, BoundaryYearOf(level), detail) is null ? 0 : 1;
            }
        }

        return count;
    }

    private static int BoundaryYearOf(AreaLevel level) => level == AreaLevel.Gemeente ? 2022 : 2017;

    private static async Task<byte[]?> StoredOf(IMonitorStore store, AreaLevel level, int boundaryYear, MapDetail detail)
    {
        var version = await store.DataVersionAsync([DataScopes.Boundaries(boundaryYear)], Cancel);
        return await store.LoadResultAsync(MapGeometryResults.KeyOf(level, boundaryYear, detail, version), Cancel);
    }

    private static async Task<double> CentroidXAsync(IMonitorStore store, string wijk)
    {
        var high = StoredMapGeometry.Read((await StoredOf(store, AreaLevel.Wijk, 2017, MapDetail.High)).ShouldNotBeNull());
        return high.Shapes[high.Areas.ToList().FindIndex(a => a.Code.Value == wijk)].Centroid.X;
    }

    [Fact]
    public async Task StoredAhead_IsWhatAServerWouldCompute_AreaForArea_PointForPoint()
    {
        // Given a store with the real gemeenten of 2022 and wijken of 2017, and their map boundaries stored ahead for
        // 2024 (the nearest division year of each level: no buurten here)
        using var test = TestStore.Create();
        await using var store = test.Open();
        await Stores.ImportAsync(store, [.. Files.Select(TestData.Sample)]);
        var simplified = await MapGeometryResults.StoreAsync(store, 2024, Cancel);

        // Then each level that has boundaries was simplified once per stored detail
        simplified.ShouldBe(2 * MapGeometryResults.StoredDetails.Count);
        foreach (var level in new[] { AreaLevel.Gemeente, AreaLevel.Wijk })
        {
            var boundaryYear = BoundaryYearOf(level);
            var records = await store.LoadBoundariesAsync(level, boundaryYear, cancellationToken: Cancel);
            foreach (var detail in MapGeometryResults.StoredDetails)
            {
                // And what is stored is the boundaries simplified now, area for area and point for point
                var stored = StoredMapGeometry.Read((await StoredOf(store, level, boundaryYear, detail)).ShouldNotBeNull());
                var computed = MapGeometryLoader.Simplify(records, boundaryYear, detail);
                stored.BoundaryYear.ShouldBe(boundaryYear);
                stored.Areas.ShouldBe(computed.Areas);
                stored.Areas.Length.ShouldBeGreaterThan(300);
                for (var i = 0; i < computed.Shapes.Length; i++)
                {
                    stored.Shapes[i].EqualsExact(computed.Shapes[i]).ShouldBeTrue($"{level} {detail} {computed.Areas[i].Code}");
                }
            }
        }

        // And a second run finds them stored and simplifies nothing
        (await MapGeometryResults.StoreAsync(store, 2024, Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task AnImportOfBoundaries_InvalidatesExactlyItsDivisionYear()
    {
        // Given the stored map boundaries of the gemeenten of 2022 and the wijken of 2017
        using var test = TestStore.Create();
        await using var store = test.Open();
        await Stores.ImportAsync(store, [.. Files.Select(TestData.Sample)]);
        await MapGeometryResults.StoreAsync(store, 2024, Cancel);
        (await StoredSetsAsync(store)).ShouldBe(6);
        var before = await CentroidXAsync(store, "WK198703");

        // When one wijk of 2017 gets a new boundary (moved 0.0015°, about 100 m, east)
        var changed = Path.Combine(Path.GetTempPath(), $"leefkracht-wijk-2017-{Guid.NewGuid():N}.geojson");
        try
        {
            await File.WriteAllTextAsync(changed, OneWijkMoved(), Cancel);
            var reports = await Stores.ImportAsync(store, changed);
            reports.ShouldAllBe(r => r.Outcome == Data.Import.ImportOutcome.Stored);
        }
        finally
        {
            File.Delete(changed);
        }

        // Then the wijken's stored boundaries are gone and the gemeenten's kept
        foreach (var detail in MapGeometryResults.StoredDetails)
        {
            (await StoredOf(store, AreaLevel.Wijk, 2017, detail)).ShouldBeNull();
            (await StoredOf(store, AreaLevel.Gemeente, 2022, detail)).ShouldNotBeNull();
        }

        // And storing them again simplifies only the wijken, with the moved wijk where it now is
        (await MapGeometryResults.StoreAsync(store, 2024, Cancel)).ShouldBe(MapGeometryResults.StoredDetails.Count);
        (await StoredSetsAsync(store)).ShouldBe(6);
        (await CentroidXAsync(store, "WK198703") - before).ShouldBe(0.0015, 0.0003);
    }

    /// <summary>The wijk WK198703 of the real 2017 file alone, every point moved 0.0015° (about 100 m) east.</summary>
    private static string OneWijkMoved()
    {
        using var file = new GZipStream(File.OpenRead(TestData.Sample("boundaries/cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz")), CompressionMode.Decompress);
        var layer = JsonNode.Parse(file)!;
        var feature = layer["features"]!.AsArray().First(f => (string?)f!["properties"]!["statcode"] == "WK198703")!.DeepClone();
        foreach (var ring in feature["geometry"]!["coordinates"]!.AsArray())
        {
            foreach (var point in ring!.AsArray())
            {
                point![0] = (double)point[0]! + 0.0015;
            }
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(feature) }.ToJsonString();
    }
}
