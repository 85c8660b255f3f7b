namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>A monitor indicator an agreement is meant to move, and the value it should reach.</summary>
/// <param name="IndicatorId">The indicator's catalog id.</param>
/// <param name="Target">The target value.</param>
public sealed record IndicatorTarget(string IndicatorId, double Target);
