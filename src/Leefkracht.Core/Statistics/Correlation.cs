namespace Leefkracht.Core.Statistics;

/// <summary>Correlation between two paired samples.</summary>
/// <remarks>
/// Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²); Spearman's ρ is Pearson's r of the ranks (ties get the mean
/// of their ranks). Pairs with a NaN on either side are left out.
/// </remarks>
public static class Correlation
{
    /// <summary>Pearson's r over the complete pairs (NaN with fewer than three).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (a, b) = Complete(x, y);
        return a.Length < 3 ? double.NaN : PearsonOf(a, b);
    }

    /// <summary>Spearman's ρ over the complete pairs (NaN with fewer than three).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (a, b) = Complete(x, y);
        return a.Length < 3 ? double.NaN : PearsonOf(Ranks(a), Ranks(b));
    }

    /// <summary>Ranks 1 … n, ties getting the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static (double[] X, double[] Y) Complete(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y differ in length", nameof(y));
        }

        var pairs = Enumerable.Range(0, x.Count).Where(i => !double.IsNaN(x[i]) && !double.IsNaN(y[i])).ToArray();
        return ([.. pairs.Select(i => x[i])], [.. pairs.Select(i => y[i])]);
    }

    private static double PearsonOf(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
