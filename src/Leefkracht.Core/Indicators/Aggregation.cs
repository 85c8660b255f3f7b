using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Indicators;

/// <summary>
/// Fills values a wijk or gemeente lacks from its buurten (a gemeente from its wijken where its buurten have none),
/// the way the Leefbaarometer builds area scores from smaller units: rates, shares, averages and distances as the
/// weighted mean of the parts that have a value; counts as the sum, but only when every inhabited part has one.
/// An average per household (CBS's <c>g_hhgro</c> household size, cars per household) is weighted by the parts'
/// households and left empty where the table has none; every other mean by the parts' inhabitants.
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

        // A gemeente or wijk without values of its own in this period still gets a row to fill.
        table = table.WithRows(table.Areas
            .Where(a => a.Code.Level is AreaLevel.Buurt or AreaLevel.Wijk)
            .SelectMany(a => new[] { a.Code.Level == AreaLevel.Buurt ? a.Code.Parent : null, a.Code.Gemeente }.OfType<AreaCode>().Select(p => new AreaKey(p, a.Year))));
        var population = table.Column("population");
        var hasHouseholds = table.HasIndicator("households");

        // Buurten fill their wijk and gemeente; where a gemeente's buurten have no value, its wijken do (ELAN publishes wijken only).
        var fromBuurten = ChildrenOf(table, AreaLevel.Buurt, code => [code.Parent, code.Gemeente]);
        var fromWijken = ChildrenOf(table, AreaLevel.Wijk, code => [code.Gemeente]);
        var filled = new HashSet<(AreaKey, string)>();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var id in table.IndicatorIds)
        {
            if (!catalog.TryGet(id, out var indicator) || indicator.Unit == IndicatorUnit.Code)
            {
                continue;
            }

            var values = table.Column(id);
            var perHousehold = IsPerHousehold(indicator);
            if (perHousehold && !hasHouseholds)
            {
                continue;
            }

            var weights = perHousehold ? table.Column("households") : population;
            double[]? column = null;
            foreach (var childrenOf in new[] { fromBuurten, fromWijken })
            {
                foreach (var (parentRow, children) in childrenOf)
                {
                    if (!double.IsNaN(column is null ? values[parentRow] : column[parentRow]))
                    {
                        continue;
                    }

                    var value = IsSum(indicator)
                        ? Sum(values, population, children)
                        : WeightedMean(values, weights, children, minimumPopulationShare);
                    if (!double.IsNaN(value))
                    {
                        column ??= values.ToArray();
                        column[parentRow] = value;
                        filled.Add((table.Areas[parentRow], id));
                    }
                }
            }

            if (column is not null)
            {
                columns[id] = column;
            }
        }

        return (columns.Count == 0 ? table : table.WithColumns(columns), filled);
    }

    /// <summary>
    /// The value of the whole country for one indicator in a division year: the country's own row where the table has
    /// one (CBS publishes a Nederland row in some tables), otherwise built from the year's gemeenten by the rules above
    /// (a count as the sum when every inhabited gemeente has one; a rate, share, average (also a CBS <c>g_</c> average
    /// counted in numbers) or distance as the
    /// population-weighted mean when the gemeenten with a value hold at least <paramref name="minimumPopulationShare"/>
    /// of the inhabitants). NaN when neither gives a value.
    /// </summary>
    public static double National(IndicatorTable table, IndicatorCatalog catalog, string indicatorId, int division, double minimumPopulationShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!table.HasIndicator(indicatorId) || !catalog.TryGet(indicatorId, out var indicator) || indicator.Unit == IndicatorUnit.Code)
        {
            return double.NaN;
        }

        var values = table.Column(indicatorId);
        if (table.RowOf(new AreaKey(AreaCode.Nederland, division)) is var own and >= 0 && !double.IsNaN(values[own]))
        {
            return values[own];
        }

        var gemeenten = new List<int>();
        for (var row = 0; row < table.Areas.Length; row++)
        {
            if (table.Areas[row] is { Code.Level: AreaLevel.Gemeente } area && area.Year == division)
            {
                gemeenten.Add(row);
            }
        }

        if (!table.HasIndicator("population"))
        {
            return double.NaN;
        }

        var population = table.Column("population");
        if (IsSum(indicator))
        {
            return Sum(values, population, gemeenten);
        }

        // An average per household weighs by households, as FillFromBuurten does: a country's household size is the
        // persons in households over the households, not an inhabitant-weighted mean of the gemeenten's sizes.
        if (IsPerHousehold(indicator))
        {
            return table.HasIndicator("households")
                ? WeightedMean(values, table.Column("households"), gemeenten, minimumPopulationShare)
                : double.NaN;
        }

        return WeightedMean(values, population, gemeenten, minimumPopulationShare);
    }

    /// <summary>
    /// Whether the parts' values add up: counts do, except CBS's <c>g_</c> averages (household size, schools within
    /// 3 km), which the catalog also calls counts (they are numbers of things) but which add up to nothing. CBS names
    /// its kwb variables by kind: <c>a_</c> absolute numbers, <c>g_</c> averages, <c>p_</c> percentages.
    /// </summary>
    private static bool IsSum(IndicatorDefinition indicator) =>
        indicator.Unit == IndicatorUnit.Count && indicator.KwbCode?.StartsWith("g_", StringComparison.Ordinal) != true;

    /// <summary>An average over households (household size, cars per household): its parts weigh by their households.</summary>
    private static bool IsPerHousehold(IndicatorDefinition indicator) =>
        indicator.Unit == IndicatorUnit.PerHousehold || indicator.KwbCode == "g_hhgro";

    /// <summary>For every row of <paramref name="level"/>, the rows of the parents <paramref name="parents"/> names (same division).</summary>
    private static Dictionary<int, List<int>> ChildrenOf(IndicatorTable table, AreaLevel level, Func<AreaCode, AreaCode?[]> parents)
    {
        var childrenOf = new Dictionary<int, List<int>>();
        for (var row = 0; row < table.Areas.Length; row++)
        {
            var area = table.Areas[row];
            if (area.Code.Level != level)
            {
                continue;
            }

            foreach (var parent in parents(area.Code))
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

        return childrenOf;
    }

    private static double Sum(ReadOnlySpan<double> values, ReadOnlySpan<double> population, List<int> children)
    {
        var sum = 0.0;
        var any = false;
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
            any = true;
        }

        // Parts without any value (not even inhabitants) say nothing: no sum, rather than 0.
        return any ? sum : double.NaN;
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
