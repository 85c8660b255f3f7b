using FsCheck;
using FsCheck.Fluent;
using Leefkracht.Core.Segregation;

namespace Leefkracht.Core.Tests.Segregation;

/// <summary>Segregation indices on hand-computed examples and the identities between their published forms.</summary>
public sealed class SegregationTests
{
    [Fact]
    public void CompletelyApart_AllIndicesAtTheirMaximum()
    {
        // Two buurten of 10 households: all 10 low-income households live in the first.
        var result = SegregationIndices.Compute([10, 0], [10, 10]);

        result.Dissimilarity.ShouldBe(1, 1e-15);
        result.Isolation.ShouldBe(1, 1e-15);
        result.Exposure.ShouldBe(0, 1e-15);
        result.Entropy.ShouldBe(1, 1e-15);
        result.LocationQuotients.ShouldBe([2, 0]);
    }

    [Fact]
    public void EvenlySpread_NoSegregation()
    {
        var result = SegregationIndices.Compute([5, 15, 25], [10, 30, 50]);

        result.Dissimilarity.ShouldBe(0, 1e-15);
        result.Entropy.ShouldBe(0, 1e-15);
        result.Isolation.ShouldBe(0.5, 1e-15);
        result.LocationQuotients.ShouldAllBe(lq => Math.Abs(lq - 1) < 1e-15);
    }

    [Fact]
    public void ThreeBuurten_HandComputed()
    {
        // X = 60, T = 300, P = 0.2. D = 100(0.1 + 0 + 0.1)/(2·300·0.2·0.8) = 20/96.
        // xPx = (10·0.1 + 20·0.2 + 30·0.3)/60 = 14/60. H = Σ t_i(E − E_i)/(E·T) with E(p) = −p ln p − (1−p) ln(1−p).
        var result = SegregationIndices.Compute([10, 20, 30], [100, 100, 100]);

        static double E(double p) => (-p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));
        result.Dissimilarity.ShouldBe(20.0 / 96, 1e-15);
        result.Isolation.ShouldBe(14.0 / 60, 1e-15);
        result.Exposure.ShouldBe(1 - (14.0 / 60), 1e-15);
        result.Entropy.ShouldBe(((3 * E(0.2)) - E(0.1) - E(0.2) - E(0.3)) / (3 * E(0.2)), 1e-14);
        result.LocationQuotients.ShouldBe([0.5, 1, 1.5], 1e-15);
        result.Share.ShouldBe(0.2, 1e-15);
    }

    [Fact]
    public void UnitsWithoutPeople_AreLeftOut()
    {
        var result = SegregationIndices.Compute([10, 0, 0, double.NaN], [10, 10, 0, 5]);

        result.Units.ShouldBe(2);
        result.Dissimilarity.ShouldBe(1, 1e-15);
        result.LocationQuotients[2].ShouldBe(double.NaN);
        result.LocationQuotients[3].ShouldBe(double.NaN);
    }

    [Fact]
    public void InvalidCounts_AreNamed()
    {
        Should.Throw<ArgumentException>(() => SegregationIndices.Compute([11, 0], [10, 10])).Message.ShouldContain("unit 0");
        Should.Throw<ArgumentException>(() => SegregationIndices.Compute([0, 0], [10, 10])).Message.ShouldContain("neither empty nor everyone");
    }

    [Fact]
    public void Dissimilarity_EqualsHalfTheSumOfShareDifferences()
    {
        // Massey and Denton's two forms: Σ t_i|p_i − P| / (2TP(1−P)) = ½ Σ |x_i/X − y_i/Y|.
        Prop.ForAll(Counts().ToArbitrary(), units =>
        {
            var (x, t) = units;
            if (x.Sum() <= 0 || x.Sum() >= t.Sum())
            {
                return true;
            }

            var y = t.Zip(x, (ti, xi) => ti - xi).ToArray();
            var half = 0.5 * x.Zip(y, (xi, yi) => Math.Abs((xi / x.Sum()) - (yi / y.Sum()))).Sum();
            return Math.Abs(SegregationIndices.Compute(x, t).Dissimilarity - half) < 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void MutualInformation_WithTwoGroups_IsTheTwoGroupTheilH()
    {
        Prop.ForAll(Counts().ToArbitrary(), units =>
        {
            var (x, t) = units;
            if (x.Sum() <= 0 || x.Sum() >= t.Sum())
            {
                return true;
            }

            var rest = t.Zip(x, (ti, xi) => ti - xi).ToArray();
            return Math.Abs(MutualInformation.Compute([x, rest]).H - SegregationIndices.Compute(x, t).Entropy) < 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void MutualInformation_ThreeGroups_HandComputed()
    {
        // Two units, three groups; unit 1 = (10, 0, 0), unit 2 = (0, 10, 10). N = 30, p_g = 1/3 each, E = ln 3.
        // M = Σ p_ug ln(p_ug/(p_u p_g)) = (1/3) ln((1/3)/((1/3)(1/3))) + 2 · (1/3) ln((1/3)/((2/3)(1/3))) = (1/3) ln 3 + (2/3) ln 1.5
        var result = MutualInformation.Compute([[10, 0], [0, 10], [0, 10]]);

        result.M.ShouldBe((Math.Log(3) / 3) + (2.0 / 3 * Math.Log(1.5)), 1e-15);
        result.GroupEntropy.ShouldBe(Math.Log(3), 1e-15);
        result.H.ShouldBe(result.M / Math.Log(3), 1e-15);
        result.LocalM.Sum().ShouldBe(result.M, 1e-15);
    }

    private static Gen<(double[] Group, double[] Total)> Counts() =>
        from n in Gen.Choose(2, 12)
        from totals in Gen.ArrayOf(Gen.Choose(1, 500), n)
        from shares in Gen.ArrayOf(Gen.Choose(0, 100), n)
        select (totals.Zip(shares, (t, s) => Math.Round(t * s / 100.0)).ToArray(), totals.Select(t => (double)t).ToArray());
}
