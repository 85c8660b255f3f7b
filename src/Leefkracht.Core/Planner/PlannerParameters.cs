using System.Collections.Immutable;

namespace Leefkracht.Core.Planner;

/// <summary>
/// The assumptions of the scenario model, each a parameter a user can change in a scenario file. The defaults are
/// documented with their sources (or as assumptions where there is none) in docs/planner.md#parameters.
/// </summary>
/// <param name="Turnover">
/// Mutatiegraad per segment: the share of households that move out in a year (order: social rent, mid rent,
/// private rent, owner-occupied).
/// </param>
/// <param name="RelativeVulnerability">
/// How much more or less often a vulnerable household lives in (and moves into) each segment than into social rent
/// (social rent = 1). Seeds the split of a buurt's vulnerable households over its segments and sets the vulnerable
/// share of each segment's inflow.
/// </param>
/// <param name="MidRentShareOfOtherRent">Share of the stock of other (non-corporation) landlords that is mid rent.</param>
/// <param name="TippingShare">
/// The vulnerable share of households at which a buurt counts as "tipping" in reports; it plays no part in the
/// projection itself.
/// </param>
/// <param name="InflowFeedback">
/// Selective migration: the vulnerable share of inflow follows the buurt's vulnerable share as ℓₜ = ℓ₀·(vₜ/v₀)^η.
/// 0 (the default) keeps each buurt's letting pattern fixed; η &gt; 0 lets a buurt that gains vulnerable households
/// attract more (the Veerkracht mechanism).
/// </param>
public sealed record PlannerParameters(
    ImmutableArray<double> Turnover,
    ImmutableArray<double> RelativeVulnerability,
    double MidRentShareOfOtherRent = 0.3,
    double TippingShare = 0.15,
    double InflowFeedback = 0.0)
{
    /// <summary>
    /// The defaults: turnover 7 % (social), 10 % (mid), 15 % (private), 5 % (owner-occupied) a year; relative
    /// vulnerability 1, 0.35, 0.3, 0.1; 30 % of other landlords' stock mid rent; tipping at 15 % vulnerable households.
    /// </summary>
    public static PlannerParameters Default { get; } = new([0.07, 0.10, 0.15, 0.05], [1.0, 0.35, 0.3, 0.1]);

    /// <summary>
    /// Every problem with the values, each as its parameter, a code and the bounds it breaks; empty when valid. The
    /// planner's documents word them in the user's language (ScenarioWords.resx, <c>Parameter.*</c>).
    /// </summary>
    public IReadOnlyList<ParameterProblem> Problems()
    {
        var problems = new List<ParameterProblem>();
        PerSegment("turnover", Turnover, 1);
        if (PerSegment("relativeVulnerability", RelativeVulnerability, 10) && RelativeVulnerability.All(r => r == 0))
        {
            problems.Add(new("relativeVulnerability", ParameterProblem.NoVulnerableSegment));
        }

        if (!(MidRentShareOfOtherRent is >= 0 and <= 1))
        {
            problems.Add(new("midRentShareOfOtherRent", ParameterProblem.Between, 0, 1));
        }

        if (!(TippingShare is > 0 and < 1))
        {
            problems.Add(new("tippingShare", ParameterProblem.BetweenExclusive, 0, 1));
        }

        if (!(InflowFeedback is >= 0 and <= 3))
        {
            problems.Add(new("inflowFeedback", ParameterProblem.Between, 0, 3));
        }

        return problems;

        // One value per segment, each between 0 and max; false when the number of values is wrong.
        bool PerSegment(string parameter, ImmutableArray<double> values, int max)
        {
            if (values.Length != PlannerDimensions.Segments)
            {
                problems.Add(new(parameter, ParameterProblem.OnePerSegment));
                return false;
            }

            for (var s = 0; s < values.Length; s++)
            {
                if (!(values[s] >= 0 && values[s] <= max))
                {
                    problems.Add(new($"{parameter}.{PlannerDimensions.JsonName((Segment)s)}", ParameterProblem.Between, 0, max));
                }
            }

            return true;
        }
    }
}
