using System.Globalization;
using Leefkracht.Core.Indicators;
using Leefkracht.Web.Monitor;

namespace Leefkracht.Web.Tests;

/// <summary>The classes of an indicator layer's legend: nine quantiles where the values allow, fewer where they do not.</summary>
public sealed class QuantileClassesTests
{
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    [Fact]
    public void ManyDistinctValues_GiveNineClasses_OfAboutANinthEach_WithWholeBreaksForPercentages()
    {
        // Given 900 percentages spread evenly over 10–70
        var values = Enumerable.Range(0, 900).Select(i => 10 + (i * 60.0 / 899)).ToArray();

        var classes = QuantileClasses.Of(values);

        classes.Keys.ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        classes.Breaks.ShouldAllBe(b => b == Math.Round(b));
        var counts = values.GroupBy(classes.KeyOf).Select(g => g.Count()).ToList();
        counts.ShouldAllBe(c => c >= 90 && c <= 110);
        var labels = classes.Labels(Dutch, IndicatorUnit.Percent).Select(l => l.Label).ToList();
        labels[0].ShouldBe("10 – 16 %");
        labels[^1].ShouldBe("63 – 70 %");
    }

    [Fact]
    public void FewAreas_GiveAsManyClassesAsDistinctValues_NoneEmpty_NoneRepeated()
    {
        // Given five wijken of which three share a value (the "30 – 30" legend of a small gemeente)
        double[] values = [30, 30, 30, 41.2, 55.7];

        var classes = QuantileClasses.Of(values);

        // Then three classes, light to dark, each with an area, and labels that never repeat a number
        classes.Keys.ShouldBe([1, 5, 9]);
        values.Select(classes.KeyOf).Distinct().Order().ShouldBe([1, 5, 9]);
        var labels = classes.Labels(Dutch, IndicatorUnit.Percent).Select(l => l.Label).ToList();
        labels.ShouldBe(["30 – 41 %", "41 – 55 %", "55 – 56 %"]);
    }

    [Fact]
    public void OneValue_IsOneClass_LabelledWithIt()
    {
        var classes = QuantileClasses.Of([12.5, 12.5]);

        classes.Keys.ShouldBe([5]);
        classes.KeyOf(12.5).ShouldBe(5);
        classes.Labels(CultureInfo.InvariantCulture.NumberFormat, IndicatorUnit.Count).Single().Label.ShouldBe("12.5");
    }

    [Fact]
    public void LargeValues_AreRoundedToTheirMagnitude_WithGrouping()
    {
        // Given WOZ values in thousands of euros, 150–950
        var values = Enumerable.Range(0, 90).Select(i => 150 + (i * 800.0 / 89) + 0.37).ToArray();

        var labels = QuantileClasses.Of(values).Labels(Dutch, IndicatorUnit.ThousandEuro).Select(l => l.Label).ToList();

        labels.Count.ShouldBe(9);
        labels.ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+0 – \d+0$"));
        QuantileClasses.Of(values.Select(v => v * 1000)).Labels(Dutch, null).First().Label.ShouldBe("150.000 – 240.000");
    }

    [Fact]
    public void EveryClassHoldsAnArea_WhateverTheValues()
    {
        // Given many small sets of repeated and spread values
        var random = new Random(17);
        for (var run = 0; run < 500; run++)
        {
            var values = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble() * random.Next(1, 200), random.Next(0, 3))).ToArray();

            var classes = QuantileClasses.Of(values);

            // Then no class is empty, there are no more classes than distinct values, and no label repeats
            values.Select(classes.KeyOf).Distinct().Count().ShouldBe(classes.Keys.Count, string.Join(", ", values));
            classes.Keys.Count.ShouldBeLessThanOrEqualTo(values.Distinct().Count());
            var labels = classes.Labels(Dutch, null).Select(l => l.Label).ToList();
            labels.Distinct().Count().ShouldBe(labels.Count, string.Join(", ", values));
            labels.ShouldAllBe(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^(\S+) – \1$"));
        }
    }
}
