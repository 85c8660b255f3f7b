namespace Leefkracht.Core.Segregation;

/// <summary>Multigroup segregation: the mutual information index M and Theil's H = M / E.</summary>
/// <param name="Units">Units with a positive total.</param>
/// <param name="Groups">Number of groups.</param>
/// <param name="M">M = Σ_u Σ_g p_ug ln(p_ug / (p_u p_g)) in nats (0 = every unit has the overall mix).</param>
/// <param name="GroupEntropy">E = −Σ_g p_g ln p_g, the entropy of the overall group mix.</param>
/// <param name="H">Theil's H = M / E, between 0 (even) and 1 (every unit holds one group only).</param>
/// <param name="LocalM">Each unit's share of M: p_u · Σ_g p_g|u ln(p_g|u / p_g) (NaN for units left out).</param>
public sealed record MultigroupResult(int Units, int Groups, double M, double GroupEntropy, double H, double[] LocalM);

/// <summary>The mutual information index of Theil and Finizza (1971), as R's <c>segregation::mutual_total</c>.</summary>
/// <remarks>
/// For counts c_ug of group g in unit u, with N = Σ c_ug, p_ug = c_ug/N, p_u = Σ_g p_ug, p_g = Σ_u p_ug:
/// <code>
/// M = Σ_u Σ_g p_ug ln(p_ug / (p_u p_g)),   E = −Σ_g p_g ln p_g,   H = M / E
/// M = Σ_u p_u L_u,  L_u = Σ_g p_g|u ln(p_g|u / p_g)   (local segregation, Mora and Ruiz-Castillo 2011)
/// </code>
/// With two groups H equals the two-group <see cref="SegregationIndices"/> entropy index.
/// Sources: Theil, H. and Finizza, A.J. (1971) A note on the measurement of racial integration of schools,
/// <i>Journal of Mathematical Sociology</i> 1; Mora, R. and Ruiz-Castillo, J. (2011) Entropy-based segregation
/// indices, <i>Sociological Methodology</i> 41; Elbers, B. (2023) segregation (R package), <c>mutual_total</c>.
/// See docs/spatial.md §4.
/// </remarks>
public static class MutualInformation
{
    /// <summary>Computes M and H from counts[group][unit]; units with a non-positive or missing total are left out.</summary>
    /// <exception cref="ArgumentException">Fewer than two groups, unequal lengths, negative counts, or only one group present.</exception>
    public static MultigroupResult Compute(IReadOnlyList<double[]> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count < 2)
        {
            throw new ArgumentException("at least two groups are needed", nameof(counts));
        }

        var unitCount = counts[0].Length;
        if (counts.Any(c => c.Length != unitCount))
        {
            throw new ArgumentException("every group needs a count for every unit", nameof(counts));
        }

        var unitTotals = new double[unitCount];
        var groupTotals = new double[counts.Count];
        var units = 0;
        for (var u = 0; u < unitCount; u++)
        {
            var sum = 0.0;
            var valid = true;
            for (var g = 0; g < counts.Count; g++)
            {
                var c = counts[g][u];
                valid &= double.IsFinite(c);
                if (c < 0)
                {
                    throw new ArgumentException($"group {g}, unit {u}: negative count {c}", nameof(counts));
                }

                sum += c;
            }

            unitTotals[u] = valid && sum > 0 ? sum : double.NaN;
            if (!double.IsNaN(unitTotals[u]))
            {
                units++;
                for (var g = 0; g < counts.Count; g++)
                {
                    groupTotals[g] += counts[g][u];
                }
            }
        }

        var n = groupTotals.Sum();
        if (groupTotals.Count(t => t > 0) < 2)
        {
            throw new ArgumentException("at least two groups must be present", nameof(counts));
        }

        var entropy = 0.0;
        foreach (var total in groupTotals)
        {
            entropy -= total > 0 ? total / n * Math.Log(total / n) : 0;
        }

        var local = new double[unitCount];
        var m = 0.0;
        for (var u = 0; u < unitCount; u++)
        {
            if (double.IsNaN(unitTotals[u]))
            {
                local[u] = double.NaN;
                continue;
            }

            var lu = 0.0;
            for (var g = 0; g < counts.Count; g++)
            {
                var conditional = counts[g][u] / unitTotals[u];
                lu += conditional > 0 ? conditional * Math.Log(conditional / (groupTotals[g] / n)) : 0;
            }

            local[u] = unitTotals[u] / n * lu;
            m += local[u];
        }

        return new MultigroupResult(units, counts.Count, m, entropy, m / entropy, local);
    }
}
