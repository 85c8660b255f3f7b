namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>How an indicator moved between a programme's start and the latest year, seen from its target.</summary>
public enum Movement
{
    /// <summary>Closer to the target than at the start, not there yet.</summary>
    TowardTarget,

    /// <summary>Further from the target than at the start.</summary>
    AwayFromTarget,

    /// <summary>The same value as at the start.</summary>
    Unchanged,

    /// <summary>At or past the target.</summary>
    Reached,

    /// <summary>No value at the start or in the latest year.</summary>
    Unknown,
}

/// <summary>A value of an indicator in one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The value.</param>
public sealed record YearValue(int Year, double Value);

/// <summary>Classifies an indicator's movement relative to its target.</summary>
public static class IndicatorMovement
{
    /// <summary>
    /// The movement from <paramref name="baseline"/> to <paramref name="latest"/> relative to <paramref name="target"/>:
    /// the target's side of the baseline says which direction is better (a target below the start means lower is
    /// better), so the indicator's own polarity is not needed.
    /// </summary>
    public static Movement Classify(double? baseline, double? latest, double target)
    {
        if (baseline is not { } start || latest is not { } now || double.IsNaN(start) || double.IsNaN(now))
        {
            return Movement.Unknown;
        }

        var wanted = Math.Sign(target - start);
        if (wanted == 0)
        {
            return now == target ? Movement.Reached : Movement.AwayFromTarget;
        }

        if ((now - target) * wanted >= 0)
        {
            return Movement.Reached;
        }

        return now == start ? Movement.Unchanged : (now - start) * wanted > 0 ? Movement.TowardTarget : Movement.AwayFromTarget;
    }

    /// <summary>
    /// The baseline of a series for a programme starting in <paramref name="startYear"/>: that year's value, else the
    /// nearest earlier one, else the first later one (the year says which).
    /// </summary>
    public static YearValue? Baseline(IReadOnlyList<YearValue> series, int startYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Where(p => p.Year <= startYear).MaxBy(p => p.Year) ?? series.Where(p => p.Year > startYear).MinBy(p => p.Year);
    }

    /// <summary>The value of the most recent year of a series.</summary>
    public static YearValue? Latest(IReadOnlyList<YearValue> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.MaxBy(p => p.Year);
    }
}
