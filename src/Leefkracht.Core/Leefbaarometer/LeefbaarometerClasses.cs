namespace Leefkracht.Core.Leefbaarometer;

/// <summary>
/// The Leefbaarometer's nine classes, on <b>derived</b> bounds: the official LBM 3.0 bounds were not found in a
/// readable source, so the bounds are equal steps on <c>afw</c>, anchored at <c>lbm</c> 3.81 as the upper bound of
/// class 3 (<i>onvoldoende</i>; "lage leefbaarheid" in the LBM 3.0 instrument report, p. 92) and at the national
/// reference (<c>afw</c> 0) as the upper bound of class 6 (<i>ruim voldoende</i>). See docs/leefbaarometer.md.
/// </summary>
public static class LeefbaarometerClasses
{
    /// <summary>The lower anchor: the upper bound of class 3 on the LBM 3.0 scale.</summary>
    public const double OnvoldoendeUpperScore = 3.81;

    /// <summary>The reference of the LBM 3.0 series 2002–2018 that the anchor is expressed against.</summary>
    public const double Lbm3Reference = 4.102264851143685;

    /// <summary>That the bounds are derived, not official: every place that shows a class says so.</summary>
    public const string Basis = "derived";

    /// <summary>The width of one class on <c>afw</c>: a third of the distance between the two anchors.</summary>
    public static double Step { get; } = (Lbm3Reference - OnvoldoendeUpperScore) / 3;

    /// <summary>The upper bounds of classes 1–8 on <c>afw</c> (a value on a bound belongs to the upper class).</summary>
    public static IReadOnlyList<double> UpperBounds { get; } = [.. Enumerable.Range(1, 8).Select(k => (OnvoldoendeUpperScore - Lbm3Reference) + ((k - 3) * Step))];

    /// <summary>The class 1–9 of a deviation: one plus the number of bounds at or below it.</summary>
    public static int ClassOf(double deviation) => 1 + UpperBounds.Count(bound => bound <= deviation);

    /// <summary>The name of class <paramref name="value"/> in the user's language (the UI culture).</summary>
    public static string NameOf(int value) =>
        value is < 1 or > 9 ? throw new ArgumentOutOfRangeException(nameof(value), value, "a Leefbaarometer class is 1–9")
        : LeefbaarometerWords.Words[$"Class{value}"];
}
