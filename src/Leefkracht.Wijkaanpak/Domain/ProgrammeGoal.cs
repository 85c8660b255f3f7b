namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>A goal of a programme, measured by a monitor indicator.</summary>
/// <param name="Description">What the goal is, in words.</param>
/// <param name="IndicatorId">The monitor indicator (catalog id) that measures it.</param>
/// <param name="Target">The value the indicator should reach.</param>
public sealed record ProgrammeGoal(string Description, string IndicatorId, double Target);
