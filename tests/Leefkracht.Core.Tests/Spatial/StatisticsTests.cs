using FsCheck;
using FsCheck.Fluent;
using Leefkracht.Core.Spatial;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Tests.Spatial;

/// <summary>Moran's I, local Moran, G*, FDR and the normal tail on cases small enough to compute by hand.</summary>
public sealed class StatisticsTests
{
    /// <summary>Areas on a line, each a neighbour of the next (binary).</summary>
    private static SpatialWeights Path(int n) =>
        SpatialWeights.FromNeighbours([.. Enumerable.Range(0, n).Select(i => new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < n).ToArray())]);

    [Fact]
    public void GlobalMoran_RisingValuesOnAPath_IsOneThird()
    {
        // z = (−1.5, −0.5, 0.5, 1.5), Σz² = 5, Σ_ij w_ij z_i z_j = 2(0.75 − 0.25 + 0.75) = 2.5, n/S0 = 4/6: I = 1/3
        var moran = GlobalMoran.Compute([1, 2, 3, 4], Path(4));

        moran.I.ShouldBe(1.0 / 3, 1e-15);
        moran.Expected.ShouldBe(-1.0 / 3, 1e-15);
        moran.Areas.ShouldBe(4);
    }

    [Fact]
    public void GlobalMoran_AlternatingValues_IsNegative()
    {
        var moran = GlobalMoran.Compute([1, 0, 1, 0, 1, 0, 1, 0], Path(8).RowStandardised(), permutations: 199, seed: 3);

        moran.I.ShouldBeLessThan(-0.8);
        moran.ZRandomisation.ShouldBeLessThan(0);
        moran.PPermutation.ShouldBeGreaterThan(0.9); // the one-sided test for positive autocorrelation finds none
    }

    [Fact]
    public void GlobalMoran_Islands_DoNotCountInN()
    {
        // Area 4 has no neighbours: spdep's adjust.n leaves it out of n but not out of the mean.
        var weights = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2], []]);

        var moran = GlobalMoran.Compute([1, 2, 3, 4, 10], weights);

        moran.Areas.ShouldBe(4);
        moran.Expected.ShouldBe(-1.0 / 3, 1e-15);
    }

    [Fact]
    public void ConstantValues_AreRefusedWithAReason()
    {
        Should.Throw<ArgumentException>(() => LocalMoran.Compute([3, 3, 3, 3, 3], Path(5))).Message.ShouldContain("all values are equal");
        Should.Throw<ArgumentException>(() => GlobalMoran.Compute([1, 2, double.NaN, 4, 5], Path(5))).Message.ShouldContain("value 2 is missing");
    }

    [Fact]
    public void Permutations_AreReproducibleAndBoundedByOneOverNPlusOne()
    {
        double[] values = [5, 6, 7, 8, 1, 2, 3, 4, 9, 10];
        var weights = Path(10).RowStandardised();

        var first = GlobalMoran.Compute(values, weights, 999, 11);
        var again = GlobalMoran.Compute(values, weights, 999, 11);

        again.PPermutation.ShouldBe(first.PPermutation);
        first.PPermutation.ShouldBeInRange(1.0 / 1000, 1.0);
    }

    [Fact]
    public void LocalMoran_SumOfLocalStatistics_IsS0TimesGlobalI()
    {
        // Anselin (1995): with m2 = Σz²/n, Σ_i I_i = n Σ z_i lag_i / Σz² = S0 · I.
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 10.0), 12).ToArbitrary(),
            values =>
            {
                var weights = Path(12).RowStandardised();
                if (values.Distinct().Count() < 2)
                {
                    return true;
                }

                var local = LocalMoran.Compute(values, weights, PermutationOptions.None);
                var global = GlobalMoran.Compute(values, weights);
                return Math.Abs(local.I.Sum() - (weights.Sums().S0 * global.I)) < 1e-9;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LocalMoran_HighValuesTogether_AreHighHighAndLowLow()
    {
        double[] values = [10, 11, 12, 9, 1, 2, 0, 1];

        var lisa = LocalMoran.Compute(values, Path(8).RowStandardised(), new PermutationOptions(499, 1));

        lisa.Quadrant[1].ShouldBe(LisaQuadrant.HighHigh);
        lisa.Quadrant[6].ShouldBe(LisaQuadrant.LowLow);
        lisa.PseudoP.ShouldAllBe(p => p >= 1.0 / 500 && p <= 0.5 + (1.0 / 500));
    }

    [Fact]
    public void GStar_OfAnAreaAmongEqualValues_IsItsDeviationOverTheSpread()
    {
        // Path of 5 with self: area 0 has {0, 1}, W = 2, S1 = 2 (binary). x̄ = 2, s² = Σ(x − x̄)²/n = 10/5 = 2.
        // z_0 = (0 + 1 − 2·2) / √(2 · (5·2 − 4)/4) = −3/√3
        var g = GetisOrd.Compute([0, 1, 2, 3, 4], Path(5).WithSelf(), PermutationOptions.None);

        g.Star.ShouldBeTrue();
        g.Z[0].ShouldBe(-3 / Math.Sqrt(3), 1e-12);
        g.G[0].ShouldBe(1.0 / 10, 1e-15);
    }

    [Fact]
    public void FalseDiscoveryRate_MatchesRsPAdjust()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.02, 0.5), "BH") = 0.05 0.05 0.05 0.05 0.5
        //    p.adjust(c(0.01, 0.04, 0.03, 0.02, 0.5), "BY") = 0.1141667 (× 4) 1
        double[] p = [0.01, 0.04, 0.03, 0.02, 0.5];
        var c = 1 + (1 / 2.0) + (1 / 3.0) + (1 / 4.0) + (1 / 5.0);

        MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg).ShouldBe([0.05, 0.05, 0.05, 0.05, 0.5], 1e-15);
        MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiYekutieli).ShouldBe([0.05 * c, 0.05 * c, 0.05 * c, 0.05 * c, 1], 1e-15);
        MultipleTesting.Adjust([0.2, double.NaN, 0.01], PValueAdjustment.BenjaminiHochberg)[1].ShouldBe(double.NaN);
    }

    [Theory]
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(0, 0.5)]
    [InlineData(-1, 0.8413447460685429)]
    [InlineData(1.5, 0.0668072012688581)]
    [InlineData(3, 0.001349898031630095)]
    [InlineData(5, 2.866515718791939e-07)]
    [InlineData(10, 7.619853024160527e-24)]
    public void NormalUpperTail_MatchesPnorm(double z, double expected)
    {
        // Values of R 4.2 pnorm(z, lower.tail = FALSE).
        Normal.UpperTail(z).ShouldBe(expected, expected * 1e-13);
    }

    [Fact]
    public void SeededRandom_StreamsAreReproducibleAndUniform()
    {
        var a = SeededRandom.For(1, 7);
        var b = SeededRandom.For(1, 7);
        var other = SeededRandom.For(1, 8);
        var counts = new int[10];
        var differs = false;
        for (var k = 0; k < 100_000; k++)
        {
            var x = a.NextInt(10);
            x.ShouldBe(b.NextInt(10));
            differs |= other.NextInt(10) != x;
            counts[x]++;
        }

        differs.ShouldBeTrue();

        // χ² with 9 degrees of freedom: 27.9 is its 99.9 % quantile.
        counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0).ShouldBeLessThan(27.9);
    }
}
