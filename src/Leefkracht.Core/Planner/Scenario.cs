using System.Collections.Immutable;
using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Planner;

/// <summary>What a stock change does.</summary>
public enum StockChangeKind
{
    /// <summary>New dwellings in a segment; their first occupants are this year's inflow.</summary>
    Build,

    /// <summary>Dwellings removed; their households leave the buurt.</summary>
    Demolish,

    /// <summary>Dwellings move to another rental segment (e.g. social to mid rent) with their sitting tenants.</summary>
    Convert,

    /// <summary>Rental dwellings sold to owner-occupiers, with their sitting tenants (who stay until they move).</summary>
    Sell,
}

/// <summary>One change of the dwelling stock in one buurt and year.</summary>
/// <param name="Kind">Build, demolish, convert or sell.</param>
/// <param name="Buurt">The buurt.</param>
/// <param name="Year">The calendar year it takes effect (at the start of the year).</param>
/// <param name="Segment">The segment built or demolished, or the segment converted or sold from.</param>
/// <param name="To">The segment converted to (owner-occupied for a sale); equals <paramref name="Segment"/> otherwise.</param>
/// <param name="Dwellings">How many dwellings (a demolition, conversion or sale takes at most what the segment has).</param>
public sealed record StockChange(StockChangeKind Kind, AreaCode Buurt, int Year, Segment Segment, Segment To, double Dwellings);

/// <summary>How a programme's yearly placements are spread over its buurten.</summary>
public enum AllocationMethod
{
    /// <summary>Fixed numbers per buurt.</summary>
    Explicit,

    /// <summary>Proportional to each buurt's social-rent vacancies ("where the vacancies are"): the naive allocation.</summary>
    Vacancies,

    /// <summary>By the optimiser: the lowest possible worst concentration, then the least disruption.</summary>
    Optimised,
}

/// <summary>Placements of one target group, every year of a period.</summary>
/// <param name="Group">The target group (GGZ, shelter, statushouder).</param>
/// <param name="PerYear">Households placed each year (for <see cref="AllocationMethod.Explicit"/>: the sum of <paramref name="Explicit"/>).</param>
/// <param name="FromYear">First year.</param>
/// <param name="ToYear">Last year (inclusive).</param>
/// <param name="Method">How the placements are spread.</param>
/// <param name="Pool">The buurten that may receive placements.</param>
/// <param name="Explicit">With <see cref="AllocationMethod.Explicit"/>: households per buurt per year.</param>
public sealed record PlacementProgramme(
    HouseholdGroup Group,
    int PerYear,
    int FromYear,
    int ToYear,
    AllocationMethod Method,
    ImmutableArray<AreaCode> Pool,
    ImmutableDictionary<AreaCode, int> Explicit)
{
    /// <summary>Whether the programme places in a year.</summary>
    public bool IsActive(int year) => year >= FromYear && year <= ToYear;
}

/// <summary>Allocation rules for the social-rent vacancies of every buurt.</summary>
/// <param name="MaxPlacementShare">At most this share of a buurt's social-rent vacancies goes to placements.</param>
/// <param name="MaxVulnerableInflowShare">
/// At most this share of a buurt's social-rent vacancies goes to vulnerable households (placements and regular
/// vulnerable inflow together); 1 = no rule. Placements go first, the regular vulnerable inflow is reduced.
/// </param>
/// <param name="ExcludeAboveShare">No placements in a buurt whose vulnerable share is already at or above this; null = no rule.</param>
/// <param name="PriorityShare">
/// A priority rule (voorrang): this share of the social-rent vacancies left after placements is let to
/// non-vulnerable households first (e.g. working households), so the regular vulnerable inflow shrinks by this share.
/// </param>
public sealed record AllocationRules(
    double MaxPlacementShare = 0.5,
    double MaxVulnerableInflowShare = 1.0,
    double? ExcludeAboveShare = null,
    double PriorityShare = 0.0)
{
    /// <summary>The placements a buurt can take: ⌊min(max placement share, max vulnerable inflow share) × vacancies⌋.</summary>
    public int CapacityOf(double vacancies) =>
        (int)Math.Floor((Math.Min(MaxPlacementShare, MaxVulnerableInflowShare) * vacancies) + 1e-9);
}

/// <summary>
/// A what-if scenario: a base year, a number of years, parameters, stock changes, placement programmes and
/// allocation rules. Buurten are resolved (no selectors); the data layer builds this from a scenario file.
/// </summary>
/// <param name="Name">Name shown in reports.</param>
/// <param name="BaseYear">The year whose data seed the projection (year 0).</param>
/// <param name="Years">How many years to project.</param>
/// <param name="Parameters">The model's assumptions.</param>
/// <param name="StockChanges">Changes of the dwelling stock.</param>
/// <param name="Placements">Placement programmes.</param>
/// <param name="Rules">Allocation rules.</param>
public sealed record Scenario(
    string Name,
    int BaseYear,
    int Years,
    PlannerParameters Parameters,
    ImmutableArray<StockChange> StockChanges,
    ImmutableArray<PlacementProgramme> Placements,
    AllocationRules Rules)
{
    /// <summary>The same scope and parameters without any intervention (no stock changes, placements or allocation rules): the baseline to compare with.</summary>
    public Scenario Baseline(string name = "baseline") => this with { Name = name, StockChanges = [], Placements = [], Rules = new AllocationRules() };
}
