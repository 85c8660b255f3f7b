namespace Leefkracht.Core.Spatial;

/// <summary>Checks and centring shared by the spatial statistics.</summary>
internal static class SpatialInput
{
    /// <summary>Throws when the values do not fit the weights or one is missing (spatial statistics need every area).</summary>
    public static void Check(ReadOnlySpan<double> values, SpatialWeights weights)
    {
        if (values.Length != weights.Count)
        {
            throw new ArgumentException($"{values.Length} values for {weights.Count} areas in the weights", nameof(values));
        }

        if (values.Length < 4)
        {
            throw new ArgumentException($"{values.Length} areas are too few (at least 4 are needed for the moments)", nameof(values));
        }

        var constant = true;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"value {i} is missing or not finite; drop such areas from the weights first (SpatialWeights.Subset)", nameof(values));
            }

            constant &= values[i] == values[0];
        }

        if (constant)
        {
            throw new ArgumentException("all values are equal: the statistics divide by their variance, which is 0", nameof(values));
        }
    }

    /// <summary>z_i = x_i − x̄.</summary>
    public static double[] Deviations(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var x in values)
        {
            mean += x;
        }

        mean /= values.Length;
        var z = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            z[i] = values[i] - mean;
        }

        return z;
    }

    /// <summary>An array of n NaNs (a statistic not computed, or not defined for an island).</summary>
    public static double[] Missing(int n)
    {
        var values = new double[n];
        Array.Fill(values, double.NaN);
        return values;
    }
}
