namespace Leefkracht.Core.Statistics;

/// <summary>How p-values of many simultaneous tests (one per area) are adjusted.</summary>
public enum PValueAdjustment
{
    /// <summary>No adjustment.</summary>
    None,

    /// <summary>Benjamini and Hochberg (1995), false discovery rate under independence or positive dependence (R <c>"BH"</c>/<c>"fdr"</c>).</summary>
    BenjaminiHochberg,

    /// <summary>Benjamini and Yekutieli (2001), false discovery rate under any dependence (R <c>"BY"</c>).</summary>
    BenjaminiYekutieli,
}

/// <summary>False-discovery-rate adjustment of p-values, exactly as R's <c>p.adjust</c>.</summary>
/// <remarks>
/// With the p-values sorted descending, p₍ᵢ₎ at rank i of n (i = n for the largest):
/// BH: q₍ᵢ₎ = min(1, min_{k ≥ i} n/k · p₍ₖ₎); BY: the same times c(n) = Σ_{k=1..n} 1/k.
/// Missing values (NaN) are left out and stay NaN, and n counts only the present ones (R's default <c>n = length(p)</c>
/// after <c>na.rm</c>). See docs/spatial.md §3.
/// </remarks>
public static class MultipleTesting
{
    /// <summary>Adjusts p-values; the result is in the input order.</summary>
    public static double[] Adjust(ReadOnlySpan<double> pValues, PValueAdjustment method)
    {
        var result = pValues.ToArray();
        if (method == PValueAdjustment.None)
        {
            return result;
        }

        var present = new List<int>();
        for (var i = 0; i < result.Length; i++)
        {
            if (!double.IsNaN(result[i]))
            {
                present.Add(i);
            }
        }

        var n = present.Count;
        var factor = 1.0;
        if (method == PValueAdjustment.BenjaminiYekutieli)
        {
            factor = 0;
            for (var k = 1; k <= n; k++)
            {
                factor += 1.0 / k;
            }
        }

        // Descending by p; equal p-values keep their input order (R's order() is stable).
        var order = present.OrderByDescending(i => result[i]).ToArray();
        var running = double.PositiveInfinity;
        var adjusted = (double[])result.Clone();
        for (var rank = 0; rank < n; rank++)
        {
            var i = order[rank];
            var k = n - rank;
            running = Math.Min(running, factor * n / k * result[i]);
            adjusted[i] = Math.Min(1, running);
        }

        return adjusted;
    }
}
