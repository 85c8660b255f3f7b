using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Spatial;

/// <summary>Global Moran's I with its moments under two null hypotheses and a permutation test.</summary>
/// <param name="I">Moran's I = (n′/S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i², z = x − x̄.</param>
/// <param name="Expected">E[I] = −1/(n′ − 1).</param>
/// <param name="VarianceNormality">Var[I] under normality (Cliff and Ord 1981, eq. 1.35).</param>
/// <param name="VarianceRandomisation">Var[I] under randomisation (Cliff and Ord 1981, eq. 1.38).</param>
/// <param name="ZNormality">(I − E[I]) / √Var under normality.</param>
/// <param name="ZRandomisation">(I − E[I]) / √Var under randomisation.</param>
/// <param name="PNormality">One-sided P(Z &gt; z) under normality (spdep <c>alternative = "greater"</c>).</param>
/// <param name="PRandomisation">One-sided P(Z &gt; z) under randomisation.</param>
/// <param name="Permutations">The number of permutations, 0 when none were run.</param>
/// <param name="PPermutation">(#{I_perm ≥ I} + 1) / (permutations + 1), NaN without permutations.</param>
/// <param name="Areas">n′: the areas with at least one neighbour (islands do not count, spdep <c>adjust.n = TRUE</c>).</param>
public sealed record MoranResult(
    double I,
    double Expected,
    double VarianceNormality,
    double VarianceRandomisation,
    double ZNormality,
    double ZRandomisation,
    double PNormality,
    double PRandomisation,
    int Permutations,
    double PPermutation,
    int Areas);

/// <summary>Global Moran's I (Moran 1950), as spdep's <c>moran.test</c> and <c>moran.mc</c> compute it.</summary>
/// <remarks>
/// With n′ = n − (number of islands), S0, S1, S2 the weight constants (<see cref="WeightSums"/>),
/// m2 = Σz²/n, m4 = Σz⁴/n and kurtosis b2 = m4/m2² (spdep's K uses the full n):
/// <code>
/// E[I]      = −1/(n′−1)
/// Var_N[I]  = (n′²S1 − n′S2 + 3S0²) / (S0²(n′²−1)) − E[I]²
/// Var_R[I]  = [n′((n′²−3n′+3)S1 − n′S2 + 3S0²) − b2((n′²−n′)S1 − 2n′S2 + 6S0²)] / ((n′−1)(n′−2)(n′−3)S0²) − E[I]²
/// </code>
/// Sources: Cliff, A.D. and Ord, J.K. (1981) <i>Spatial Processes</i>, pp. 21 and 46; spdep <c>moran.test</c>.
/// The permutation test shuffles x over all areas (complete randomisation) with a seeded stream.
/// See docs/spatial.md §2.1.
/// </remarks>
public static class GlobalMoran
{
    /// <summary>Moran's I with analytical moments and, when <paramref name="permutations"/> &gt; 0, a permutation p-value.</summary>
    /// <param name="values">x, one value per area, none missing.</param>
    /// <param name="weights">The weights (usually row-standardised).</param>
    /// <param name="permutations">How many random permutations; 0 for none.</param>
    /// <param name="seed">Seed of the permutation stream.</param>
    public static MoranResult Compute(ReadOnlySpan<double> values, SpatialWeights weights, int permutations = 0, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(weights);
        SpatialInput.Check(values, weights);
        ArgumentOutOfRangeException.ThrowIfNegative(permutations);
        var n = values.Length;
        var z = SpatialInput.Deviations(values);
        double m2Sum = 0, m4Sum = 0;
        foreach (var zi in z)
        {
            m2Sum += zi * zi;
            m4Sum += zi * zi * zi * zi;
        }

        var sums = weights.Sums();
        double nn = n - weights.Islands.Length;
        var i = nn / sums.S0 * CrossProduct(z, weights) / m2Sum;
        var expected = -1 / (nn - 1);
        var s02 = sums.S0 * sums.S0;
        var varianceNormality = (((nn * nn * sums.S1) - (nn * sums.S2) + (3 * s02)) / (s02 * ((nn * nn) - 1))) - (expected * expected);
        var kurtosis = n * m4Sum / (m2Sum * m2Sum);
        var numerator = (nn * ((sums.S1 * ((nn * nn) - (3 * nn) + 3)) - (nn * sums.S2) + (3 * s02)))
            - (kurtosis * ((sums.S1 * ((nn * nn) - nn)) - (2 * nn * sums.S2) + (6 * s02)));
        var varianceRandomisation = (numerator / ((nn - 1) * (nn - 2) * (nn - 3) * s02)) - (expected * expected);
        var zNormality = (i - expected) / Math.Sqrt(varianceNormality);
        var zRandomisation = (i - expected) / Math.Sqrt(varianceRandomisation);
        var pPermutation = permutations > 0 ? PermutationP(z, weights, i, nn / sums.S0 / m2Sum, permutations, seed) : double.NaN;
        return new MoranResult(
            i, expected, varianceNormality, varianceRandomisation, zNormality, zRandomisation,
            Normal.UpperTail(zNormality), Normal.UpperTail(zRandomisation), permutations, pPermutation, (int)nn);
    }

    private static double CrossProduct(ReadOnlySpan<double> z, SpatialWeights weights)
    {
        var total = 0.0;
        for (var a = 0; a < z.Length; a++)
        {
            var neighbours = weights.NeighboursOf(a);
            var w = weights.WeightsOf(a);
            var lag = 0.0;
            for (var k = 0; k < neighbours.Length; k++)
            {
                lag += w[k] * z[neighbours[k]];
            }

            total += z[a] * lag;
        }

        return total;
    }

    private static double PermutationP(double[] z, SpatialWeights weights, double observed, double scale, int permutations, ulong seed)
    {
        // Σz² is invariant under permutation, so only the cross product changes. Each permutation has its own stream.
        var atLeast = 0;
        var gate = new object();
        Parallel.For(0, permutations, () => (Values: new double[z.Length], Count: 0), (p, _, local) =>
        {
            z.CopyTo(local.Values, 0);
            var random = SeededRandom.For(seed, (ulong)p);
            for (var k = local.Values.Length - 1; k > 0; k--)
            {
                var j = random.NextInt(k + 1);
                (local.Values[k], local.Values[j]) = (local.Values[j], local.Values[k]);
            }

            if (scale * CrossProduct(local.Values, weights) >= observed)
            {
                local.Count++;
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                atLeast += local.Count;
            }
        });
        return (atLeast + 1.0) / (permutations + 1.0);
    }
}
