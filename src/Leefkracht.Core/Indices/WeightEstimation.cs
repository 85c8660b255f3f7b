using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Indices;

/// <summary>What the weights are estimated against.</summary>
/// <param name="IndicatorId">The target indicator (an imported external score, or the WOZ value).</param>
/// <param name="Log">Whether the target is taken as its natural logarithm (house values: a hedonic model explains relative differences).</param>
public sealed record EstimationTarget(string IndicatorId, bool Log)
{
    /// <summary>The target as the model file records it: <c>log(woz_mean)</c> or the indicator id.</summary>
    public string Label => Log ? $"log({IndicatorId})" : IndicatorId;
}

/// <summary>A candidate predictor: an indicator and the Leefbaarometer dimension it belongs to.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Dimension">Its dimension in the estimated model.</param>
public sealed record Predictor(string IndicatorId, LivabilityDimension Dimension);

/// <summary>The rows and columns a model is estimated on.</summary>
/// <param name="Areas">The areas (complete cases).</param>
/// <param name="Predictors">The predictors used, in column order.</param>
/// <param name="X">Standardised predictors: zᵢⱼ = (xᵢⱼ − μⱼ) / σⱼ with the reference's population-weighted moments.</param>
/// <param name="Y">The target (logged when asked).</param>
/// <param name="Weights">Row weights: inhabitants.</param>
/// <param name="Dropped">Candidate predictors left out, with the reason.</param>
/// <param name="Moments">The reference moments each predictor was standardised with.</param>
public sealed record EstimationDesign(
    IReadOnlyList<AreaKey> Areas,
    IReadOnlyList<Predictor> Predictors,
    IReadOnlyList<double[]> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<double> Weights,
    IReadOnlyList<(string IndicatorId, string Reason)> Dropped,
    IReadOnlyList<IndicatorMoments> Moments);

/// <summary>The options of an estimation.</summary>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="Seed">Seed of the fold assignment.</param>
/// <param name="MinimumPredictorCoverage">Share of the candidate rows a predictor must have values for to be used.</param>
/// <param name="MinimumPopulation">Fewest inhabitants of a row.</param>
/// <param name="LambdaFactors">Penalties to try, as multiples of the number of rows (the scale of the standardised cross-products).</param>
public sealed record EstimationOptions(
    int Folds = 10,
    int Seed = 1,
    double MinimumPredictorCoverage = 0.8,
    double MinimumPopulation = 100,
    IReadOnlyList<double>? LambdaFactors = null)
{
    /// <summary>The default penalty grid: from none (weighted least squares) to strong shrinkage.</summary>
    public static IReadOnlyList<double> DefaultLambdaFactors { get; } = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
}

/// <summary>
/// Estimates livability weights the way the Leefbaarometer's behaviour model (gedragsmodel) does: a hedonic
/// regression of (log) house value — or of any other target, such as a survey index — on the area's environment
/// characteristics, never on the house value itself. The coefficients per standard deviation become the weights.
/// </summary>
/// <remarks>
/// Predictors are standardised against the reference distribution the index uses, so a coefficient βⱼ is the effect
/// of one reference standard deviation — exactly the unit of a standard score zⱼ in the index. The model gets weight
/// |βⱼ| and direction sign(βⱼ) for indicator j, and dimension D gets Σ_{j∈D}|βⱼ| / Σⱼ|βⱼ|; with every indicator present
/// the index is then Σⱼ βⱼzⱼ / Σⱼ|βⱼ|: the predicted (log) value relative to the reference, rescaled. The regression is
/// weighted by inhabitants (each person's neighbourhood counts, as transactions do in the Leefbaarometer) and
/// regularised by ridge with the penalty chosen by k-fold cross-validation (<see cref="RidgeRegression"/>).
/// Class bounds are put at the same population shares as the default model's (0.5, 1.5, 4, 12, 30, 50, 70 and 90 %);
/// change-class bounds at ±0.1, 0.25, 0.5 and 0.75 standard deviations of the deviation. See docs/indices.md.
/// </remarks>
public static class WeightEstimation
{
    /// <summary>The population shares below the nine class bounds (those of the default model).</summary>
    public static IReadOnlyList<double> ClassShares { get; } = [0.005, 0.015, 0.04, 0.12, 0.30, 0.50, 0.70, 0.90];

    /// <summary>
    /// Builds the design: rows with inhabitants ≥ the minimum, a target value (positive, when logged) and a value for
    /// every predictor that enough rows have; predictors standardised against <paramref name="reference"/>.
    /// </summary>
    /// <param name="table">The predictors' year.</param>
    /// <param name="target">The target per row of <paramref name="table"/> (NaN where unknown).</param>
    /// <param name="targetSpec">The target and its transformation.</param>
    /// <param name="candidates">Candidate predictors.</param>
    /// <param name="reference">The standardisation reference.</param>
    /// <param name="include">Which rows may be used (level, gemeente).</param>
    /// <param name="options">Options.</param>
    public static EstimationDesign Design(
        IndicatorTable table,
        IReadOnlyList<double> target,
        EstimationTarget targetSpec,
        IReadOnlyList<Predictor> candidates,
        StandardisationReference reference,
        Func<AreaKey, bool> include,
        EstimationOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(targetSpec);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(options);
        var population = table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        var rows = Enumerable.Range(0, table.Areas.Length)
            .Where(r => include(table.Areas[r]) && population[r] >= options.MinimumPopulation && !double.IsNaN(target[r]) && (!targetSpec.Log || target[r] > 0))
            .ToList();
        var dropped = new List<(string, string)>();
        var used = new List<(Predictor Predictor, double[] Values, IndicatorMoments Moments)>();
        foreach (var candidate in candidates.Where(c => c.IndicatorId != targetSpec.IndicatorId))
        {
            var values = table.Column(candidate.IndicatorId).ToArray();
            var present = rows.Count(r => !double.IsNaN(values[r]));
            if (!reference.Moments.TryGetValue(candidate.IndicatorId, out var moments))
            {
                dropped.Add((candidate.IndicatorId, "the reference cannot standardise it (too few reference areas have it)"));
            }
            else if (rows.Count == 0 || present < options.MinimumPredictorCoverage * rows.Count)
            {
                dropped.Add((candidate.IndicatorId, string.Create(CultureInfo.InvariantCulture, $"values for {present} of {rows.Count} areas (at least {options.MinimumPredictorCoverage:P0} needed)")));
            }
            else
            {
                used.Add((candidate, values, moments));
            }
        }

        var complete = rows.Where(r => used.All(u => !double.IsNaN(u.Values[r]))).ToList();
        return new EstimationDesign(
            [.. complete.Select(r => table.Areas[r])],
            [.. used.Select(u => u.Predictor)],
            [.. complete.Select(r => used.Select(u => (u.Values[r] - u.Moments.Mean) / u.Moments.StandardDeviation).ToArray())],
            [.. complete.Select(r => targetSpec.Log ? Math.Log(target[r]) : target[r])],
            [.. complete.Select(r => population[r])],
            dropped,
            [.. used.Select(u => u.Moments)]);
    }

    /// <summary>Fits the design with a cross-validated ridge penalty.</summary>
    /// <exception cref="ArgumentException">Too few rows for the number of predictors and folds.</exception>
    public static CrossValidatedRidge Fit(EstimationDesign design, EstimationOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        if (design.Predictors.Count == 0)
        {
            throw new ArgumentException(IndexWords.Words["Estimation.NoPredictor"], nameof(design));
        }

        if (design.Areas.Count < Math.Max(options.Folds * 2, design.Predictors.Count + 10))
        {
            throw new ArgumentException(IndexWords.Words.Format("Estimation.TooFewAreas", design.Areas.Count, Math.Max(options.Folds * 2, design.Predictors.Count + 10), design.Predictors.Count, options.Folds), nameof(design));
        }

        var n = design.Areas.Count;
        var lambdas = (options.LambdaFactors ?? EstimationOptions.DefaultLambdaFactors).Select(f => f * n).ToList();
        return RidgeRegression.CrossValidate(design.X, design.Y, design.Weights, lambdas, options.Folds, options.Seed);
    }

    /// <summary>
    /// Turns a fit into a weight model: weights |β|, directions sign(β), dimension weights by summed |β|; classes are
    /// left to <see cref="Calibrate"/>.
    /// </summary>
    public static LivabilityModel ToModel(EstimationDesign design, CrossValidatedRidge fit, EstimationTarget target, int period, string level, EstimationOptions options, ScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var coefficients = fit.Fit.Coefficients;
        var errors = fit.Fit.StandardErrors;
        var total = coefficients.Sum(Math.Abs);
        var dimensions = design.Predictors
            .Select((p, j) => (Predictor: p, Beta: coefficients[j], Error: errors[j]))
            .GroupBy(x => x.Predictor.Dimension)
            .OrderBy(g => g.Key)
            .Select(g => new ModelDimension(
                g.Key,
                g.Sum(x => Math.Abs(x.Beta)) / total,
                [.. g.Select(x => new ModelIndicator(
                    x.Predictor.IndicatorId,
                    Math.Abs(x.Beta),
                    x.Beta >= 0 ? Direction.HigherIsBetter : Direction.HigherIsWorse,
                    string.Create(CultureInfo.InvariantCulture, $"estimated: {x.Beta:+0.0000;-0.0000} per standard deviation on {target.Label} (standard error {x.Error:0.0000}{(Math.Abs(x.Beta) < 2 * x.Error ? "; not distinguishable from 0 at 95 %" : string.Empty)})")))],
                string.Create(CultureInfo.InvariantCulture, $"estimated: the share of the summed absolute coefficients of its indicators ({g.Sum(x => Math.Abs(x.Beta)) / total:P1})")))
            .ToList();

        // Rounding must not break "the dimension weights sum to 1".
        var drift = 1 - dimensions.Sum(d => d.Weight);
        dimensions[^1] = dimensions[^1] with { Weight = dimensions[^1].Weight + drift };
        var placeholder = new ClassScale([-4, -3, -2, -1, 1, 2, 3, 4], ClassScale.LeefbaarometerNames, ClassScale.LeefbaarometerNamesEnglish);
        return new LivabilityModel(
            string.Create(CultureInfo.InvariantCulture, $"estimated-{target.IndicatorId}-{period}"),
            1,
            string.Create(CultureInfo.InvariantCulture, $"Weights estimated by a population-weighted ridge regression of {target.Label} on the {design.Predictors.Count} environment indicators of the {design.Areas.Count} {level} areas of {period} that have them all (the Leefbaarometer's behaviour model, on open data)."),
            "estimated",
            dimensions,
            placeholder,
            placeholder with { Names = ClassScale.ChangeNames, NamesEnglish = ClassScale.ChangeNamesEnglish },
            rules,
            new ModelFit(
                target.Label,
                period,
                level,
                design.Areas.Count,
                fit.Fit.Lambda,
                fit.Folds.Max() + 1,
                options.Seed,
                fit.Fit.RSquared,
                fit.RSquaredOutOfFold,
                [.. design.Predictors.Select((p, j) => new FittedCoefficient(p.IndicatorId, coefficients[j], errors[j], coefficients[j] / design.Moments[j].StandardDeviation))]));
    }

    /// <summary>
    /// Puts a model's class bounds at <see cref="ClassShares"/> of the population of the scored areas, and its
    /// change-class bounds at ±0.1, 0.25, 0.5, 0.75 (population-weighted) standard deviations of their deviation.
    /// </summary>
    public static LivabilityModel Calibrate(LivabilityModel model, IReadOnlyList<LivabilityScore> scores, IReadOnlyList<double> population)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(population);
        var deviations = scores.Select(s => s.Deviation ?? double.NaN).ToList();
        var bounds = WeightedQuantile.Compute(deviations, population, ClassShares).Select(b => Math.Round(b, 3)).ToArray();
        for (var i = 1; i < bounds.Length; i++)
        {
            bounds[i] = Math.Max(bounds[i], bounds[i - 1] + 0.001);
        }

        var (_, sd) = WeightedMoments.Of(deviations, population);
        double[] changeBounds = [.. new[] { -0.75, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 0.75 }.Select(f => Math.Round(f * sd, 4))];
        return model with
        {
            Classes = model.Classes with { UpperBounds = bounds },
            ChangeClasses = model.ChangeClasses with { UpperBounds = changeBounds },
        };
    }
}
