namespace Leefkracht.Core.Indicators;

/// <summary>The plausible range of an indicator's values; values outside it are rejected on import.</summary>
/// <param name="Minimum">Smallest plausible value.</param>
/// <param name="Maximum">Largest plausible value.</param>
public sealed record ValueRange(double Minimum, double Maximum)
{
    /// <summary>Whether <paramref name="value"/> lies within the range (inclusive).</summary>
    public bool Contains(double value) => value >= Minimum && value <= Maximum;
}
