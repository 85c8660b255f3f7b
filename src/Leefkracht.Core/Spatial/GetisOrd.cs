using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Spatial;

/// <summary>Getis-Ord G_i or G*_i of every area (columnar: index i is area i of the weights).</summary>
/// <param name="Star">True for G*_i (the area itself among its neighbours), false for G_i.</param>
/// <param name="G">G*_i = Σ_j w_ij x_j / Σ_j x_j (G_i: divided by Σ_{j≠i} x_j).</param>
/// <param name="Z">The standardised statistic (spdep <c>localG</c>): positive = hot spot, negative = cold spot; NaN for islands.</param>
/// <param name="P">Two-sided normal p-value 2·P(Z &gt; |z|).</param>
/// <param name="Permutations">Number of conditional permutations, 0 when none were run.</param>
/// <param name="PseudoP">Folded pseudo p-value (min(g, N−g) + 1)/(N + 1) of G_i; NaN without permutations.</param>
/// <param name="PermutationZ">(G_i − mean) / sd of the permuted G_i.</param>
public sealed record LocalGResult(bool Star, double[] G, double[] Z, double[] P, int Permutations, double[] PseudoP, double[] PermutationZ);

/// <summary>The local G statistics of Getis and Ord (1992) and Ord and Getis (1995), as spdep's <c>localG</c>.</summary>
/// <remarks>
/// With W_i = Σ_j w_ij and S_1i = Σ_j w_ij² over the area's neighbours (itself included for G*):
/// <code>
/// G*:  z_i = (Σ_j w_ij x_j − W_i x̄) / √( s² (n S_1i − W_i²) / (n − 1) ),   x̄ = Σx/n, s² = Σ(x − x̄)²/n
/// G:   z_i = (Σ_j w_ij x_j − W_i x̄_i) / √( s_i² ((n−1) S_1i − W_i²) / (n − 2) ),
///      x̄_i = (Σx − x_i)/(n−1), s_i² = (Σx² − x_i²)/(n−1) − x̄_i²
/// </code>
/// Which one is computed follows the weights: <see cref="SpatialWeights.IncludesSelf"/> gives G*.
/// Permutations hold x_i fixed (also in its own G* term) and draw the other neighbours' values without replacement;
/// spdep 1.2-7's <c>localG_perm</c> also redraws the self term (fixed in later spdep releases, option
/// <c>fix_i_in_Gstar_permutations</c>), see docs/spatial.md §2.3.
/// Sources: Getis, A. and Ord, J.K. (1992) The analysis of spatial association by use of distance statistics,
/// <i>Geographical Analysis</i> 24(3); Ord, J.K. and Getis, A. (1995) Local spatial autocorrelation statistics,
/// <i>Geographical Analysis</i> 27(4); spdep <c>localG</c>.
/// </remarks>
public static class GetisOrd
{
    /// <summary>Computes G*_i (weights with self-links) or G_i (without), with optional permutation inference.</summary>
    /// <param name="values">x, one per area, none missing (G is meant for non-negative values such as shares).</param>
    /// <param name="weights">The weights; use <see cref="SpatialWeights.WithSelf"/> for G*.</param>
    /// <param name="permutations">Permutations and seed; <see cref="PermutationOptions.None"/> for analytical z only.</param>
    public static LocalGResult Compute(ReadOnlySpan<double> values, SpatialWeights weights, PermutationOptions? permutations = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        SpatialInput.Check(values, weights);
        permutations ??= new PermutationOptions();
        var star = weights.IncludesSelf;
        var n = values.Length;
        var x = values.ToArray();
        double total = 0, squares = 0;
        foreach (var v in x)
        {
            total += v;
            squares += v * v;
        }

        var mean = total / n;
        var s2 = 0.0;
        foreach (var v in x)
        {
            s2 += (v - mean) * (v - mean);
        }

        s2 /= n;
        var lag = weights.Lag(x);
        var result = new LocalGResult(star, new double[n], new double[n], new double[n], permutations.Count, SpatialInput.Missing(n), SpatialInput.Missing(n));
        var scale = new double[n];
        var self = new double[n];
        for (var i = 0; i < n; i++)
        {
            double wi = 0, s1i = 0;
            var neighbours = weights.NeighboursOf(i);
            var w = weights.WeightsOf(i);
            for (var k = 0; k < neighbours.Length; k++)
            {
                wi += w[k];
                s1i += w[k] * w[k];
                self[i] += neighbours[k] == i ? w[k] * x[i] : 0;
            }

            var denominator = star ? total : total - x[i];
            scale[i] = 1 / denominator;
            self[i] /= denominator;
            result.G[i] = lag[i] / denominator;
            double expected, variance;
            if (star)
            {
                expected = wi * mean;
                variance = s2 * ((n * s1i) - (wi * wi)) / (n - 1);
            }
            else
            {
                var meanI = (total - x[i]) / (n - 1);
                var s2I = ((squares - (x[i] * x[i])) / (n - 1)) - (meanI * meanI);
                expected = wi * meanI;
                variance = s2I * (((n - 1) * s1i) - (wi * wi)) / (n - 2);
            }

            result.Z[i] = neighbours.Length == 0 ? double.NaN : (lag[i] - expected) / Math.Sqrt(variance);
            result.P[i] = 2 * Normal.UpperTail(Math.Abs(result.Z[i]));
        }

        if (permutations.Count > 0)
        {
            var summaries = ConditionalPermutation.Run(x, weights, result.G, scale, self, permutations);
            for (var i = 0; i < n; i++)
            {
                var s = summaries[i];
                if (!double.IsNaN(s.Mean))
                {
                    result.PseudoP[i] = ConditionalPermutation.FoldedP(s.AtLeast, permutations.Count);
                    result.PermutationZ[i] = (result.G[i] - s.Mean) / Math.Sqrt(s.Variance);
                }
            }
        }

        return result;
    }
}
