namespace Leefkracht.Core.Statistics;

/// <summary>The weighted mean and standard deviation of a sample.</summary>
/// <remarks>μ = Σwᵢxᵢ / Σwᵢ and σ = √(Σwᵢ(xᵢ − μ)² / Σwᵢ) over the values that are not NaN and have a positive weight.</remarks>
public static class WeightedMoments
{
    /// <summary>(μ, σ), or (NaN, NaN) when no value has a positive weight.</summary>
    public static (double Mean, double StandardDeviation) Of(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        double total = 0, sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]) && weights[i] > 0)
            {
                total += weights[i];
                sum += weights[i] * values[i];
            }
        }

        if (total == 0)
        {
            return (double.NaN, double.NaN);
        }

        var mean = sum / total;
        var squares = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]) && weights[i] > 0)
            {
                squares += weights[i] * (values[i] - mean) * (values[i] - mean);
            }
        }

        return (mean, Math.Sqrt(squares / total));
    }
}
