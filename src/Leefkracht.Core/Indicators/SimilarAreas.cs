using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Indicators;

/// <summary>A variable the areas are compared on.</summary>
/// <param name="IndicatorId">The catalogue id.</param>
/// <param name="Logarithm">Compared on the logarithm of the value (sizes, densities and prices are skewed: 1,000 vs 2,000 inhabitants differ as much as 20,000 vs 40,000).</param>
/// <param name="Required">Both areas must have it; the others count where both have them.</param>
public sealed record SimilarityVariable(string IndicatorId, bool Logarithm, bool Required);

/// <summary>An area like another one and how far it is from it.</summary>
/// <param name="Area">The area.</param>
/// <param name="Distance">Root mean square of the differences of the standardised variables both areas have (0: the same).</param>
public sealed record SimilarArea(AreaKey Area, double Distance);

/// <summary>
/// The areas most like a given one, the way waarstaatjegemeente.nl compares a gemeente with similar gemeenten: same
/// level and division, nationally, on population size, urbanity and housing. Every variable is standardised over the
/// areas of the level (z = (x − mean) / sd, after a logarithm where <see cref="SimilarityVariable.Logarithm"/>), and the
/// distance is the root mean square of the differences over the variables both areas have, so that each variable weighs
/// the same and an area missing an optional variable is not nearer for it. docs/web.md#similar-areas.
/// </summary>
public static class SimilarAreas
{
    /// <summary>Population size, urbanity (omgevingsadressendichtheid) and housing (owner-occupied share, WOZ value, single-family share).</summary>
    public static IReadOnlyList<SimilarityVariable> Variables { get; } =
    [
        new("population", Logarithm: true, Required: true),
        new("address_density", Logarithm: true, Required: true),
        new("dwellings_owner_occupied_pct", Logarithm: false, Required: true),
        new("woz_mean", Logarithm: true, Required: false),
        new("dwellings_single_family_pct", Logarithm: false, Required: false),
    ];

    /// <summary>
    /// The <paramref name="count"/> areas of the same level and division nearest to <paramref name="area"/>, nearest first;
    /// empty when the area lacks a required variable. Areas without inhabitants are left out.
    /// </summary>
    public static IReadOnlyList<SimilarArea> Find(IndicatorTable table, AreaKey area, int count)
    {
        ArgumentNullException.ThrowIfNull(table);
        var self = table.RowOf(area);
        if (self < 0 || Variables.Where(v => v.Required).Any(v => !table.HasIndicator(v.IndicatorId)))
        {
            return [];
        }

        var rows = Enumerable.Range(0, table.Areas.Length)
            .Where(r => table.Areas[r].Code.Level == area.Code.Level && table.Areas[r].Year == area.Year && table.Column("population")[r] > 0)
            .ToList();
        var standardised = Variables.Where(v => table.HasIndicator(v.IndicatorId)).Select(v => (v.Required, Z: Standardise(table, v, rows))).ToList();
        if (standardised.Any(s => s.Required && double.IsNaN(s.Z[self])))
        {
            return [];
        }

        var found = new List<SimilarArea>();
        foreach (var row in rows)
        {
            if (row == self || standardised.Any(s => s.Required && double.IsNaN(s.Z[row])))
            {
                continue;
            }

            double sum = 0;
            var n = 0;
            foreach (var (_, z) in standardised)
            {
                if (!double.IsNaN(z[row]) && !double.IsNaN(z[self]))
                {
                    sum += (z[row] - z[self]) * (z[row] - z[self]);
                    n++;
                }
            }

            found.Add(new SimilarArea(table.Areas[row], Math.Sqrt(sum / n)));
        }

        return [.. found.OrderBy(f => f.Distance).ThenBy(f => f.Area.Code.Value, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>The variable's z-score per table row (NaN outside <paramref name="rows"/> or without a usable value).</summary>
    private static double[] Standardise(IndicatorTable table, SimilarityVariable variable, List<int> rows)
    {
        var values = table.Column(variable.IndicatorId);
        var x = new double[table.Areas.Length];
        Array.Fill(x, double.NaN);
        foreach (var row in rows)
        {
            var v = values[row];
            x[row] = !variable.Logarithm ? v : v > 0 ? Math.Log(v) : double.NaN;
        }

        var present = rows.Select(r => x[r]).Where(v => !double.IsNaN(v)).ToList();
        if (present.Count < 2)
        {
            return [.. x.Select(_ => double.NaN)];
        }

        var mean = present.Average();
        var sd = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Count - 1));
        return [.. x.Select(v => sd > 0 ? (v - mean) / sd : double.NaN)];
    }
}
