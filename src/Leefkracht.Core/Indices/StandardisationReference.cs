using Leefkracht.Core.Text;

namespace Leefkracht.Core.Indices;

/// <summary>The population-weighted mean and standard deviation of one indicator in a reference set of areas.</summary>
/// <param name="Mean">Population-weighted mean.</param>
/// <param name="StandardDeviation">Population-weighted standard deviation (divisor: total weight).</param>
/// <param name="Areas">The number of reference areas with a value.</param>
/// <param name="PopulationShare">The share of the reference population living in areas with a value.</param>
public readonly record struct IndicatorMoments(double Mean, double StandardDeviation, int Areas, double PopulationShare);

/// <summary>
/// What scores are standardised against: for each indicator the population-weighted distribution over a set of
/// reference areas (by default all buurten of the year; alternatively one gemeente's buurten, or a fixed base
/// year so that changes between years are real).
/// </summary>
/// <param name="Description">In words (English), for example "all buurten with data in 2024 (14,096 areas, …)".</param>
/// <param name="DescriptionDutch">The same in Dutch.</param>
/// <param name="Period">The year of the reference data.</param>
/// <param name="Moments">Per indicator.</param>
public sealed record StandardisationReference(string Description, string DescriptionDutch, int Period, IReadOnlyDictionary<string, IndicatorMoments> Moments)
{
    /// <summary>The description in the user's language (<see cref="Words.InEnglish"/>; Dutch otherwise).</summary>
    public string LocalDescription() => Words.InEnglish ? Description : DescriptionDutch;
}
