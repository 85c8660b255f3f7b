using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Spatial;

/// <summary>How many permutations and which seed a permutation test uses.</summary>
/// <param name="Count">The number of permutations (999 by default, 0 for none).</param>
/// <param name="Seed">The seed; the same seed gives the same p-values on any machine and any number of cores.</param>
public sealed record PermutationOptions(int Count = PermutationOptions.DefaultCount, ulong Seed = PermutationOptions.DefaultSeed)
{
    /// <summary>999 permutations: the smallest pseudo p-value is 1/1000.</summary>
    public const int DefaultCount = 999;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 20_240_101;

    /// <summary>No permutations.</summary>
    public static PermutationOptions None { get; } = new(0);
}

/// <summary>The summary of one area's permutation distribution.</summary>
/// <param name="Mean">Mean of the permuted statistics.</param>
/// <param name="Variance">Variance (n − 1 denominator, as R's <c>var</c>).</param>
/// <param name="AtLeast">How many permuted statistics were ≥ the observed one.</param>
internal readonly record struct PermutationSummary(double Mean, double Variance, int AtLeast);

/// <summary>
/// Conditional randomisation (Anselin 1995): the value at area i stays, the values of its k_i neighbours are
/// replaced by k_i values drawn without replacement from the other n − 1 areas.
/// </summary>
/// <remarks>
/// Each area draws from its own stream <c>SeededRandom.For(seed, i)</c>, so the result does not depend on thread
/// scheduling. Drawing without replacement is done by rejection against a per-thread stamp array (O(k) per
/// permutation, no O(n) reset). spdep 1.2-7 draws with replacement; for k ≪ n the two distributions are practically
/// equal (see docs/spatial.md §2.2).
/// </remarks>
internal static class ConditionalPermutation
{
    /// <summary>
    /// Runs <paramref name="options"/>.Count permutations for every area with neighbours. The permuted statistic of
    /// area i is <c>scale[i] · (Σ_k w_ik · pool[drawn_k]) + shift[i]</c>, which covers local Moran (scale z_i/m2) and
    /// G* (self term in shift).
    /// </summary>
    /// <param name="pool">The values that are drawn (z for Moran, x for G).</param>
    /// <param name="weights">Weights whose non-self links get the drawn values.</param>
    /// <param name="observed">The observed statistic per area.</param>
    /// <param name="scale">Multiplier of the permuted lag per area.</param>
    /// <param name="shift">Constant added per area (the self term of G*), or null.</param>
    /// <param name="options">Count and seed.</param>
    public static PermutationSummary[] Run(
        double[] pool, SpatialWeights weights, double[] observed, double[] scale, double[]? shift, PermutationOptions options)
    {
        var n = pool.Length;
        var result = new PermutationSummary[n];
        var count = options.Count;
        Parallel.For(0, n, () => new long[n], (i, _, stamps) =>
        {
            var neighbours = weights.NeighboursOf(i);
            var w = weights.WeightsOf(i);
            var others = 0;
            foreach (var j in neighbours)
            {
                others += j == i ? 0 : 1;
            }

            if (others == 0)
            {
                result[i] = new PermutationSummary(double.NaN, double.NaN, 0);
                return stamps;
            }

            Span<double> otherWeights = others <= 256 ? stackalloc double[others] : new double[others];
            for (int k = 0, m = 0; k < neighbours.Length; k++)
            {
                if (neighbours[k] != i)
                {
                    otherWeights[m++] = w[k];
                }
            }

            var random = SeededRandom.For(options.Seed, (ulong)i);
            var add = shift?[i] ?? 0;
            double mean = 0, squares = 0;
            var atLeast = 0;
            for (var p = 0; p < count; p++)
            {
                // A fresh stamp per permutation marks the areas drawn in it; i is marked so it is never drawn.
                var stamp = ((long)i * count) + p + 1;
                stamps[i] = stamp;
                var lag = 0.0;
                foreach (var wk in otherWeights)
                {
                    int j;
                    do
                    {
                        j = random.NextInt(n);
                    }
                    while (stamps[j] == stamp);

                    stamps[j] = stamp;
                    lag += wk * pool[j];
                }

                var statistic = (scale[i] * lag) + add;
                // Welford's update: no cancellation when the variance is small against the mean.
                var delta = statistic - mean;
                mean += delta / (p + 1);
                squares += delta * (statistic - mean);
                atLeast += statistic >= observed[i] ? 1 : 0;
            }

            var variance = count > 1 ? squares / (count - 1) : double.NaN;
            result[i] = new PermutationSummary(mean, variance, atLeast);
            return stamps;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// The folded pseudo p-value (spdep "Pr(folded) Sim", esda <c>p_sim</c>):
    /// (min(g, N − g) + 1) / (N + 1), g = #{permuted ≥ observed}.
    /// </summary>
    public static double FoldedP(int atLeast, int count) => (Math.Min(atLeast, count - atLeast) + 1.0) / (count + 1.0);
}
