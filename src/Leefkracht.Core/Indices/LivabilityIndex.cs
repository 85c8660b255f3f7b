using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>
/// The livability index: for every area the deviation from a reference in the five Leefbaarometer 3.0 dimensions,
/// built so that it explains itself.
/// </summary>
/// <remarks>
/// For area a, indicator i of dimension D with model weight wᵢ and dimension weight W_D:
/// <list type="bullet">
/// <item>standard score zᵢ = s · (xᵢ − μᵢ) / σᵢ, with s = +1 when higher is better and −1 when higher is worse,
/// μ and σ the population-weighted moments of the reference, clipped to ±<see cref="ScoringRules.ZScoreLimit"/>;</item>
/// <item>contribution cᵢ = W_D · wᵢ / Σ_{j∈D, present} wⱼ · zᵢ — weights are renormalised over the indicators the area
/// has, so a missing indicator does not count as average;</item>
/// <item>dimension contribution C_D = Σ_{i∈D} cᵢ, and the deviation = Σ_D C_D, summed in the same order, so the
/// contributions add up to the deviation exactly, as the Leefbaarometer's <c>afw = fys + onv + soc + vrz + won</c>.</item>
/// </list>
/// An area gets no score when its inhabitants are unknown or fewer than <see cref="ScoringRules.MinimumPopulation"/>,
/// or when it has values for less than <see cref="ScoringRules.MinimumCoverage"/> of the weight of the model's
/// indicators that the reference can standardise; and no area is scored when the reference itself can standardise
/// less than <see cref="ScoringRules.MinimumReferenceCoverage"/> of the model's weight. See docs/indices.md#livability.
/// </remarks>
public static class LivabilityIndex
{
    /// <summary>Scores every area of <paramref name="table"/> (or those <paramref name="include"/> selects).</summary>
    public static IReadOnlyList<LivabilityScore> Compute(
        IndicatorTable table,
        LivabilityModel model,
        StandardisationReference reference,
        Func<AreaKey, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        if (model.Yardstick is not null)
        {
            return YardstickIndex.Compute(table, model, include);
        }

        var plan = Plan.For(table, model, reference);
        var population = table.Column(ReferenceDistribution.PopulationIndicator);
        var (referenceShare, unusable) = ReferenceCoverage(model, reference);
        var referenceTooThin = referenceShare < model.Rules.MinimumReferenceCoverage
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"the reference ({reference.Description}) can standardise only {referenceShare:P0} of the model's weight (at least {model.Rules.MinimumReferenceCoverage:P0} needed); too few reference areas have {string.Join(", ", unusable)}: choose a reference with more data, such as one gemeente or a base year")
            : null;
        var scores = new List<LivabilityScore>(table.Areas.Length);
        for (var row = 0; row < table.Areas.Length; row++)
        {
            var area = table.Areas[row];
            if (include is null || include(area))
            {
                scores.Add(referenceTooThin is null ? Score(plan, model, area, table.Period, row, population[row]) : NotScored(area, table.Period, 0, referenceTooThin));
            }
        }

        return scores;
    }

    /// <summary>
    /// The share of the model's dimension weight the reference can standardise, and the model indicators it cannot
    /// (absent from the data, or covering too little of the reference population).
    /// </summary>
    public static (double Share, IReadOnlyList<string> Unusable) ReferenceCoverage(LivabilityModel model, StandardisationReference reference)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var unusable = model.IndicatorIds.Where(id => !reference.Moments.ContainsKey(id)).ToList();
        var share = model.Dimensions.Sum(d =>
        {
            var total = d.Indicators.Sum(i => i.Weight);
            var usable = d.Indicators.Where(i => reference.Moments.ContainsKey(i.IndicatorId)).Sum(i => i.Weight);
            return total > 0 ? d.Weight * usable / total : 0;
        });
        return (share, unusable);
    }

    private static LivabilityScore Score(Plan plan, LivabilityModel model, AreaKey area, int period, int row, double inhabitants)
    {
        if (double.IsNaN(inhabitants))
        {
            return NotScored(area, period, 0, string.Create(CultureInfo.InvariantCulture, $"the number of inhabitants in {period} is unknown"));
        }

        if (inhabitants < model.Rules.MinimumPopulation)
        {
            return NotScored(area, period, 0, string.Create(CultureInfo.InvariantCulture, $"too few inhabitants ({inhabitants:0} < {model.Rules.MinimumPopulation:0}) for a reliable score"));
        }

        var coveredWeight = 0.0;
        var dimensions = new DimensionContribution[plan.Dimensions.Length];
        var missing = new List<string>();
        for (var d = 0; d < plan.Dimensions.Length; d++)
        {
            var dimension = plan.Dimensions[d];
            var present = 0.0;
            foreach (var indicator in dimension.Indicators)
            {
                if (!double.IsNaN(indicator.Values[row]))
                {
                    present += indicator.Weight;
                }
                else
                {
                    missing.Add(indicator.Id);
                }
            }

            if (dimension.UsableWeight > 0)
            {
                coveredWeight += dimension.Weight * present / dimension.UsableWeight;
            }

            var contributions = new List<IndicatorContribution>(dimension.Indicators.Length);
            var sum = 0.0;
            foreach (var indicator in dimension.Indicators)
            {
                var value = indicator.Values[row];
                if (double.IsNaN(value))
                {
                    continue;
                }

                var z = Math.Clamp(indicator.Sign * (value - indicator.Mean) / indicator.StandardDeviation, -model.Rules.ZScoreLimit, model.Rules.ZScoreLimit);
                var weight = dimension.Weight * indicator.Weight / present;
                var contribution = weight * z;
                sum += contribution;
                contributions.Add(new IndicatorContribution(indicator.Id, value, indicator.Mean, z, weight, contribution));
            }

            dimensions[d] = new DimensionContribution(dimension.Dimension, sum, dimension.UsableWeight > 0 ? present / dimension.UsableWeight : 0, contributions);
        }

        var coverage = plan.UsableDimensionWeight > 0 ? coveredWeight / plan.UsableDimensionWeight : 0;
        if (coverage < model.Rules.MinimumCoverage)
        {
            return NotScored(area, period, coverage, string.Create(
                CultureInfo.InvariantCulture,
                $"values for only {coverage:P0} of the model's weight (at least {model.Rules.MinimumCoverage:P0} needed); missing: {string.Join(", ", missing)}"));
        }

        var deviation = 0.0;
        foreach (var dimension in dimensions)
        {
            deviation += dimension.Contribution;
        }

        return new LivabilityScore(area, period, deviation, model.Classes.ClassOf(deviation), dimensions, coverage, null);
    }

    private static LivabilityScore NotScored(AreaKey area, int period, double coverage, string reason) =>
        new(area, period, null, null, [], coverage, reason);

    /// <summary>The model resolved against one table and reference: columns, signs and moments looked up once.</summary>
    private sealed class Plan
    {
        public required PlannedDimension[] Dimensions { get; init; }

        public double UsableDimensionWeight { get; init; }

        public static Plan For(IndicatorTable table, LivabilityModel model, StandardisationReference reference)
        {
            var dimensions = model.Dimensions.Select(d =>
            {
                var indicators = d.Indicators
                    .Where(i => reference.Moments.ContainsKey(i.IndicatorId))
                    .Select(i =>
                    {
                        var moments = reference.Moments[i.IndicatorId];
                        return new PlannedIndicator(
                            i.IndicatorId,
                            i.Weight,
                            i.Direction == Direction.HigherIsWorse ? -1 : 1,
                            moments.Mean,
                            moments.StandardDeviation,
                            table.Column(i.IndicatorId).ToArray());
                    })
                    .ToArray();
                return new PlannedDimension(d.Dimension, d.Weight, indicators, indicators.Sum(i => i.Weight));
            }).ToArray();
            return new Plan
            {
                Dimensions = dimensions,
                UsableDimensionWeight = dimensions.Where(d => d.UsableWeight > 0).Sum(d => d.Weight),
            };
        }
    }

    private sealed record PlannedDimension(LivabilityDimension Dimension, double Weight, PlannedIndicator[] Indicators, double UsableWeight);

    private sealed record PlannedIndicator(string Id, double Weight, int Sign, double Mean, double StandardDeviation, double[] Values);
}
