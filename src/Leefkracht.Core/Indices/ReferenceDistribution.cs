using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>
/// Computes a <see cref="StandardisationReference"/>: for each indicator the mean and standard deviation over a set
/// of reference areas, each area weighted by its inhabitants, so that the reference is the distribution people
/// live in (a buurt of 5,000 counts fifty times a buurt of 100).
/// </summary>
/// <remarks>
/// Mean μ = Σ pᵢxᵢ / Σ pᵢ and standard deviation σ = √(Σ pᵢ(xᵢ − μ)² / Σ pᵢ) over areas with a value xᵢ and a
/// population pᵢ &gt; 0 (Cochran, 1977, weighted moments). An indicator whose areas hold less than
/// <see cref="ScoringRules.MinimumReferenceShare"/> of the reference population, or whose σ is 0, gets no moments:
/// it cannot be standardised against this reference. See docs/indices.md#reference.
/// </remarks>
public static class ReferenceDistribution
{
    /// <summary>The indicator that weights areas.</summary>
    public const string PopulationIndicator = "population";

    /// <summary>Computes the reference over the rows for which <paramref name="include"/> is true.</summary>
    public static StandardisationReference Compute(
        IndicatorTable table,
        Func<AreaKey, bool> include,
        IEnumerable<string> indicatorIds,
        ScoringRules rules,
        string description,
        string? descriptionDutch = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentNullException.ThrowIfNull(rules);
        var population = table.Column(PopulationIndicator);
        var rows = new List<int>();
        var totalPopulation = 0.0;
        for (var row = 0; row < table.Areas.Length; row++)
        {
            if (include(table.Areas[row]) && population[row] > 0)
            {
                rows.Add(row);
                totalPopulation += population[row];
            }
        }

        var moments = new Dictionary<string, IndicatorMoments>(StringComparer.Ordinal);
        foreach (var id in indicatorIds.Distinct(StringComparer.Ordinal))
        {
            var values = table.Column(id);
            double weight = 0, sum = 0;
            var count = 0;
            foreach (var row in rows)
            {
                if (!double.IsNaN(values[row]))
                {
                    weight += population[row];
                    sum += population[row] * values[row];
                    count++;
                }
            }

            if (count < 2 || weight <= 0 || weight < rules.MinimumReferenceShare * totalPopulation)
            {
                continue;
            }

            var mean = sum / weight;
            var squares = 0.0;
            foreach (var row in rows)
            {
                if (!double.IsNaN(values[row]))
                {
                    var d = values[row] - mean;
                    squares += population[row] * d * d;
                }
            }

            var sd = Math.Sqrt(squares / weight);
            if (sd > 0)
            {
                moments[id] = new IndicatorMoments(mean, sd, count, weight / totalPopulation);
            }
        }

        var dutchNumbers = new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
        return new StandardisationReference(
            string.Create(CultureInfo.InvariantCulture, $"{description} ({rows.Count:N0} areas, {totalPopulation:N0} inhabitants; weighted by inhabitants)"),
            string.Create(dutchNumbers, $"{descriptionDutch ?? description} ({rows.Count:N0} gebieden, {totalPopulation:N0} inwoners; gewogen naar inwoners)"),
            table.Period,
            moments);
    }

    /// <summary>The default reference: all buurten of the table's year (or, if it has none, the areas of the finest level present).</summary>
    public static StandardisationReference National(IndicatorTable table, IEnumerable<string> indicatorIds, ScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        var level = table.Areas.Length == 0 ? AreaLevel.Buurt : table.Areas.Max(a => a.Code.Level);
        var name = level switch
        {
            AreaLevel.Buurt => "buurten",
            AreaLevel.Wijk => "wijken",
            AreaLevel.Gemeente => "gemeenten",
            _ => "areas",
        };
        return Compute(
            table,
            a => a.Code.Level == level,
            indicatorIds,
            rules,
            string.Create(CultureInfo.InvariantCulture, $"all {name} with data in {table.Period}"),
            string.Create(CultureInfo.InvariantCulture, $"alle {name} met gegevens in {table.Period}"));
    }

    /// <summary>A gemeente's buurten as the reference.</summary>
    public static StandardisationReference Gemeente(IndicatorTable table, AreaCode gemeente, IEnumerable<string> indicatorIds, ScoringRules rules) =>
        Compute(table, a => a.Code.Level == AreaLevel.Buurt && a.Code.Gemeente == gemeente, indicatorIds, rules,
            string.Create(CultureInfo.InvariantCulture, $"the buurten of {gemeente} in {table.Period}"),
            string.Create(CultureInfo.InvariantCulture, $"de buurten van {gemeente} in {table.Period}"));
}
