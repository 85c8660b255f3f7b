namespace Leefkracht.Core.Areas;

/// <summary>An area's identity: its code in the division of a given year.</summary>
/// <param name="Code">The CBS code.</param>
/// <param name="Year">The division year.</param>
public readonly record struct AreaKey(AreaCode Code, int Year)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}@{Year}";
}
