namespace Leefkracht.Core.Planner;

/// <summary>A segment of the dwelling stock.</summary>
public enum Segment
{
    /// <summary>Social rent (sociale huur): in the planner the stock owned by housing corporations.</summary>
    SocialRent,

    /// <summary>Mid rent (middenhuur): part of the stock of other landlords (a parameter splits it from private rent).</summary>
    MidRent,

    /// <summary>Private rent above the mid-rent band (vrije sector).</summary>
    PrivateRent,

    /// <summary>Owner-occupied (koop).</summary>
    OwnerOccupied,
}

/// <summary>A group of households, by vulnerability.</summary>
public enum HouseholdGroup
{
    /// <summary>Not vulnerable (kansrijk): everyone outside the groups below.</summary>
    Other,

    /// <summary>Vulnerable households of the regular inflow (low income, social assistance), as the buurt's own figure measures them.</summary>
    Vulnerable,

    /// <summary>Placed from mental-health care (GGZ, beschermd wonen) outflow.</summary>
    Ggz,

    /// <summary>Placed from shelters (maatschappelijke opvang).</summary>
    Shelter,

    /// <summary>Refugees with a residence permit (statushouders), housed under the gemeente's task.</summary>
    Statushouder,
}

/// <summary>Counts and names of the segments and groups.</summary>
public static class PlannerDimensions
{
    /// <summary>The number of segments.</summary>
    public const int Segments = 4;

    /// <summary>The number of household groups.</summary>
    public const int Groups = 5;

    /// <summary>The segments in order.</summary>
    public static IReadOnlyList<Segment> AllSegments { get; } = Enum.GetValues<Segment>();

    /// <summary>The groups that are placed (GGZ, shelter, statushouders).</summary>
    public static IReadOnlyList<HouseholdGroup> TargetGroups { get; } = [HouseholdGroup.Ggz, HouseholdGroup.Shelter, HouseholdGroup.Statushouder];

    /// <summary>The camelCase name used in scenario files and JSON output (<c>socialRent</c>, <c>statushouder</c>).</summary>
    public static string JsonName<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
