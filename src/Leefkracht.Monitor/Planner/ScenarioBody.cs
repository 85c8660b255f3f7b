using System.Collections.Immutable;
using Leefkracht.Core.Planner;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Planner;

// The JSON shape of a scenario file (docs/planner.md#scenario-files), as written: every field a Field<T>, so that
// one pass of checks can name every bad one. Property order is the order "unknown field" messages list them in.

/// <summary>A scenario file.</summary>
internal sealed record ScenarioBody(
    Field<string> Name,
    Field<string> Description,
    Field<double> BaseYear,
    Field<double> Years,
    Field<AreaBody> Area,
    Field<ParametersBody> Parameters,
    Field<RulesBody> Rules,
    Field<ImmutableArray<Field<StockBody>>> Stock,
    Field<ImmutableArray<Field<PlacementBody>>> Placements) : DocumentBody;

/// <summary>The area of a scenario: gemeenten and/or buurten.</summary>
internal sealed record AreaBody(Field<ImmutableArray<Field<string>>> Gemeenten, Field<ImmutableArray<Field<string>>> Buurten) : DocumentBody;

/// <summary>The model parameters a scenario overrides.</summary>
internal sealed record ParametersBody(
    Field<SegmentValuesBody> Turnover,
    Field<SegmentValuesBody> RelativeVulnerability,
    Field<double> MidRentShareOfOtherRent,
    Field<double> TippingShare,
    Field<double> InflowFeedback) : DocumentBody;

/// <summary>A number per housing segment.</summary>
internal sealed record SegmentValuesBody(Field<double> SocialRent, Field<double> MidRent, Field<double> PrivateRent, Field<double> OwnerOccupied) : DocumentBody
{
    /// <summary>The field of a segment.</summary>
    public Field<double> Of(Segment segment) => segment switch
    {
        Segment.SocialRent => SocialRent,
        Segment.MidRent => MidRent,
        Segment.PrivateRent => PrivateRent,
        _ => OwnerOccupied,
    };
}

/// <summary>The allocation rules of a scenario.</summary>
internal sealed record RulesBody(Field<double> MaxPlacementShare, Field<double> MaxVulnerableInflowShare, Field<double> ExcludeAboveShare, Field<double> PriorityShare) : DocumentBody;

/// <summary>Fields that choose buurten: listed ones or the N weakest.</summary>
internal interface ISelectorBody
{
    Field<ImmutableArray<Field<string>>> Buurten { get; }

    Field<double> Weakest { get; }
}

/// <summary>A stock change.</summary>
internal sealed record StockBody(
    Field<string> Action,
    Field<string> Segment,
    Field<string> To,
    Field<double> Dwellings,
    Field<ImmutableArray<Field<string>>> Buurten,
    Field<double> Weakest,
    Field<double> Year,
    Field<double> OverYears) : DocumentBody, ISelectorBody;

/// <summary>A placement programme.</summary>
internal sealed record PlacementBody(
    Field<string> Group,
    Field<double> PerYear,
    Field<string> Allocation,
    Field<double> From,
    Field<double> To,
    Field<ImmutableArray<Field<string>>> Buurten,
    Field<double> Weakest,
    Field<IReadOnlyDictionary<string, Field<double>>> Explicit) : DocumentBody, ISelectorBody;
