namespace Leefkracht.Core.Statistics;

/// <summary>Quantiles of a weighted sample.</summary>
/// <remarks>
/// The p-quantile is the smallest value x such that the weights of the values ≤ x add up to at least p of the
/// total weight (the inverse of the weighted empirical distribution function, Hyndman &amp; Fan type 1 with weights).
/// Used to place class bounds at shares of the population.
/// </remarks>
public static class WeightedQuantile
{
    /// <summary>The quantiles at <paramref name="probabilities"/> (each in [0, 1]) of values with non-negative weights; NaN values are ignored.</summary>
    public static double[] Compute(IReadOnlyList<double> values, IReadOnlyList<double> weights, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (values.Count != weights.Count)
        {
            throw new ArgumentException("values and weights differ in length", nameof(weights));
        }

        var pairs = Enumerable.Range(0, values.Count)
            .Where(i => !double.IsNaN(values[i]) && weights[i] > 0)
            .Select(i => (Value: values[i], Weight: weights[i]))
            .OrderBy(p => p.Value)
            .ToArray();
        if (pairs.Length == 0)
        {
            throw new ArgumentException("no values with positive weight", nameof(values));
        }

        var total = pairs.Sum(p => p.Weight);
        var result = new double[probabilities.Count];
        for (var q = 0; q < probabilities.Count; q++)
        {
            var target = Math.Clamp(probabilities[q], 0, 1) * total;
            var cumulative = 0.0;
            result[q] = pairs[^1].Value;
            foreach (var (value, weight) in pairs)
            {
                cumulative += weight;
                if (cumulative >= target)
                {
                    result[q] = value;
                    break;
                }
            }
        }

        return result;
    }
}
