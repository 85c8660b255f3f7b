using Leefkracht.Core.Statistics;
using Leefkracht.Data.Export;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>An estimated weight model with what it was estimated from.</summary>
/// <param name="Model">The model, classes calibrated.</param>
/// <param name="Design">The rows and standardised predictors.</param>
/// <param name="Fit">The cross-validated fit.</param>
/// <param name="Reference">The reference the predictors were standardised against.</param>
public sealed record EstimatedModel(LivabilityModel Model, EstimationDesign Design, CrossValidatedRidge Fit, StandardisationReference Reference);

/// <summary>
/// Estimates a weight model from the store (<c>leefkracht model fit</c>): the year's indicators, a target from the
/// same or another year (carried onto the year's areas), the national reference, and <see cref="WeightEstimation"/>.
/// </summary>
public sealed class ModelEstimator(MonitorService monitor)
{
    /// <summary>Reads a target: <c>woz</c> (the log of the average WOZ value), <c>log:ID</c>, or any indicator id or alias.</summary>
    public EstimationTarget? ParseTarget(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (text.Equals("woz", StringComparison.OrdinalIgnoreCase))
        {
            return new EstimationTarget("woz_mean", Log: true);
        }

        var log = text.StartsWith("log:", StringComparison.OrdinalIgnoreCase);
        var name = log ? text[4..] : text;
        if (monitor.Catalog.Catalog.TryResolveColumn(name, out var alias))
        {
            return new EstimationTarget(alias.IndicatorId, log);
        }

        error = InputWords.Words.Format("Target.Unknown", name);
        return null;
    }

    /// <summary>Estimates a model on the areas of <paramref name="level"/> (optionally within a gemeente) of <paramref name="period"/>.</summary>
    /// <param name="period">The year of the predictors.</param>
    /// <param name="target">The target.</param>
    /// <param name="targetPeriod">The year of the target (another year's external score is carried onto <paramref name="period"/>'s areas).</param>
    /// <param name="level">The level of the rows.</param>
    /// <param name="within">Only rows within this gemeente, if given.</param>
    /// <param name="options">Estimation options.</param>
    /// <param name="rules">The scoring rules the model gets.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ArgumentException">Too little data to estimate.</exception>
    public async Task<EstimatedModel> EstimateAsync(
        int period,
        EstimationTarget target,
        int targetPeriod,
        AreaLevel level,
        AreaCode? within,
        EstimationOptions options,
        ScoringRules rules,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        var prepared = await monitor.PrepareAsync(period, cancellationToken).ConfigureAwait(false);
        var targetValues = targetPeriod == period
            ? prepared.Table.Column(target.IndicatorId).ToArray()
            : (await monitor.CarryAsync((await monitor.PrepareAsync(targetPeriod, cancellationToken).ConfigureAwait(false)).Table, prepared.Table, cancellationToken).ConfigureAwait(false)).Table.Column(target.IndicatorId).ToArray();

        // The target must be a published figure: a wijk's WOZ value filled from its buurten is not an observation.
        for (var row = 0; row < targetValues.Length && targetPeriod == period; row++)
        {
            if (prepared.Aggregated.Contains((prepared.Table.Areas[row], target.IndicatorId)))
            {
                targetValues[row] = double.NaN;
            }
        }

        var candidates = monitor.Catalog.Catalog.Indicators
            .Where(i => i.Dimension is not null && i.Id != target.IndicatorId && prepared.Table.HasIndicator(i.Id))
            .Select(i => new Predictor(i.Id, i.Dimension!.Value))
            .ToList();
        var reference = await monitor.ReferenceAsync(prepared, [.. candidates.Select(c => c.IndicatorId)], rules, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        bool Include(AreaKey area) => area.Code.Level == level && (within is null || area.Code.IsWithin(within.Value));
        var design = WeightEstimation.Design(prepared.Table, targetValues, target, candidates, reference, Include, options);
        var fit = WeightEstimation.Fit(design, options);
        var model = WeightEstimation.ToModel(design, fit, target, period, level.ToString().ToLowerInvariant(), options, rules);
        var scores = LivabilityIndex.Compute(prepared.Table, model, reference, Include);
        var population = prepared.Table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        model = WeightEstimation.Calibrate(model, scores, [.. scores.Select(s => population[prepared.Table.RowOf(s.Area)])]);
        return new EstimatedModel(model, design, fit, reference);
    }

    /// <summary>The design as CSV (code, division, weight, target, fold, one standardised column per predictor), for checking in other tools.</summary>
    public static string DesignCsv(EstimatedModel estimated)
    {
        ArgumentNullException.ThrowIfNull(estimated);
        var design = estimated.Design;
        var rows = Enumerable.Range(0, design.Areas.Count).Select(i => (IReadOnlyList<object?>)
            [design.Areas[i].Code.Value, design.Areas[i].Year, design.Weights[i], design.Y[i], estimated.Fit.Folds[i], .. design.X[i].Select(v => (object?)v)]);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvTableWriter.Write(text, CsvDialect.Rfc4180, ["code", "division", "weight", "y", "fold", .. design.Predictors.Select(p => p.IndicatorId)], rows);
        return text.ToString();
    }
}
