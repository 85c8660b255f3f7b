using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Planner;

/// <summary>
/// Turns a projected composition into the indicators the monitor reads, so that projected resilience and
/// livability use the same index and reference as the monitor.
/// </summary>
/// <remarks>
/// Every projected value is the base year's observed value moved by the projected change, so year 0 reproduces the
/// observed table exactly:
/// <list type="bullet">
/// <item>counts (<c>dwellings</c>, <c>households</c>, <c>population</c>) × Xₜ/X₀ (population with the households);</item>
/// <item>tenure percentages + 100·(shareₜ − share₀): owner-occupied, rented, corporation (= social rent), other landlords (= mid + private rent);</item>
/// <item>vulnerability shares (<see cref="VulnerableShares"/>) × vₜ/v₀, capped at 100 %; the social-assistance count × Vₜ/V₀;</item>
/// <item>the share of high-income households × (1 − vₜ)/(1 − v₀);</item>
/// <item>turnover (<c>moved_more_than_once_pct</c>) × the ratio of expected movers per household.</item>
/// </list>
/// Everything else (income averages, benefits other than social assistance, care use, crime, amenities) stays at
/// the base year's value: the model does not project it.
/// </remarks>
public static class ProjectedIndicators
{
    /// <summary>Indicators that measure the vulnerable share of households or persons and scale with it.</summary>
    public static IReadOnlyList<string> VulnerableShares { get; } =
    [
        "households_low_income_pct", "households_social_minimum_pct", "persons_low_income_pct", "households_lowest_40pct_income_pct",
        "households_below_110pct_social_minimum_pct", "households_below_120pct_social_minimum_pct", "benefits_social_assistance_per_1000", "welfare_benefit_pct",
    ];

    /// <summary>The indicators this projection changes.</summary>
    public static IReadOnlyList<string> Changed { get; } =
    [
        "dwellings", "households", "population", "dwellings_owner_occupied_pct", "dwellings_rented_pct", "dwellings_corporation_pct", "dwellings_other_landlord_pct",
        .. VulnerableShares, "benefits_social_assistance", "households_highest_20pct_income_pct", "moved_more_than_once_pct",
    ];

    /// <summary>The base table with the projected values of year index <paramref name="yearIndex"/> (0 = base year) for every projected buurt.</summary>
    public static IndicatorTable Apply(IndicatorTable baseTable, IReadOnlyList<BuurtTrajectory> buurten, int yearIndex, PlannerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(baseTable);
        ArgumentNullException.ThrowIfNull(buurten);
        return Apply(baseTable, buurten.Select(t => (t.Seed.Area, t.Years[0].Composition, t.Years[yearIndex].Composition)), parameters);
    }

    /// <summary>The base table with projected values for the given (area, base composition, projected composition) rows.</summary>
    public static IndicatorTable Apply(
        IndicatorTable baseTable, IEnumerable<(Areas.AreaKey Area, BuurtComposition From, BuurtComposition To)> rows, PlannerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(baseTable);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        var columns = Changed.ToDictionary(id => id, id => baseTable.Column(id).ToArray(), StringComparer.Ordinal);
        foreach (var (area, from, to) in rows)
        {
            var row = baseTable.RowOf(area);
            if (row < 0)
            {
                continue;
            }

            void Scale(string id, double ratio, double max = double.PositiveInfinity)
            {
                var column = columns[id];
                if (!double.IsNaN(column[row]) && double.IsFinite(ratio))
                {
                    column[row] = Math.Min(max, column[row] * ratio);
                }
            }

            void Shift(string id, double change)
            {
                var column = columns[id];
                if (!double.IsNaN(column[row]))
                {
                    column[row] = Math.Clamp(column[row] + (100 * change), 0, 100);
                }
            }

            Scale("dwellings", Ratio(to.TotalDwellings, from.TotalDwellings));
            Scale("households", Ratio(to.TotalHouseholds, from.TotalHouseholds));
            Scale("population", Ratio(to.TotalHouseholds, from.TotalHouseholds));
            var owner = to.ShareOf(Segment.OwnerOccupied) - from.ShareOf(Segment.OwnerOccupied);
            Shift("dwellings_owner_occupied_pct", owner);
            Shift("dwellings_rented_pct", -owner);
            Shift("dwellings_corporation_pct", to.ShareOf(Segment.SocialRent) - from.ShareOf(Segment.SocialRent));
            Shift("dwellings_other_landlord_pct", to.ShareOf(Segment.MidRent) + to.ShareOf(Segment.PrivateRent) - from.ShareOf(Segment.MidRent) - from.ShareOf(Segment.PrivateRent));
            var share = Ratio(to.VulnerableShare, from.VulnerableShare);
            foreach (var id in VulnerableShares)
            {
                Scale(id, share, id.EndsWith("_pct", StringComparison.Ordinal) ? 100 : double.PositiveInfinity);
            }

            Scale("benefits_social_assistance", Ratio(to.VulnerableHouseholds, from.VulnerableHouseholds));
            Scale("households_highest_20pct_income_pct", Ratio(1 - to.VulnerableShare, 1 - from.VulnerableShare), 100);
            Scale("moved_more_than_once_pct", Ratio(to.ExpectedMovers(parameters) / to.TotalHouseholds, from.ExpectedMovers(parameters) / from.TotalHouseholds), 100);
        }

        return baseTable.WithColumns(columns.Where(c => baseTable.HasIndicator(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
    }

    // A ratio with a zero base is undefined: the value stays as it was.
    private static double Ratio(double to, double from) => from > 0 ? to / from : double.NaN;
}
