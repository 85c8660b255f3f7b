using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Indicators;

/// <summary>
/// Fills values a wijk or gemeente lacks from its buurten, the way the Leefbaarometer builds area scores from
/// smaller units: rates, shares, averages and distances as the population-weighted mean of the buurten that have
/// a value; counts as the sum, but only when every inhabited buurt has one.
/// </summary>
/// <remarks>
/// A mean is filled only when the buurten with a value hold at least <c>minimumPopulationShare</c> of the
/// parent's buurt population. Published values are never replaced. Codes (postcode) are never aggregated. Parents
/// and children must belong to the same division year.
/// </remarks>
public static class Aggregation
{
    /// <summary>Returns the table with missing wijk and gemeente values filled from their buurten, and which cells were filled.</summary>
    public static (IndicatorTable Table, IReadOnlySet<(AreaKey Area, string Indicator)> Filled) FillFromBuurten(
        IndicatorTable table,
        IndicatorCatalog catalog,
        double minimumPopulationShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(catalog);
        var population = table.Column("population");
        var childrenOf = new Dictionary<int, List<int>>();
        for (var row = 0; row < table.Areas.Length; row++)
        {
            var area = table.Areas[row];
            if (area.Code.Level != AreaLevel.Buurt)
            {
                continue;
            }

            foreach (var parent in new[] { area.Code.Parent, area.Code.Gemeente })
            {
                if (parent is { } p && table.RowOf(new AreaKey(p, area.Year)) is var parentRow and >= 0)
                {
                    if (!childrenOf.TryGetValue(parentRow, out var list))
                    {
                        childrenOf[parentRow] = list = [];
                    }

                    list.Add(row);
                }
            }
        }

        var filled = new HashSet<(AreaKey, string)>();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var id in table.IndicatorIds)
        {
            if (!catalog.TryGet(id, out var indicator) || indicator.Unit == IndicatorUnit.Code)
            {
                continue;
            }

            var values = table.Column(id);
            double[]? column = null;
            foreach (var (parentRow, children) in childrenOf)
            {
                if (!double.IsNaN(values[parentRow]))
                {
                    continue;
                }

                var value = indicator.Unit == IndicatorUnit.Count
                    ? Sum(values, population, children)
                    : WeightedMean(values, population, children, minimumPopulationShare);
                if (!double.IsNaN(value))
                {
                    column ??= values.ToArray();
                    column[parentRow] = value;
                    filled.Add((table.Areas[parentRow], id));
                }
            }

            if (column is not null)
            {
                columns[id] = column;
            }
        }

        return (columns.Count == 0 ? table : table.WithColumns(columns), filled);
    }

    private static double Sum(ReadOnlySpan<double> values, ReadOnlySpan<double> population, List<int> children)
    {
        var sum = 0.0;
        foreach (var child in children)
        {
            if (double.IsNaN(values[child]))
            {
                if (population[child] > 0)
                {
                    return double.NaN;
                }

                continue;
            }

            sum += values[child];
        }

        return sum;
    }

    private static double WeightedMean(ReadOnlySpan<double> values, ReadOnlySpan<double> population, List<int> children, double minimumShare)
    {
        double weight = 0, sum = 0, total = 0;
        foreach (var child in children)
        {
            var p = population[child];
            if (double.IsNaN(p) || p <= 0)
            {
                continue;
            }

            total += p;
            if (!double.IsNaN(values[child]))
            {
                weight += p;
                sum += p * values[child];
            }
        }

        return total > 0 && weight >= minimumShare * total ? sum / weight : double.NaN;
    }
}
