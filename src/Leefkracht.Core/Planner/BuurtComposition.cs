using System.Collections.Immutable;

namespace Leefkracht.Core.Planner;

/// <summary>
/// A buurt's dwellings per segment and its households per segment and group at one moment.
/// </summary>
/// <param name="Dwellings">Dwellings per segment (order of <see cref="Segment"/>).</param>
/// <param name="Households">Households per segment and group, at index <c>segment × 5 + group</c>.</param>
public sealed record BuurtComposition(ImmutableArray<double> Dwellings, ImmutableArray<double> Households)
{
    /// <summary>All dwellings.</summary>
    public double TotalDwellings => Dwellings.Sum();

    /// <summary>All households.</summary>
    public double TotalHouseholds => Households.Sum();

    /// <summary>Households of one segment and group.</summary>
    public double Count(Segment segment, HouseholdGroup group) => Households[((int)segment * PlannerDimensions.Groups) + (int)group];

    /// <summary>Households of one segment.</summary>
    public double InSegment(Segment segment)
    {
        var total = 0.0;
        for (var g = 0; g < PlannerDimensions.Groups; g++)
        {
            total += Households[((int)segment * PlannerDimensions.Groups) + g];
        }

        return total;
    }

    /// <summary>Households of one group over all segments.</summary>
    public double OfGroup(HouseholdGroup group)
    {
        var total = 0.0;
        for (var s = 0; s < PlannerDimensions.Segments; s++)
        {
            total += Households[(s * PlannerDimensions.Groups) + (int)group];
        }

        return total;
    }

    /// <summary>Vulnerable households (every group but <see cref="HouseholdGroup.Other"/>).</summary>
    public double VulnerableHouseholds => TotalHouseholds - OfGroup(HouseholdGroup.Other);

    /// <summary>The vulnerable share of households.</summary>
    public double VulnerableShare => TotalHouseholds > 0 ? VulnerableHouseholds / TotalHouseholds : 0;

    /// <summary>The share of dwellings in a segment.</summary>
    public double ShareOf(Segment segment) => TotalDwellings > 0 ? Dwellings[(int)segment] / TotalDwellings : 0;

    /// <summary>Households that move out in a year in expectation: Σₛ mₛ·Hₛ.</summary>
    public double ExpectedMovers(PlannerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var movers = 0.0;
        for (var s = 0; s < PlannerDimensions.Segments; s++)
        {
            movers += parameters.Turnover[s] * InSegment((Segment)s);
        }

        return movers;
    }
}
