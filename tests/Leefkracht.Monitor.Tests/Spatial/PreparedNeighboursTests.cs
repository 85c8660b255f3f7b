namespace Leefkracht.Monitor.Tests.Spatial;

/// <summary>
/// Weights of a subset built from prepared neighbours (what is stored) against the rule built from the subset's own
/// polygons, on the 13,748 approximate buurt polygons of 2024 of the sample.
/// </summary>
public sealed class PreparedNeighboursTests(SampleStore sample)
{
    public static TheoryData<string, double, bool> Rules => new()
    {
        { "queen", 5, false },
        { "rook", 5, false },
        { "fuzzy", 5, false },
        { "queen", 5, true },
        { "knn:6", WeightsRule.DefaultSnap, false },
        { "band:2000", WeightsRule.DefaultSnap, true },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task WeightsOfASubset_FromPreparedNeighbours_EqualTheRuleBuiltOnTheSubsetsPolygons(string text, double snap, bool attachIslands)
    {
        // Given the buurten, of which a fifth (drawn with a fixed seed) has no value and is left out
        WeightsRule.TryParse(text, snap, attachIslands, out var rule, out var error).ShouldBeTrue(error);
        var layer = await SpatialReference.LayerAsync(sample, AreaLevel.Buurt, 2024);
        var random = new Random(17);
        var keep = layer.Polygons.Select(_ => random.NextDouble() >= 0.2).ToArray();

        // When the weights come from the whole division's prepared neighbours, read back from their stored parts
        var prepared = PreparedNeighbours.Prepare(rule!, layer.Polygons);
        var rows = prepared.Contiguity?.Rows();
        var read = PreparedNeighbours.FromParts(rule!, rows?.Offsets, rows?.Neighbours, [.. prepared.Centroids.Select(c => c.X)], [.. prepared.Centroids.Select(c => c.Y)]);
        var fromPrepared = read.For(keep);

        // Then they equal the rule built on the kept polygons alone
        var fresh = rule!.Build([.. layer.Polygons.Where((_, i) => keep[i])]);
        fromPrepared.Count.ShouldBe(fresh.Count);
        fromPrepared.LinkCount.ShouldBe(fresh.LinkCount);
        var differing = Enumerable.Range(0, fresh.Count).Where(i => !fresh.NeighboursOf(i).SequenceEqual(fromPrepared.NeighboursOf(i))).ToList();
        differing.ShouldBeEmpty();
        fromPrepared.Islands.ShouldBe(fresh.Islands);
    }

    [Fact]
    public void FromParts_WithNeighbourListsThatDoNotFit_SaysWhatIsWrong()
    {
        var rule = WeightsRule.Default;
        Should.Throw<ArgumentException>(() => PreparedNeighbours.FromParts(rule, [0, 1, 2], [1, 0], [0, 1, 2], [0, 1, 2]))
            .Message.ShouldContain("neighbour lists for 2 areas but 3 centroids");
        Should.Throw<ArgumentException>(() => PreparedNeighbours.FromParts(rule, [0, 1, 2], [1, 1], [0, 1], [0, 1]))
            .Message.ShouldContain("the neighbours of area 1");
        Should.Throw<ArgumentException>(() => PreparedNeighbours.FromParts(rule, null, null, [0, 1], [0, 1]))
            .Message.ShouldContain("needs neighbour lists");
    }
}
