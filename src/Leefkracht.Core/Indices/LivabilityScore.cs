using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>One indicator's part in an area's score.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Value">The area's value, in the indicator's unit.</param>
/// <param name="ReferenceMean">The reference mean it is compared with.</param>
/// <param name="StandardScore">Direction-adjusted standard score: positive means better than the reference.</param>
/// <param name="Weight">The indicator's effective weight for this area: dimension weight × its share of the dimension's present weight.</param>
/// <param name="Contribution"><paramref name="Weight"/> × <paramref name="StandardScore"/>; the contributions of all indicators sum to the deviation.</param>
/// <param name="Estimated">
/// The area has no value: the standard score is estimated from its other indicators (a fixed-yardstick model), and
/// <paramref name="Value"/> is the value that standard score stands for.
/// </param>
public sealed record IndicatorContribution(string IndicatorId, double Value, double ReferenceMean, double StandardScore, double Weight, double Contribution, bool Estimated = false);

/// <summary>The uncertainty a score carries because some of its indicators were estimated from the others.</summary>
/// <param name="Estimated">The indicators that were estimated.</param>
/// <param name="StandardDeviation">The standard deviation this adds to the deviation.</param>
public sealed record ScoreUncertainty(IReadOnlyList<string> Estimated, double StandardDeviation)
{
    /// <summary>Half the width of the 95 % interval around the deviation.</summary>
    public double HalfWidth95 => YardstickIndex.Z95 * StandardDeviation;
}

/// <summary>One dimension's part in an area's score.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Contribution">The sum of its indicators' contributions.</param>
/// <param name="Coverage">The share of the dimension's model weight the area has values for (0 when none: the dimension then contributes 0).</param>
/// <param name="Indicators">The indicators with values, in model order.</param>
public sealed record DimensionContribution(LivabilityDimension Dimension, double Contribution, double Coverage, IReadOnlyList<IndicatorContribution> Indicators);

/// <summary>
/// An area's livability in one year: the deviation from the reference, its class and the contributions that make it
/// up — or the reason it has no score.
/// </summary>
/// <param name="Area">The area (code and division year).</param>
/// <param name="Period">The year of the data.</param>
/// <param name="Deviation">Deviation from the reference in weighted standard-score units; <see langword="null"/> when not scored.</param>
/// <param name="Class">The class 1–9; <see langword="null"/> when not scored.</param>
/// <param name="Dimensions">Contributions per dimension (all five, in model order); empty when not scored.</param>
/// <param name="Coverage">The share of the model's weight the area has values for.</param>
/// <param name="NotScoredReason">Why there is no score, in words.</param>
/// <param name="Constant">The model's constant (a fixed-yardstick model's intercept b₀): the deviation is the constant plus the dimension contributions.</param>
/// <param name="Uncertainty">For a fixed-yardstick model: what was estimated and how uncertain that makes the deviation.</param>
public sealed record LivabilityScore(
    AreaKey Area,
    int Period,
    double? Deviation,
    int? Class,
    IReadOnlyList<DimensionContribution> Dimensions,
    double Coverage,
    string? NotScoredReason,
    double Constant = 0,
    ScoreUncertainty? Uncertainty = null)
{
    /// <summary>Whether the area has a score.</summary>
    public bool IsScored => Deviation is not null;

    /// <summary>
    /// The score on an index scale where 100 is the reference average: 100 + 100 × <see cref="Deviation"/> (as the
    /// Rotterdam Wijkprofiel puts 100 at its reference); <see langword="null"/> when not scored.
    /// </summary>
    public double? Score => Deviation is { } d ? 100 + (100 * d) : null;

    /// <summary>The contribution of one dimension (0 when absent).</summary>
    /// <remarks>A loop rather than a LINQ search: a buurt list asks it of every buurt and dimension (70,000 times).</remarks>
    public double ContributionOf(LivabilityDimension dimension)
    {
        foreach (var part in Dimensions)
        {
            if (part.Dimension == dimension)
            {
                return part.Contribution;
            }
        }

        return 0;
    }
}
