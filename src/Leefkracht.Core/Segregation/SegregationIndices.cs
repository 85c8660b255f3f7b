namespace Leefkracht.Core.Segregation;

/// <summary>How one group is spread over the units (buurten) of an area (a gemeente).</summary>
/// <param name="Units">Units with a positive total that entered the computation.</param>
/// <param name="GroupTotal">X = Σ x_i, the group's size.</param>
/// <param name="Total">T = Σ t_i, everyone.</param>
/// <param name="Dissimilarity">D = Σ t_i |p_i − P| / (2 T P (1 − P)): the share of the group that would have to move to
/// be spread evenly (0 = even, 1 = completely apart).</param>
/// <param name="Isolation">xPx = Σ (x_i/X)(x_i/t_i): the group share in the unit of an average group member.</param>
/// <param name="Exposure">xPy = Σ (x_i/X)(y_i/t_i): the share of others in the unit of an average group member (1 − xPx).</param>
/// <param name="Entropy">Theil's information index H = Σ t_i (E − E_i) / (E T) for the group against the rest.</param>
/// <param name="LocationQuotients">LQ_i = (x_i/t_i) / (X/T) per input unit, NaN where t_i is 0 or missing.</param>
public sealed record SegregationResult(
    int Units,
    double GroupTotal,
    double Total,
    double Dissimilarity,
    double Isolation,
    double Exposure,
    double Entropy,
    double[] LocationQuotients)
{
    /// <summary>P = X / T, the group's overall share.</summary>
    public double Share => GroupTotal / Total;
}

/// <summary>Two-group (group against the rest) segregation indices.</summary>
/// <remarks>
/// Notation: unit i with x_i group members out of t_i, y_i = t_i − x_i, X = Σx_i, Y = Σy_i, T = Σt_i, P = X/T,
/// p_i = x_i/t_i, E(p) = p ln(1/p) + (1 − p) ln(1/(1 − p)) (natural logarithm, 0·ln(1/0) = 0).
/// <code>
/// D   = Σ_i t_i |p_i − P| / (2 T P (1 − P))  = ½ Σ_i |x_i/X − y_i/Y|
/// xPx = Σ_i (x_i/X)(x_i/t_i)                 xPy = Σ_i (x_i/X)(y_i/t_i)
/// H   = Σ_i t_i (E(P) − E(p_i)) / (E(P) T)
/// LQ_i = (x_i/t_i) / (X/T)
/// </code>
/// Sources: Massey, D.S. and Denton, N.A. (1988) The dimensions of residential segregation, <i>Social Forces</i> 67(2);
/// Theil, H. and Finizza, A.J. (1971); PySAL <c>segregation</c> (dissim.py, isolation.py, entropy.py).
/// Units with t_i ≤ 0 or a missing count are left out. See docs/spatial.md §4.
/// </remarks>
public static class SegregationIndices
{
    /// <summary>Computes the indices for a group with counts <paramref name="group"/> out of <paramref name="total"/> per unit.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, a group count exceeds its total, or the group is empty or everyone.</exception>
    public static SegregationResult Compute(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        if (group.Length != total.Length)
        {
            throw new ArgumentException($"{group.Length} group counts for {total.Length} totals", nameof(group));
        }

        double x = 0, t = 0;
        var units = 0;
        for (var i = 0; i < group.Length; i++)
        {
            if (!Counts(group[i], total[i]))
            {
                continue;
            }

            if (group[i] < 0 || group[i] > total[i] * (1 + 1e-12))
            {
                throw new ArgumentException($"unit {i}: group count {group[i]} is not between 0 and its total {total[i]}", nameof(group));
            }

            x += group[i];
            t += total[i];
            units++;
        }

        if (x <= 0 || x >= t)
        {
            throw new ArgumentException($"the group has {x} of {t}: segregation needs a group that is neither empty nor everyone", nameof(group));
        }

        var share = x / t;
        var entropy = TwoGroupEntropy(share);
        double dissimilarity = 0, isolation = 0, exposure = 0, theil = 0;
        var quotients = new double[group.Length];
        for (var i = 0; i < group.Length; i++)
        {
            if (!Counts(group[i], total[i]))
            {
                quotients[i] = double.NaN;
                continue;
            }

            var p = group[i] / total[i];
            dissimilarity += total[i] * Math.Abs(p - share);
            isolation += group[i] / x * p;
            exposure += group[i] / x * (1 - p);
            theil += total[i] * (entropy - TwoGroupEntropy(p));
            quotients[i] = p / share;
        }

        return new SegregationResult(
            units, x, t, dissimilarity / (2 * t * share * (1 - share)), isolation, exposure, theil / (entropy * t), quotients);
    }

    /// <summary>E(p) = p ln(1/p) + (1 − p) ln(1/(1 − p)), with 0 ln(1/0) = 0.</summary>
    public static double TwoGroupEntropy(double p) => Term(p) + Term(1 - p);

    private static double Term(double p) => p <= 0 ? 0 : -p * Math.Log(p);

    private static bool Counts(double group, double total) => double.IsFinite(group) && double.IsFinite(total) && total > 0;
}
