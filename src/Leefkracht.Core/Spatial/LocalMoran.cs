using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Spatial;

/// <summary>The quadrant of the Moran scatter plot an area falls in: its own deviation against its neighbours'.</summary>
public enum LisaQuadrant
{
    /// <summary>High value among high neighbours (z_i &gt; 0, lag &gt; 0): part of a cluster of high values.</summary>
    HighHigh,

    /// <summary>Low value among low neighbours (z_i ≤ 0, lag ≤ 0).</summary>
    LowLow,

    /// <summary>High value among low neighbours: a high outlier.</summary>
    HighLow,

    /// <summary>Low value among high neighbours: a low outlier.</summary>
    LowHigh,
}

/// <summary>Which null hypothesis the analytical moments of local Moran's I use.</summary>
public enum LocalMoments
{
    /// <summary>Conditional randomisation, x_i fixed (Sokal, Oden and Thomson 1998; spdep <c>conditional = TRUE</c>, the default).</summary>
    Conditional,

    /// <summary>Total randomisation (Anselin 1995; spdep <c>conditional = FALSE</c>).</summary>
    Total,
}

/// <summary>Local Moran's I of every area (columnar: index i is area i of the weights).</summary>
/// <param name="I">I_i = (z_i / m2) · Σ_j w_ij z_j with z = x − x̄ and m2 = Σz²/n.</param>
/// <param name="Lag">The spatial lag of z, Σ_j w_ij z_j.</param>
/// <param name="Expected">Analytical E[I_i].</param>
/// <param name="Variance">Analytical Var[I_i].</param>
/// <param name="Z">(I_i − E[I_i]) / √Var[I_i]; NaN for islands.</param>
/// <param name="P">Two-sided normal p-value 2·P(Z &gt; |z|).</param>
/// <param name="Quadrant">The scatter-plot quadrant (sign of z_i and of its lag).</param>
/// <param name="Permutations">Number of conditional permutations, 0 when none were run.</param>
/// <param name="PseudoP">Folded pseudo p-value (min(g, N−g) + 1)/(N + 1); NaN without permutations or for islands.</param>
/// <param name="PermutationExpected">Mean of the permuted I_i.</param>
/// <param name="PermutationVariance">Variance of the permuted I_i.</param>
/// <param name="PermutationZ">(I_i − mean) / sd of the permuted I_i (spdep <c>localmoran_perm</c> Z.Ii).</param>
/// <param name="Moments">The null hypothesis of <paramref name="Expected"/> and <paramref name="Variance"/>.</param>
public sealed record LocalMoranResult(
    double[] I,
    double[] Lag,
    double[] Expected,
    double[] Variance,
    double[] Z,
    double[] P,
    LisaQuadrant[] Quadrant,
    int Permutations,
    double[] PseudoP,
    double[] PermutationExpected,
    double[] PermutationVariance,
    double[] PermutationZ,
    LocalMoments Moments);

/// <summary>Local Moran's I, a local indicator of spatial association (LISA; Anselin 1995), as spdep computes it.</summary>
/// <remarks>
/// With z = x − x̄, m2 = Σz²/n (spdep <c>mlvar = TRUE</c>), b2 = (Σz⁴/n)/m2², W_i = Σ_j w_ij, W_i2 = Σ_j w_ij²:
/// <code>
/// I_i            = (z_i / m2) · Σ_j w_ij z_j
/// conditional:   E[I_i] = −z_i² W_i / ((n−1) m2)
///                Var[I_i] = (z_i/m2)² · n/(n−2) · (W_i2 − W_i²/(n−1)) · (m2 − z_i²/(n−1))
/// total:         E[I_i] = −W_i/(n−1)
///                Var[I_i] = W_i2 (n−b2)/(n−1) + (W_i² − W_i2)(2b2−n)/((n−1)(n−2)) − E[I_i]²
/// </code>
/// Sources: Anselin, L. (1995) Local indicators of spatial association — LISA, <i>Geographical Analysis</i> 27(2);
/// Sokal, R.R., Oden, N.L. and Thomson, B.A. (1998) Local spatial autocorrelation in biological variables,
/// <i>Biological Journal of the Linnean Society</i> 65; spdep 1.2-7 <c>localmoran</c> and <c>localmoran_perm</c>.
/// The quadrant follows spdep's <c>quadr$pysal</c> (GeoDa): High when z_i &gt; 0, High lag when Σ_j w_ij z_j &gt; 0.
/// See docs/spatial.md §2.2.
/// </remarks>
public static class LocalMoran
{
    /// <summary>Computes local Moran's I, its analytical moments and, optionally, conditional permutation inference.</summary>
    /// <param name="values">x, one per area, none missing.</param>
    /// <param name="weights">Weights without self-links (usually row-standardised).</param>
    /// <param name="permutations">Permutations and seed; <see cref="PermutationOptions.None"/> for analytical inference only.</param>
    /// <param name="moments">Null hypothesis of the analytical moments.</param>
    public static LocalMoranResult Compute(
        ReadOnlySpan<double> values, SpatialWeights weights, PermutationOptions? permutations = null, LocalMoments moments = LocalMoments.Conditional)
    {
        ArgumentNullException.ThrowIfNull(weights);
        SpatialInput.Check(values, weights);
        if (weights.IncludesSelf)
        {
            throw new ArgumentException("local Moran's I needs weights without self-links", nameof(weights));
        }

        permutations ??= new PermutationOptions();
        var n = values.Length;
        var z = SpatialInput.Deviations(values);
        var lag = weights.Lag(z);
        double m2 = 0, m4 = 0;
        foreach (var zi in z)
        {
            m2 += zi * zi;
            m4 += zi * zi * zi * zi;
        }

        m2 /= n;
        m4 /= n;
        var b2 = m4 / (m2 * m2);
        var result = new LocalMoranResult(
            new double[n], lag, new double[n], new double[n], new double[n], new double[n], new LisaQuadrant[n],
            permutations.Count, SpatialInput.Missing(n), SpatialInput.Missing(n), SpatialInput.Missing(n), SpatialInput.Missing(n), moments);
        var scale = new double[n];
        for (var i = 0; i < n; i++)
        {
            double wi = 0, wi2 = 0;
            foreach (var w in weights.WeightsOf(i))
            {
                wi += w;
                wi2 += w * w;
            }

            scale[i] = z[i] / m2;
            result.I[i] = scale[i] * lag[i];
            if (moments == LocalMoments.Conditional)
            {
                result.Expected[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);
                result.Variance[i] = scale[i] * scale[i] * (n / (n - 2.0)) * (wi2 - (wi * wi / (n - 1))) * (m2 - (z[i] * z[i] / (n - 1)));
            }
            else
            {
                result.Expected[i] = -wi / (n - 1);
                result.Variance[i] = (wi2 * (n - b2) / (n - 1)) + ((wi * wi - wi2) * ((2 * b2) - n) / ((n - 1.0) * (n - 2.0)))
                    - (result.Expected[i] * result.Expected[i]);
            }

            result.Z[i] = weights.CardinalityOf(i) == 0 ? double.NaN : (result.I[i] - result.Expected[i]) / Math.Sqrt(result.Variance[i]);
            result.P[i] = 2 * Normal.UpperTail(Math.Abs(result.Z[i]));
            result.Quadrant[i] = QuadrantOf(z[i], lag[i]);
        }

        if (permutations.Count > 0)
        {
            var summaries = ConditionalPermutation.Run(z, weights, result.I, scale, shift: null, permutations);
            for (var i = 0; i < n; i++)
            {
                var s = summaries[i];
                if (double.IsNaN(s.Mean))
                {
                    continue;
                }

                result.PseudoP[i] = ConditionalPermutation.FoldedP(s.AtLeast, permutations.Count);
                result.PermutationExpected[i] = s.Mean;
                result.PermutationVariance[i] = s.Variance;
                result.PermutationZ[i] = (result.I[i] - s.Mean) / Math.Sqrt(s.Variance);
            }
        }

        return result;
    }

    /// <summary>The quadrant of (z, lag) with spdep's cut at 0 (0 counts as low).</summary>
    public static LisaQuadrant QuadrantOf(double z, double lag) => (z > 0, lag > 0) switch
    {
        (true, true) => LisaQuadrant.HighHigh,
        (false, false) => LisaQuadrant.LowLow,
        (true, false) => LisaQuadrant.HighLow,
        _ => LisaQuadrant.LowHigh,
    };
}
