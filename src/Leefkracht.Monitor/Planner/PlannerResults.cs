using Leefkracht.Core.Planner;

namespace Leefkracht.Monitor.Planner;

/// <summary>A spread over simulated replicates: mean and the 5th and 95th percentiles.</summary>
public sealed record Spread(double Mean, double Low, double High);

/// <summary>One buurt in one year of a scenario: the JSON row the web page and <c>--format json</c> use.</summary>
/// <param name="Code">Buurt code.</param>
/// <param name="Name">Buurt name.</param>
/// <param name="Year">Calendar year (the first is the base year).</param>
/// <param name="Dwellings">Dwellings.</param>
/// <param name="Households">Households.</param>
/// <param name="VulnerableShare">Vulnerable share of households (0–1).</param>
/// <param name="SocialRentShare">Share of dwellings in social rent (0–1).</param>
/// <param name="MidRentShare">Share in mid rent.</param>
/// <param name="PrivateRentShare">Share in private rent.</param>
/// <param name="OwnerOccupiedShare">Share owner-occupied.</param>
/// <param name="PlacedHouseholds">Households of target groups placed so far and still living there.</param>
/// <param name="Placed">Placed this year.</param>
/// <param name="Refused">Placements refused this year (no room within the rules).</param>
/// <param name="Resilience">Projected resilience score (the monitor's index and reference), if the base year is scored.</param>
/// <param name="ResilienceClass">Its class 1–5.</param>
/// <param name="VulnerableSpread">With a seed: the spread of the vulnerable share.</param>
/// <param name="ResilienceSpread">With a seed: the spread of the resilience score.</param>
public sealed record BuurtOutcome(
    string Code,
    string? Name,
    int Year,
    double Dwellings,
    double Households,
    double VulnerableShare,
    double SocialRentShare,
    double MidRentShare,
    double PrivateRentShare,
    double OwnerOccupiedShare,
    double PlacedHouseholds,
    double Placed,
    double Refused,
    double? Resilience,
    int? ResilienceClass,
    Spread? VulnerableSpread,
    Spread? ResilienceSpread);

/// <summary>All buurten of a scenario in one year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Dwellings">Dwellings.</param>
/// <param name="Households">Households.</param>
/// <param name="VulnerableShare">Vulnerable share of all households.</param>
/// <param name="HighestVulnerableShare">The highest buurt share.</param>
/// <param name="BuurtenAboveTipping">Buurten at or above the tipping share.</param>
/// <param name="MeanResilience">Mean resilience of the scored buurten.</param>
/// <param name="VeryVulnerableBuurten">Buurten in resilience class 1 (zeer kwetsbaar).</param>
/// <param name="Placed">Households placed this year.</param>
/// <param name="Refused">Placements refused this year.</param>
public sealed record YearSummary(
    int Year,
    double Dwellings,
    double Households,
    double VulnerableShare,
    double HighestVulnerableShare,
    int BuurtenAboveTipping,
    double? MeanResilience,
    int VeryVulnerableBuurten,
    double Placed,
    double Refused);

/// <summary>A projected scenario with everything a report needs.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Spec">The scenario file.</param>
/// <param name="Scenario">The resolved scenario.</param>
/// <param name="Projection">The expected projection.</param>
/// <param name="Buurten">Every buurt in every year.</param>
/// <param name="Years">Per year, all buurten together.</param>
/// <param name="Seed">The seed of the simulation, if one ran.</param>
/// <param name="Replicates">Simulated replicates (0 without a seed).</param>
/// <param name="Reference">What resilience is standardised against (the base year's monitor reference).</param>
/// <param name="Assumptions">Assumptions made while seeding, counted.</param>
/// <param name="Skipped">Buurten left out, with the reason.</param>
public sealed record ScenarioRun(
    string Name,
    ScenarioSpec Spec,
    Scenario Scenario,
    ProjectionResult Projection,
    IReadOnlyList<BuurtOutcome> Buurten,
    IReadOnlyList<YearSummary> Years,
    ulong? Seed,
    int Replicates,
    string Reference,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Skipped)
{
    /// <summary>The rows of one year.</summary>
    public IEnumerable<BuurtOutcome> InYear(int year) => Buurten.Where(b => b.Year == year);
}

/// <summary>One buurt in a one-year optimisation: the naive and the optimised plan side by side.</summary>
public sealed record PlacementRow(
    string Code,
    string? Name,
    double Households,
    double Vacancies,
    int Capacity,
    double ShareBefore,
    int Naive,
    double NaiveShareAfter,
    int Optimised,
    double OptimisedShareAfter,
    string Reason,
    string? Excluded);

/// <summary>The result of <c>scenario optimize</c>: one year's placements, naive against optimised, with the reasoning.</summary>
/// <param name="Year">The base year whose state is used.</param>
/// <param name="Gemeenten">The gemeenten whose buurten are candidates.</param>
/// <param name="Requested">Placements asked for.</param>
/// <param name="Naive">The naive plan.</param>
/// <param name="Optimised">The optimised plan.</param>
/// <param name="Rows">Per buurt.</param>
/// <param name="Explanation">The reasoning in words.</param>
public sealed record OptimisationRun(int Year, IReadOnlyList<string> Gemeenten, int Requested, PlacementPlan Naive, PlacementPlan Optimised, IReadOnlyList<PlacementRow> Rows, IReadOnlyList<string> Explanation);
