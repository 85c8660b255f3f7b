namespace Leefkracht.Core.Areas;

/// <summary>
/// An area of one division (indeling): the code is only meaningful together with the year, because
/// gemeenten re-divide and re-use codes (Heerlen's WK091741 was "De Beitel" in 2016 and
/// "Heerlerbaan-Schil" in 2024).
/// </summary>
/// <param name="Code">The CBS code.</param>
/// <param name="Year">The year of the division the code belongs to.</param>
/// <param name="Name">The name in that division, when known.</param>
public sealed record Area(AreaCode Code, int Year, string? Name)
{
    /// <summary>The level of the area.</summary>
    public AreaLevel Level => Code.Level;

    /// <summary>The identity of the area: code and division year.</summary>
    public AreaKey Key => new(Code, Year);
}
