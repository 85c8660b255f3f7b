namespace Leefkracht.Core.Planner;

/// <summary>What is wrong with one planner parameter: its name, a stable code and the bounds it must keep.</summary>
/// <param name="Parameter">The parameter's name in documents (<c>turnover.socialRent</c>).</param>
/// <param name="Code">One of the constants below.</param>
/// <param name="Low">The lower bound, for <see cref="Between"/> and <see cref="BetweenExclusive"/>.</param>
/// <param name="High">The upper bound, for <see cref="Between"/> and <see cref="BetweenExclusive"/>.</param>
public sealed record ParameterProblem(string Parameter, string Code, double Low = 0, double High = 0)
{
    /// <summary>The value must lie between <see cref="Low"/> and <see cref="High"/>, both included.</summary>
    public const string Between = "Parameter.Between";

    /// <summary>The value must lie between <see cref="Low"/> and <see cref="High"/>, both excluded.</summary>
    public const string BetweenExclusive = "Parameter.BetweenExclusive";

    /// <summary>A per-segment parameter has the wrong number of values.</summary>
    public const string OnePerSegment = "Parameter.OnePerSegment";

    /// <summary>No segment houses vulnerable households (every relative vulnerability is 0).</summary>
    public const string NoVulnerableSegment = "Parameter.NoVulnerableSegment";
}
