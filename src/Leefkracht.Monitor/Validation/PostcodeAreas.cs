namespace Leefkracht.Monitor.Validation;

/// <summary>A four-digit postcode area (PC4) described by the buurten whose most common postcode it is.</summary>
/// <param name="Postcode">The PC4 code.</param>
/// <param name="Gemeente">The gemeente most of its buurten belong to.</param>
/// <param name="Inhabitants">The inhabitants of those buurten.</param>
/// <param name="Values">Per indicator id: the value (NaN when too few of its buurten have one).</param>
public sealed record PostcodeArea(string Postcode, AreaCode Gemeente, double Inhabitants, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// Builds postcode areas from buurten, so that our indicators meet the Leefbaarometer where it is published natively
/// (PC4). Each buurt goes to its most common postcode (KWB <c>pst_mvp</c>); a rate with a numerator and a denominator
/// (crimes per 1,000, age shares) is Σ numerator / Σ denominator, anything else the inhabitant-weighted mean of the
/// buurten with a value — in both cases only when the buurten with a value hold at least
/// <c>minimumPopulationShare</c> of the area's inhabitants, the rule <see cref="Aggregation"/> uses for wijken.
/// </summary>
public static class PostcodeAreas
{
    /// <summary>The indicator that names a buurt's most common postcode.</summary>
    public const string PostcodeIndicator = "postcode_most_common";

    /// <summary>The postcode areas of the buurten of <paramref name="table"/>, in postcode order.</summary>
    public static IReadOnlyList<PostcodeArea> FromBuurten(
        IndicatorTable table,
        IReadOnlyList<string> indicatorIds,
        IEnumerable<DerivedIndicator> derived,
        double minimumPopulationShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        if (!table.HasIndicator(PostcodeIndicator))
        {
            return [];
        }

        var ratios = derived.Where(d => d.Denominator is not null).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var postcode = table.Column(PostcodeIndicator).ToArray();
        var population = table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        var columns = indicatorIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => table.Column(id).ToArray(), StringComparer.Ordinal);
        double[] ColumnOf(string id) => table.HasIndicator(id) ? table.Column(id).ToArray() : [.. Enumerable.Repeat(double.NaN, table.Areas.Length)];
        var parts = ratios.Values
            .Where(r => columns.ContainsKey(r.Id))
            .ToDictionary(r => r.Id, r => (Numerator: ColumnOf(r.Numerator), Denominator: ColumnOf(r.Denominator!), r.Factor), StringComparer.Ordinal);

        var result = new List<PostcodeArea>();
        var groups = Enumerable.Range(0, table.Areas.Length)
            .Where(row => table.Areas[row].Code.Level == AreaLevel.Buurt && postcode[row] is >= 1000 and <= 9999)
            .GroupBy(row => ((int)postcode[row]).ToString("0000", CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var rows = group.ToArray();
            var weight = rows.Select(r => double.IsNaN(population[r]) ? 0 : population[r]).ToArray();
            var total = weight.Sum();
            var gemeente = rows
                .GroupBy(r => table.Areas[r].Code.Gemeente!.Value)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Sum(r => double.IsNaN(population[r]) ? 0 : population[r]))
                .ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
                .First().Key;
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (id, column) in columns)
            {
                values[id] = parts.TryGetValue(id, out var ratio)
                    ? Ratio(rows, weight, total, ratio.Numerator, ratio.Denominator, ratio.Factor, minimumPopulationShare)
                    : WeightedMean(rows, weight, total, column, minimumPopulationShare);
            }

            result.Add(new PostcodeArea(group.Key, gemeente, total, values));
        }

        return result;
    }

    private static double WeightedMean(int[] rows, double[] weight, double total, double[] column, double share)
    {
        double sum = 0, held = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            if (!double.IsNaN(column[rows[k]]) && weight[k] > 0)
            {
                sum += weight[k] * column[rows[k]];
                held += weight[k];
            }
        }

        return total > 0 && held >= share * total ? sum / held : double.NaN;
    }

    private static double Ratio(int[] rows, double[] weight, double total, double[] numerator, double[] denominator, double factor, double share)
    {
        double top = 0, bottom = 0, held = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k];
            if (!double.IsNaN(numerator[row]) && !double.IsNaN(denominator[row]))
            {
                top += numerator[row];
                bottom += denominator[row];
                held += weight[k];
            }
        }

        return total > 0 && held >= share * total && bottom > 0 ? top / bottom * factor : double.NaN;
    }
}
