using Leefkracht.Core.Indicators;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// The classes of an indicator layer: up to nine quantile classes, with breaks rounded to a step that suits the
/// spread of the values (docs/web.md#indicator-legend). With few areas or few distinct values the nine quantiles
/// repeat each other ("30 – 30"); a break that would leave a class empty is dropped, so every class holds at least
/// one area and there are never more classes than distinct values. The classes keep keys spread over the nine
/// colours of the palette (3 classes: 1, 5, 9; one class: 5), so the colours still run from light to dark.
/// </summary>
/// <param name="Breaks">The lower bound of every class but the first, rising; a value at a break is in the upper class.</param>
/// <param name="Keys">The key of each class (1–9): one more than there are breaks.</param>
/// <param name="Step">What the breaks are rounded to (1, 10, 0.1, …).</param>
/// <param name="Min">The lowest value.</param>
/// <param name="Max">The highest value.</param>
internal sealed record QuantileClasses(IReadOnlyList<double> Breaks, IReadOnlyList<int> Keys, double Step, double Min, double Max)
{
    /// <summary>The most classes a layer has (the palette's length).</summary>
    public const int Most = 9;

    /// <summary>Classes of these values (any order; none finite: one class).</summary>
    public static QuantileClasses Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new QuantileClasses([], [1], 1, 0, 0);
        }

        var (min, max) = (sorted[0], sorted[^1]);
        var step = StepOf(max - min);

        // The k-th ninth of the sorted values, rounded down to the step (so that the value itself is in the class the
        // break starts, as it was unrounded); kept only when it leaves at least one value in
        // the class below it (so no class is empty and no two breaks are equal).
        var breaks = new List<double>();
        var below = 0;
        for (var k = 1; k < Most; k++)
        {
            var candidate = Down(sorted[Math.Min(sorted.Length - 1, k * sorted.Length / Most)], step);
            var lower = breaks.Count == 0 ? double.NegativeInfinity : breaks[^1];
            var inClass = CountBelow(sorted, candidate) - below;
            if (candidate > lower && candidate <= max && inClass > 0)
            {
                breaks.Add(candidate);
                below += inClass;
            }
        }

        var classes = breaks.Count + 1;
        var keys = Enumerable.Range(0, classes).Select(i => classes == 1 ? (Most + 1) / 2 : 1 + (int)Math.Round(i * (Most - 1) / (double)(classes - 1))).ToArray();
        return new QuantileClasses(breaks, keys, step, min, max);
    }

    /// <summary>The key (1–9) of a value's class.</summary>
    public int KeyOf(double value)
    {
        var c = 0;
        while (c < Breaks.Count && value >= Breaks[c])
        {
            c++;
        }

        return Keys[c];
    }

    /// <summary>Each class's key and its range in words: "10 – 20 %", or one number when a class holds one value.</summary>
    /// <param name="numbers">The number format of the user's language.</param>
    /// <param name="unit">The indicator's unit, written after the range when it is a short symbol (%, km, ha).</param>
    public IEnumerable<(int Key, string Label)> Labels(NumberFormatInfo numbers, IndicatorUnit? unit)
    {
        var suffix = unit switch
        {
            IndicatorUnit.Percent => " %",
            IndicatorUnit.Kilometre => " km",
            IndicatorUnit.Hectare => " ha",
            _ => string.Empty,
        };
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        var format = "#,##0" + (decimals > 0 ? "." + new string('0', decimals) : string.Empty);
        string Text(double v) => v.ToString(format, numbers);
        if (Min == Max)
        {
            // One value: that value, as precise as it is.
            yield return (Keys[0], Min.ToString("#,##0.####", numbers) + suffix);
            yield break;
        }

        // The ends outwards to the step, so that the lowest and highest value lie inside their class's range.
        for (var i = 0; i < Keys.Count; i++)
        {
            var low = Text(i == 0 ? Down(Min, Step) : Breaks[i - 1]);
            var high = Text(i == Keys.Count - 1 ? Up(Max, Step) : Breaks[i]);
            yield return (Keys[i], (low == high ? low : $"{low} – {high}") + suffix);
        }
    }

    /// <summary>
    /// A tenth of the order of magnitude of the spread: a spread of 60 (percentages) gives breaks in whole numbers,
    /// 5 in tenths, 50,000 (euros) in thousands. No spread (one value): a step of its own magnitude's hundredth.
    /// </summary>
    private static double StepOf(double spread) =>
        spread > 0 ? Math.Pow(10, Math.Floor(Math.Log10(spread)) - 1) : 0.01;

    private static double Down(double value, double step) => Exact(Math.Floor(Math.Round(value / step, 6)) * step, step);

    private static double Up(double value, double step) => Exact(Math.Ceiling(Math.Round(value / step, 6)) * step, step);

    /// <summary>A multiple of a step below 1 without the binary fraction's tail (0.30000000000000004).</summary>
    private static double Exact(double value, double step) => step >= 1 ? value : Math.Round(value, 10);

    private static int CountBelow(double[] sorted, double bound)
    {
        var index = Array.BinarySearch(sorted, bound);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] >= bound)
        {
            index--;
        }

        return index;
    }
}
