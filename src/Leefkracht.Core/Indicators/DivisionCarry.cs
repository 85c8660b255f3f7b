using System.Collections.Immutable;
using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Indicators;

/// <summary>One cell of an address-weighted crosswalk: how many addresses of <paramref name="From"/> lie in <paramref name="To"/>.</summary>
/// <param name="From">The area in the old division.</param>
/// <param name="To">The area in the new division.</param>
/// <param name="Addresses">The number of addresses.</param>
public readonly record struct CrosswalkCell(AreaCode From, AreaCode To, double Addresses);

/// <summary>Where a carried row's values came from.</summary>
/// <param name="Sources">The source areas and the share of the target's addresses each holds (one source with share 1 when the code is unchanged).</param>
/// <param name="ThroughCrosswalk">Whether the area was re-divided and its values rebuilt from the crosswalk.</param>
public sealed record CarryLineage(IReadOnlyList<(AreaKey Source, double Share)> Sources, bool ThroughCrosswalk);

/// <summary>
/// Puts one period's values on the areas of another division, so that a series survives boundary changes: an
/// unchanged code is taken as it is, a re-divided area is rebuilt from the areas its addresses came from.
/// </summary>
/// <remarks>
/// For a target area T (code C in division D₂) the source row is the row of code C whose division D₁ is nearest to
/// D₂. If the crosswalk D₁ → D₂ has no cell into C, C did not change and the row is taken as it is. Otherwise (or when
/// the source has no row for C at all) T is rebuilt from the crosswalk cells into C: with aₛ the addresses of source
/// S that lie in T, a rate, share, mean or distance is the address-weighted mean Σ aₛxₛ / Σ aₛ over the sources
/// with a value, provided these hold at least <c>minimumShare</c> of T's addresses; a count is apportioned,
/// Σ xₛ · aₛ / Aₛ with Aₛ all addresses of S, and needs a value for every source. This is how the VNG
/// <c>grenswijzigen</c> package carries KWB series across divisions (address-weighted, BAG addresses).
/// </remarks>
public static class DivisionCarry
{
    /// <summary>
    /// Builds a table with the rows of <paramref name="targets"/> (in that order) and the values of
    /// <paramref name="source"/>, carried as described above.
    /// </summary>
    /// <param name="source">The period whose values are carried.</param>
    /// <param name="targets">The areas to carry them to.</param>
    /// <param name="crosswalks">Crosswalk cells per (from division, to division).</param>
    /// <param name="isCount">Whether an indicator is a count (apportioned) rather than a rate or mean (averaged).</param>
    /// <param name="minimumShare">The share of a target's addresses that must have a value for a mean to be carried.</param>
    public static (IndicatorTable Table, IReadOnlyDictionary<AreaKey, CarryLineage> Lineage) Align(
        IndicatorTable source,
        ImmutableArray<AreaKey> targets,
        IReadOnlyDictionary<(int From, int To), IReadOnlyList<CrosswalkCell>> crosswalks,
        Func<string, bool> isCount,
        double minimumShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(crosswalks);
        ArgumentNullException.ThrowIfNull(isCount);
        var rowsByCode = source.Areas.Select((area, row) => (area, row)).ToLookup(x => x.area.Code);
        var into = crosswalks.ToDictionary(c => c.Key, c => c.Value.ToLookup(cell => cell.To));
        var outOf = crosswalks.ToDictionary(c => c.Key, c => c.Value.GroupBy(cell => cell.From).ToDictionary(g => g.Key, g => g.Sum(cell => cell.Addresses)));
        var plans = new List<(int Row, double Share, double CountFactor)>?[targets.Length];
        var lineage = new Dictionary<AreaKey, CarryLineage>();
        for (var t = 0; t < targets.Length; t++)
        {
            var target = targets[t];
            var own = rowsByCode[target.Code].OrderBy(x => Math.Abs(x.area.Year - target.Year)).ThenByDescending(x => x.area.Year).Select(x => ((AreaKey Area, int Row)?)x).FirstOrDefault();
            var divisions = own is { } o ? [o.Area.Year] : source.Areas.Select(a => a.Year).Distinct().OrderBy(y => Math.Abs(y - target.Year)).ToList();
            List<(int Row, double Share, double CountFactor)>? plan = null;
            foreach (var division in divisions)
            {
                if (division != target.Year && into.TryGetValue((division, target.Year), out var cells) && cells[target.Code].ToList() is { Count: > 0 } links)
                {
                    var total = links.Sum(l => l.Addresses);
                    plan = [];
                    foreach (var link in links)
                    {
                        var row = source.RowOf(new AreaKey(link.From, division));
                        if (row >= 0)
                        {
                            var sourceTotal = outOf[(division, target.Year)].GetValueOrDefault(link.From);
                            plan.Add((row, link.Addresses / total, sourceTotal > 0 ? link.Addresses / sourceTotal : 0));
                        }
                    }

                    lineage[target] = new CarryLineage([.. plan.Select(p => (source.Areas[p.Row], p.Share))], true);
                    break;
                }
            }

            if (plan is null && own is { } direct)
            {
                plan = [(direct.Row, 1.0, 1.0)];
                lineage[target] = new CarryLineage([(direct.Area, 1.0)], false);
            }

            plans[t] = plan;
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var id in source.IndicatorIds)
        {
            var values = source.Column(id);
            var count = isCount(id);
            var column = new double[targets.Length];
            for (var t = 0; t < targets.Length; t++)
            {
                column[t] = plans[t] is { } plan ? Combine(values, plan, count, minimumShare) : double.NaN;
            }

            columns[id] = column;
        }

        return (IndicatorTable.FromColumns(source.Period, targets, columns), lineage);
    }

    private static double Combine(ReadOnlySpan<double> values, List<(int Row, double Share, double CountFactor)> plan, bool count, double minimumShare)
    {
        if (plan.Count == 1 && plan[0].Share == 1.0 && plan[0].CountFactor == 1.0)
        {
            return values[plan[0].Row];
        }

        double sum = 0, weight = 0;
        foreach (var (row, share, countFactor) in plan)
        {
            var value = values[row];
            if (double.IsNaN(value))
            {
                if (count)
                {
                    return double.NaN;
                }

                continue;
            }

            sum += count ? value * countFactor : value * share;
            weight += share;
        }

        if (count)
        {
            // A count needs every part of the target: a source area missing from the table would be counted as 0.
            return weight >= 1 - 1e-9 ? sum : double.NaN;
        }

        return weight >= minimumShare && weight > 0 ? sum / weight : double.NaN;
    }
}
