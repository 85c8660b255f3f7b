namespace Leefkracht.Core.Leefbaarometer;

/// <summary>
/// The scale of one Leefbaarometer edition. Every edition publishes <c>afw</c> as the deviation from a fixed national
/// reference, so <c>lbm − afw</c> is one constant per edition (4.102264851143685 for the LBM 3.0 series 2002–2018);
/// the 2024 edition uses another constant, so scores of different editions are never mixed without re-basing.
/// </summary>
public static class LeefbaarometerEdition
{
    /// <summary>The instrument, as the source names it.</summary>
    public const string Instrument = "Leefbaarometer 3.0";

    /// <summary>The source line every value carries.</summary>
    public const string Source = "Leefbaarometer 3.0, Ministerie van BZK";

    /// <summary>
    /// How far <c>lbm − afw</c> may vary within one file: the published values carry 15–16 significant digits, so
    /// one reference differs between rows only in the last bits of the subtraction.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The edition's reference, the mean of <c>lbm − afw</c> over <paramref name="scores"/>, or <see langword="null"/>
    /// with the row that departs most from it when the difference is not one constant.
    /// </summary>
    public static (double? Reference, LeefbaarometerScore? Outlier, double Spread) ReferenceOf(IReadOnlyList<LeefbaarometerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return (null, null, 0);
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var sum = 0.0;
        foreach (var score in scores)
        {
            var difference = score.Score - score.Deviation;
            min = Math.Min(min, difference);
            max = Math.Max(max, difference);
            sum += difference;
        }

        var mean = sum / scores.Count;
        if (max - min <= Tolerance)
        {
            return (mean, null, max - min);
        }

        var outlier = scores.MaxBy(s => Math.Abs(s.Score - s.Deviation - mean));
        return (null, outlier, max - min);
    }
}
