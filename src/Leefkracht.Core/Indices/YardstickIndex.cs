using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Indices;

/// <summary>
/// Scores areas on a model's fixed <see cref="Yardstick"/>: every score is a pure function of the area's own values
/// and the model file, so a score means the same in every year and place and does not move when other areas are
/// imported or removed.
/// </summary>
/// <remarks>
/// For indicator k with transform t, reference moments μₖ, σₖ and coefficient βₖ:
/// <list type="bullet">
/// <item>zₖ = clip((t(aligned xₖ) − μₖ) / σₖ, ±<see cref="ScoringRules.ZScoreLimit"/>);</item>
/// <item>a missing zₖ is estimated from the present ones (Gaussian conditional expectation with the stored mean m
/// and covariance S of the reference's clipped scores): z_M = m_M + S_MO S_OO⁻¹ (z_O − m_O), and the score's added
/// uncertainty is sd = inflation · √(β_M' (S_MM − S_MO S_OO⁻¹ S_OM) β_M);</item>
/// <item>the score afŵ = b₀ + Σₖ βₖ zₖ, the contributions cₖ = βₖ zₖ add up exactly (with the constant b₀).</item>
/// </list>
/// An area gets no score with too few inhabitants, or when its present indicators carry less than
/// <see cref="ScoringRules.MinimumCoverage"/> of Σ|β|. See docs/indices.md#yardstick.
/// </remarks>
public static class YardstickIndex
{
    /// <summary>The width of a 95 % normal interval in standard deviations.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Scores every area of <paramref name="table"/> (or those <paramref name="include"/> selects).</summary>
    public static IReadOnlyList<LivabilityScore> Compute(IndicatorTable table, LivabilityModel model, Func<AreaKey, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        var yardstick = model.Yardstick ?? throw new ArgumentException($"model {model.Id} has no fixed yardstick", nameof(model));
        var columns = yardstick.Indicators.Select(i => table.Column(i.IndicatorId).ToArray()).ToArray();
        var population = table.Column(ReferenceDistribution.PopulationIndicator);
        var values = new double[columns.Length];
        var scores = new List<LivabilityScore>(table.Areas.Length);
        for (var row = 0; row < table.Areas.Length; row++)
        {
            var area = table.Areas[row];
            if (include is not null && !include(area))
            {
                continue;
            }

            for (var k = 0; k < columns.Length; k++)
            {
                values[k] = columns[k][row];
            }

            scores.Add(Score(model, area, table.Period, population[row], values));
        }

        return scores;
    }

    /// <summary>
    /// The score of one area from its own values alone (in the order of the yardstick's indicators, NaN = missing).
    /// </summary>
    public static LivabilityScore Score(LivabilityModel model, AreaKey area, int period, double inhabitants, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        var yardstick = model.Yardstick ?? throw new ArgumentException($"model {model.Id} has no fixed yardstick", nameof(model));
        var rules = model.Rules;
        if (double.IsNaN(inhabitants))
        {
            return NotScored(area, period, 0, string.Create(CultureInfo.InvariantCulture, $"the number of inhabitants in {period} is unknown"));
        }

        if (inhabitants < rules.MinimumPopulation)
        {
            return NotScored(area, period, 0, string.Create(CultureInfo.InvariantCulture, $"too few inhabitants ({inhabitants:0} < {rules.MinimumPopulation:0}) for a reliable score"));
        }

        var indicators = yardstick.Indicators;
        var n = indicators.Count;
        var z = new double[n];
        var present = new bool[n];
        double presentWeight = 0;
        for (var k = 0; k < n; k++)
        {
            var t = indicators[k].Transformed(values[k], period);
            present[k] = !double.IsNaN(t);
            if (present[k])
            {
                z[k] = Math.Clamp((t - indicators[k].Mean) / indicators[k].StandardDeviation, -rules.ZScoreLimit, rules.ZScoreLimit);
                presentWeight += Math.Abs(indicators[k].Coefficient);
            }
        }

        var total = yardstick.TotalWeight;
        var coverage = total > 0 ? presentWeight / total : 0;
        if (coverage < rules.MinimumCoverage)
        {
            var missing = indicators.Where((_, k) => !present[k] && indicators[k].Coefficient != 0).Select(i => i.IndicatorId);
            return NotScored(area, period, coverage, string.Create(
                CultureInfo.InvariantCulture,
                $"values for only {coverage:P0} of the model's weight (at least {rules.MinimumCoverage:P0} needed); missing: {string.Join(", ", missing)}"));
        }

        var imputedSd = Impute(yardstick, z, present);
        var deviation = yardstick.Intercept;
        for (var k = 0; k < n; k++)
        {
            deviation += indicators[k].Coefficient * z[k];
        }

        var dimensions = Dimensions(model, yardstick, z, present, values);
        var estimated = indicators.Where((i, k) => !present[k] && i.Coefficient != 0).Select(i => i.IndicatorId).ToList();
        var uncertainty = estimated.Count > 0 ? new ScoreUncertainty(estimated, imputedSd) : null;
        return new LivabilityScore(area, period, deviation, model.Classes.ClassOf(deviation), dimensions, coverage, null, yardstick.Intercept, uncertainty);
    }

    /// <summary>The nowcast of a score on the model's target scale, when the model has one and the year lies after its latest measurement.</summary>
    public static Nowcast? NowcastOf(LivabilityModel model, LivabilityScore score, double inhabitants)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(score);
        if (model.Yardstick?.Target is not { } target || score.Deviation is not { } afw || score.Period <= target.LatestMeasurement
            || target.BandOf(score.Area.Code.Level, inhabitants) is not { } band)
        {
            return null;
        }

        var c = target.Constant;
        var estimate = afw + band.Q50;
        return new Nowcast(
            target.Name,
            c + estimate,
            c + afw + band.Q05,
            c + afw + band.Q95,
            c + afw + band.Q025,
            c + afw + band.Q975,
            model.Classes.ClassOf(estimate),
            model.Classes.ClassOf(afw + band.Q05),
            model.Classes.ClassOf(afw + band.Q95),
            target.LatestMeasurement);
    }

    /// <summary>
    /// Fills the missing entries of <paramref name="z"/> with their conditional expectation given the present ones
    /// and returns the standard deviation this adds to the score.
    /// </summary>
    private static double Impute(Yardstick yardstick, double[] z, bool[] present)
    {
        var observed = Enumerable.Range(0, z.Length).Where(k => present[k]).ToArray();
        var missing = Enumerable.Range(0, z.Length).Where(k => !present[k]).ToArray();
        if (missing.Length == 0)
        {
            return 0;
        }

        var m = yardstick.Imputation.Mean;
        var s = yardstick.Imputation.Covariance;

        // K = S_MO S_OO⁻¹ (|M| × |O|).
        var soo = new double[observed.Length, observed.Length];
        for (var i = 0; i < observed.Length; i++)
        {
            for (var j = 0; j < observed.Length; j++)
            {
                soo[i, j] = s[observed[i]][observed[j]];
            }
        }

        var inverse = observed.Length > 0 ? Cholesky.Inverse(soo) : soo;
        var gain = new double[missing.Length, observed.Length];
        for (var a = 0; a < missing.Length; a++)
        {
            for (var j = 0; j < observed.Length; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < observed.Length; i++)
                {
                    sum += s[missing[a]][observed[i]] * inverse[i, j];
                }

                gain[a, j] = sum;
            }
        }

        for (var a = 0; a < missing.Length; a++)
        {
            var value = m[missing[a]];
            for (var j = 0; j < observed.Length; j++)
            {
                value += gain[a, j] * (z[observed[j]] - m[observed[j]]);
            }

            z[missing[a]] = value;
        }

        // β_M' (S_MM − K S_OM) β_M.
        var variance = 0.0;
        for (var a = 0; a < missing.Length; a++)
        {
            for (var b = 0; b < missing.Length; b++)
            {
                var conditional = s[missing[a]][missing[b]];
                for (var j = 0; j < observed.Length; j++)
                {
                    conditional -= gain[a, j] * s[observed[j]][missing[b]];
                }

                variance += yardstick.Indicators[missing[a]].Coefficient * conditional * yardstick.Indicators[missing[b]].Coefficient;
            }
        }

        return yardstick.Imputation.Inflation * Math.Sqrt(Math.Max(variance, 0));
    }

    private static List<DimensionContribution> Dimensions(LivabilityModel model, Yardstick yardstick, double[] z, bool[] present, IReadOnlyList<double> values)
    {
        var order = model.Dimensions.Select(d => d.Dimension).Concat(yardstick.Indicators.Select(i => i.Dimension)).Distinct();
        var result = new List<DimensionContribution>();
        foreach (var dimension in order)
        {
            var contributions = new List<IndicatorContribution>();
            double sum = 0, weight = 0, presentWeight = 0;
            for (var k = 0; k < yardstick.Indicators.Count; k++)
            {
                var indicator = yardstick.Indicators[k];
                if (indicator.Dimension != dimension || indicator.Coefficient == 0)
                {
                    continue;
                }

                var beta = indicator.Coefficient;
                weight += Math.Abs(beta);
                presentWeight += present[k] ? Math.Abs(beta) : 0;
                var contribution = beta * z[k];
                sum += contribution;
                var value = present[k] ? values[k] : indicator.Untransformed(indicator.Mean + (indicator.StandardDeviation * z[k]));
                contributions.Add(new IndicatorContribution(indicator.IndicatorId, value, indicator.Untransformed(indicator.Mean), Math.Sign(beta) * z[k], Math.Abs(beta), contribution, !present[k]));
            }

            // A dimension none of whose indicators carries weight (crime, in the calibrated model) is left out rather than shown as "no values".
            if (weight > 0)
            {
                result.Add(new DimensionContribution(dimension, sum, presentWeight / weight, contributions));
            }
        }

        return result;
    }

    private static LivabilityScore NotScored(AreaKey area, int period, double coverage, string reason) =>
        new(area, period, null, null, [], coverage, reason);
}
