using System.Globalization;
using Leefkracht.Core.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Leefkracht.Core.Tests.Spatial;

/// <summary>Neighbour rules and weight transformations on small geometries whose answer can be read off.</summary>
public sealed class WeightsTests
{
    private static readonly WKTReader Wkt = new();

    /// <summary>A 3 × 3 grid of 100 m squares, row by row from the south-west; <paramref name="gap"/> metres between them.</summary>
    private static List<Geometry> Grid(double gap = 0)
    {
        var squares = new List<Geometry>();
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                double x = column * (100 + gap), y = row * (100 + gap);
                squares.Add(Wkt.Read($"POLYGON (({x} {y}, {x + 100} {y}, {x + 100} {y + 100}, {x} {y + 100}, {x} {y}))"));
            }
        }

        return squares;
    }

    [Fact]
    public void Queen_Grid_CentreTouchesAllEightAndCornersThree()
    {
        var weights = Contiguity.Queen(Grid(), 1e-8);

        weights.NeighboursOf(4).ToArray().ShouldBe([0, 1, 2, 3, 5, 6, 7, 8]);
        weights.NeighboursOf(0).ToArray().ShouldBe([1, 3, 4]);
        weights.IsSymmetric().ShouldBeTrue();
        weights.Islands.ShouldBeEmpty();
    }

    [Fact]
    public void Rook_Grid_CornerContactIsNotEnough()
    {
        var weights = Contiguity.Rook(Grid(), 1e-8);

        weights.NeighboursOf(4).ToArray().ShouldBe([1, 3, 5, 7]);
        weights.NeighboursOf(0).ToArray().ShouldBe([1, 3]);
    }

    [Theory]
    [InlineData(1.9, 0)]
    [InlineData(2.0, 24)]
    [InlineData(3.0, 24)]
    public void Rook_GridWithTwoMetreGaps_NeedsASnapOfTwoMetres(double snap, int links)
    {
        // Straight across a 2 m gap the facing vertices are exactly 2 m apart; diagonally 2.83 m.
        Contiguity.Rook(Grid(gap: 2), snap).LinkCount.ShouldBe(links);
    }

    [Fact]
    public void Queen_DiagonalNeighboursAcrossAGap_NeedTheDiagonalDistance()
    {
        var grid = Grid(gap: 2);

        Contiguity.Queen(grid, 2.0).NeighboursOf(4).ToArray().ShouldBe([1, 3, 5, 7]);
        Contiguity.Queen(grid, 2.9).NeighboursOf(4).ToArray().ShouldBe([0, 1, 2, 3, 5, 6, 7, 8]);
    }

    [Fact]
    public void VertexRuleMissesATJunction_FuzzyRuleFindsIt()
    {
        // Given a square and a wide rectangle below it whose top edge has no vertex where the square's corners are
        var polygons = new List<Geometry>
        {
            Wkt.Read("POLYGON ((40 100, 60 100, 60 120, 40 120, 40 100))"),
            Wkt.Read("POLYGON ((0 0, 100 0, 100 99.5, 0 99.5, 0 0))"),
        };

        // Then the vertices are 40 m apart, the boundaries 0.5 m
        Contiguity.Queen(polygons, 1).LinkCount.ShouldBe(0);
        Contiguity.WithinDistance(polygons, 1).NeighboursOf(0).ToArray().ShouldBe([1]);
        Contiguity.WithinDistance(polygons, 0.4).LinkCount.ShouldBe(0);
    }

    [Fact]
    public void Fuzzy_APolygonInsideAnotherWithoutAHole_IsItsNeighbour()
    {
        var polygons = new List<Geometry>
        {
            Wkt.Read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"),
            Wkt.Read("POLYGON ((40 40, 60 40, 60 60, 40 60, 40 40))"),
        };

        Contiguity.WithinDistance(polygons, 1).NeighboursOf(1).ToArray().ShouldBe([0]);
    }

    [Fact]
    public void Nearest_TiesGoToTheLowerIndex_AndTheRelationIsNotSymmetric()
    {
        // Points 0, 1, 2 on a line 1 m apart and 3 far away: 1 has 0 and 2 at the same distance.
        Coordinate[] points = [new(0, 0), new(1, 0), new(2, 0), new(10, 0)];

        var weights = PointNeighbours.Nearest(points, 1);

        weights.NeighboursOf(1).ToArray().ShouldBe([0]);
        weights.NeighboursOf(3).ToArray().ShouldBe([2]);
        weights.IsSymmetric().ShouldBeFalse();
    }

    [Fact]
    public void DistanceBand_IncludesTheBoundDistance()
    {
        Coordinate[] points = [new(0, 0), new(3, 4), new(6, 8), new(100, 0)];

        var weights = PointNeighbours.WithinDistance(points, 5);

        weights.NeighboursOf(1).ToArray().ShouldBe([0, 2]);
        weights.Islands.ShouldBe([3]);
    }

    [Fact]
    public void AttachIslands_GivesTheIslandItsNearestAreaBothWays()
    {
        Coordinate[] points = [new(0, 0), new(3, 4), new(6, 8), new(100, 0)];
        var band = PointNeighbours.WithinDistance(points, 5);

        var attached = band.WithIslandsAttached(PointNeighbours.Nearest(points, 1));

        attached.Islands.ShouldBeEmpty();
        attached.NeighboursOf(3).ToArray().ShouldBe([2]);
        attached.NeighboursOf(2).ToArray().ShouldBe([1, 3]);
    }

    [Fact]
    public void RowStandardised_RowsSumToOne_AndWithSelfAddsTheDiagonal()
    {
        var weights = Contiguity.Queen(Grid(), 1e-8).RowStandardised();

        for (var i = 0; i < weights.Count; i++)
        {
            weights.WeightsOf(i).ToArray().Sum().ShouldBe(1, 1e-15);
        }

        var star = weights.WithSelf();
        star.IncludesSelf.ShouldBeTrue();
        star.NeighboursOf(0).ToArray().ShouldBe([0, 1, 3, 4]);
        star.WeightsOf(0).ToArray().ShouldAllBe(w => Math.Abs(w - 0.25) < 1e-15);
    }

    [Fact]
    public void Subset_DropsLinksToLeftOutAreas()
    {
        var weights = Contiguity.Rook(Grid(), 1e-8);

        // Keep the corners and the centre only: the rook grid then falls apart into islands.
        var subset = weights.Subset([true, false, true, false, true, false, true, false, true]);

        subset.Count.ShouldBe(5);
        subset.Islands.Length.ShouldBe(5);
    }

    [Fact]
    public void Sums_OfABinaryPath_AreCliffAndOrdsConstants()
    {
        // 0 – 1 – 2: S0 = 4, S1 = ½ Σ (w_ij + w_ji)² = ½ · 4 · 2² = 8, S2 = Σ (w_i· + w_·i)² = 2² + 4² + 2² = 24
        var path = SpatialWeights.FromNeighbours([[1], [0, 2], [1]]);

        path.Sums().ShouldBe(new WeightSums(4, 8, 24));
    }

    [Theory]
    [InlineData("queen", true)]
    [InlineData("rook", true)]
    [InlineData("fuzzy", true)]
    [InlineData("knn:6", true)]
    [InlineData("band:1500.5", true)]
    [InlineData("knn:0", false)]
    [InlineData("band:-3", false)]
    [InlineData("hexagon", false)]
    [InlineData("", false)]
    public void WeightsRule_Parses(string text, bool valid)
    {
        WeightsRule.TryParse(text, 5, attachIslands: false, out var rule, out var error).ShouldBe(valid);
        if (valid)
        {
            rule!.Snap.ShouldBe(5);
        }
        else
        {
            error!.ShouldContain("is geen buurregel: gebruik queen, rook, fuzzy, knn:K (K ≥ 1) of band:METERS (METERS > 0)");
            var before = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo("en");
                WeightsRule.TryParse(text, 5, attachIslands: false, out _, out var inEnglish).ShouldBeFalse();
                inEnglish.ShouldBe($"'{text}' is not a weights rule: use queen, rook, fuzzy, knn:K (K ≥ 1) or band:METRES (METRES > 0)");
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }
    }
}
