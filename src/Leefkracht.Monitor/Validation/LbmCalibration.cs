using Leefkracht.Core.Statistics;

namespace Leefkracht.Monitor.Validation;

/// <summary>One row of a calibration design: an area, its target and its clipped standard scores.</summary>
/// <param name="Code">The area (a PC4 code, or a CBS code).</param>
/// <param name="Gemeente">The gemeente it belongs to (the unit of the cross-validation folds).</param>
/// <param name="Inhabitants">Its inhabitants (the row weight is their square root).</param>
/// <param name="Target">The target: the Leefbaarometer's <c>afw</c>.</param>
/// <param name="Scores">The clipped standard scores on the model's fixed yardstick, in the yardstick's order.</param>
public sealed record CalibrationRow(string Code, string Gemeente, double Inhabitants, double Target, IReadOnlyList<double> Scores);

/// <summary>A calibrated fit: the coefficients and the penalty the inner cross-validation chose.</summary>
/// <param name="Fit">Intercept, coefficients, standard errors.</param>
/// <param name="LambdaFactor">The chosen penalty as a multiple of the number of rows.</param>
/// <param name="Rows">The number of rows fitted.</param>
/// <param name="RSquared">Weighted in-sample R².</param>
/// <param name="RSquaredOutOfFold">Weighted R² of the inner cross-validation at the chosen penalty.</param>
public sealed record CalibratedFit(SignConstrainedFit Fit, double LambdaFactor, int Rows, double RSquared, double RSquaredOutOfFold)
{
    /// <summary>The fit's prediction for a row of standard scores: b₀ + Σ βₖ zₖ.</summary>
    public double Predict(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var value = Fit.Intercept;
        for (var k = 0; k < scores.Count; k++)
        {
            value += Fit.Coefficients[k] * scores[k];
        }

        return value;
    }
}

/// <summary>
/// The calibration of a yardstick model against the Leefbaarometer (<c>leefkracht model fit --target lbm</c>), the
/// method that produced <c>leefkracht-lbm-calibrated</c> (docs/indices.md#the-calibrated-model): a weighted ridge
/// regression of the Leefbaarometer's <c>afw</c> on the clipped standard scores of the fixed yardstick, with an
/// unpenalised intercept, weights √inhabitants and sign constraints (<see cref="SignConstrainedRidge"/>); the penalty
/// λ = factor · n is chosen from <see cref="LambdaFactors"/> by grouped inner cross-validation (the training
/// gemeenten in <see cref="InnerFolds"/> folds, <see cref="GemeenteFolds"/>): the lowest Σ w e² wins, a tie goes to the
/// larger λ.
/// </summary>
public static class LbmCalibration
{
    /// <summary>Areas with fewer inhabitants are neither fitted nor evaluated (the Leefbaarometer warns about them).</summary>
    public const double MinimumInhabitants = 100;

    /// <summary>The folds of the inner cross-validation that chooses λ.</summary>
    public const int InnerFolds = 5;

    /// <summary>The folds of the outer (validation) cross-validation.</summary>
    public const int OuterFolds = 10;

    /// <summary>The penalty grid, as multiples of the number of rows (weights have mean 1).</summary>
    public static IReadOnlyList<double> LambdaFactors { get; } = [0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1];

    /// <summary>
    /// The prior sign of each yardstick indicator: +1 (β ≥ 0), −1 (β ≤ 0), 0 (free). Signs are set where the
    /// direction is not in doubt (value, tenure, amenities, health, crime); density and composition are left free
    /// because their effect at equal health and value is an empirical question (FINDINGS §4.1).
    /// </summary>
    public static IReadOnlyDictionary<string, int> PriorSigns { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["woz_mean"] = 1,
        ["dwellings_owner_occupied_pct"] = 1,
        ["dwellings_single_family_pct"] = 1,
        ["address_density"] = 0,
        ["population_density"] = 0,
        ["distance_gp"] = -1,
        ["distance_supermarket"] = -1,
        ["distance_school"] = -1,
        ["schools_within_3km"] = 1,
        ["good_health_pct"] = 1,
        ["household_size"] = 0,
        ["age_0_14_pct"] = 0,
        ["age_15_24_pct"] = 0,
        ["age_25_44_pct"] = 0,
        ["age_65_plus_pct"] = 0,
        ["crimes_per_1000_5y_mean"] = -1,
        ["crimes_per_km2"] = -1,
        ["crimes_per_household"] = -1,
    };

    /// <summary>The prior signs of a yardstick's indicators, in its order (an indicator without a prior is free).</summary>
    public static IReadOnlyList<int> SignsOf(Yardstick yardstick)
    {
        ArgumentNullException.ThrowIfNull(yardstick);
        return [.. yardstick.Indicators.Select(i => PriorSigns.GetValueOrDefault(i.IndicatorId))];
    }

    /// <summary>
    /// The clipped standard scores of raw values of year <paramref name="period"/> on the yardstick (NaN where a
    /// value is missing): zₖ = clip((tₖ(aligned xₖ) − μₖ) / σₖ, ±limit).
    /// </summary>
    public static double[] StandardScores(Yardstick yardstick, IReadOnlyList<double> values, int period, double limit)
    {
        ArgumentNullException.ThrowIfNull(yardstick);
        ArgumentNullException.ThrowIfNull(values);
        var z = new double[yardstick.Indicators.Count];
        for (var k = 0; k < z.Length; k++)
        {
            var indicator = yardstick.Indicators[k];
            var t = indicator.Transformed(values[k], period);
            z[k] = double.IsNaN(t) ? double.NaN : Math.Clamp((t - indicator.Mean) / indicator.StandardDeviation, -limit, limit);
        }

        return z;
    }

    /// <summary>Fits the rows, choosing λ by grouped inner cross-validation.</summary>
    public static CalibratedFit Fit(IReadOnlyList<CalibrationRow> rows, IReadOnlyList<int> signs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(signs);
        if (rows.Count < 2 * signs.Count)
        {
            throw new ArgumentException(Monitoring.InputWords.Words.Format("Calibration.TooFewAreas", rows.Count, signs.Count), nameof(rows));
        }

        var folds = GemeenteFolds.Assign(rows.Select(r => r.Gemeente), InnerFolds);
        var fold = rows.Select(r => folds[r.Gemeente]).ToArray();
        var weights = rows.Select(r => Math.Sqrt(r.Inhabitants)).ToArray();
        var (bestFactor, bestError) = (double.NaN, double.PositiveInfinity);
        foreach (var factor in LambdaFactors)
        {
            var error = 0.0;
            for (var i = 0; i < InnerFolds; i++)
            {
                var train = Enumerable.Range(0, rows.Count).Where(r => fold[r] != i).ToArray();
                var fit = Solve(rows, weights, train, factor, signs);
                for (var r = 0; r < rows.Count; r++)
                {
                    if (fold[r] == i)
                    {
                        var e = rows[r].Target - fit.Predict(rows[r].Scores);
                        error += weights[r] * e * e;
                    }
                }
            }

            // The grid rises, so "at most as large" keeps the larger λ on a tie.
            if (error <= bestError * (1 + 1e-12))
            {
                (bestFactor, bestError) = (factor, error);
            }
        }

        var all = Enumerable.Range(0, rows.Count).ToArray();
        var full = Solve(rows, weights, all, bestFactor, signs);
        var total = weights.Sum();
        var mean = rows.Select((r, i) => weights[i] * r.Target).Sum() / total;
        var spread = rows.Select((r, i) => weights[i] * (r.Target - mean) * (r.Target - mean)).Sum();
        var residual = rows.Select((r, i) => weights[i] * Math.Pow(r.Target - full.Predict(r.Scores), 2)).Sum();
        return full with { RSquared = 1 - (residual / spread), RSquaredOutOfFold = 1 - (bestError / spread) };
    }

    /// <summary>
    /// The model file of a refit: <paramref name="template"/> (its yardstick's reference, imputation, classes and
    /// nowcast bands) with the fitted intercept, coefficients and standard errors, and dimensions whose weights are the
    /// shares of Σ|β| (an indicator at its bound carries no weight and is left out of the dimensions, as in the shipped file).
    /// </summary>
    public static LivabilityModel ToModel(LivabilityModel template, CalibratedFit fit, int period, int targetYear, string level)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fit);
        var yardstick = template.Yardstick ?? throw new ArgumentException($"model {template.Id} has no fixed yardstick", nameof(template));
        var indicators = yardstick.Indicators
            .Select((i, k) => i with { Coefficient = fit.Fit.Coefficients[k], StandardError = fit.Fit.StandardErrors[k] })
            .ToList();
        var total = indicators.Sum(i => Math.Abs(i.Coefficient));
        var reasons = template.Dimensions.SelectMany(d => d.Indicators).ToDictionary(i => i.IndicatorId, i => i.Reason, StringComparer.Ordinal);
        var dimensionReasons = template.Dimensions.ToDictionary(d => d.Dimension, d => d.Reason);
        var order = template.Dimensions.Select(d => d.Dimension).Concat(indicators.Select(i => i.Dimension)).Distinct().ToList();
        var dimensions = order
            .Select(dimension => (dimension, members: indicators.Where(i => i.Dimension == dimension && i.Coefficient != 0).ToList()))
            .Where(d => d.members.Count > 0)
            .Select(d => new ModelDimension(
                d.dimension,
                d.members.Sum(i => Math.Abs(i.Coefficient)) / total,
                [.. d.members.Select(i => new ModelIndicator(
                    i.IndicatorId,
                    Math.Abs(i.Coefficient),
                    i.Coefficient > 0 ? Direction.HigherIsBetter : Direction.HigherIsWorse,
                    reasons.GetValueOrDefault(i.IndicatorId) ?? "Weight estimated against the Leefbaarometer."))],
                dimensionReasons.GetValueOrDefault(d.dimension) ?? "Weights estimated against the Leefbaarometer."))
            .ToList();
        var coefficients = indicators.Select(i => new FittedCoefficient(i.IndicatorId, i.Coefficient, i.StandardError, i.Coefficient / i.StandardDeviation)).ToList();
        var target = yardstick.Target is { } scale ? scale with { LatestMeasurement = targetYear } : null;
        return template with
        {
            // Another id, so that a refit is never mistaken for the shipped model it started from.
            Id = $"{template.Id}-refit",
            Description = $"Refitted from the store (leefkracht model fit --target lbm) with the method of {template.Id}: {template.Description}",
            Dimensions = dimensions,
            Fit = new ModelFit("lbm", period, level, fit.Rows, fit.LambdaFactor * fit.Rows, InnerFolds, 0, fit.RSquared, fit.RSquaredOutOfFold, coefficients),
            Yardstick = yardstick with { Intercept = fit.Fit.Intercept, Indicators = indicators, Target = target },
        };
    }

    private static CalibratedFit Solve(IReadOnlyList<CalibrationRow> rows, double[] weights, int[] subset, double factor, IReadOnlyList<int> signs)
    {
        var fit = SignConstrainedRidge.Fit(
            [.. subset.Select(r => rows[r].Scores.ToArray())],
            [.. subset.Select(r => rows[r].Target)],
            [.. subset.Select(r => weights[r])],
            factor * subset.Length,
            signs);
        return new CalibratedFit(fit, factor, subset.Length, double.NaN, double.NaN);
    }
}
