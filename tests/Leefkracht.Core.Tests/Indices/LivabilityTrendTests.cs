using Leefkracht.Core.Indices;

namespace Leefkracht.Core.Tests.Indices;

public sealed class LivabilityTrendTests
{
    [Fact]
    public void Compare_ChangeIsTheDifferenceOfTwoScoresOnOneReference()
    {
        // Given: three buurten in two years; the reference is the first year
        var first = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var second = TestModels.Table(("BU00000001", 1100, 45, 10, 35), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 55, 25, 60));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(first, model.IndicatorIds, model.Rules);

        // When
        var trends = LivabilityTrends.Compare(first, second, model, reference);

        // Then: the change equals the difference of the two scores against that one reference
        var before = LivabilityIndex.Compute(first, model, reference);
        var after = LivabilityIndex.Compute(second, model, reference);
        for (var i = 0; i < 3; i++)
        {
            trends[i].Change!.Value.ShouldBe(after[i].Deviation!.Value - before[i].Deviation!.Value, 1e-12);
        }

        trends[1].Change!.Value.ShouldBe(0, 1e-15);
        trends[1].ChangeClass.ShouldBe(5);
        trends[0].Change!.Value.ShouldBeGreaterThan(0.1); // more owners, fewer crimes
        trends[2].Change!.Value.ShouldBeLessThan(-0.1);
    }

    [Fact]
    public void Compare_ChangesAddUpOverDimensionsAndIndicators()
    {
        var first = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var second = TestModels.Table(("BU00000001", 1100, 45, 12, 35), ("BU00000002", 2900, 78, 6, 33), ("BU00000003", 2000, 55, 25, 60));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(first, model.IndicatorIds, model.Rules);

        foreach (var trend in LivabilityTrends.Compare(first, second, model, reference))
        {
            trend.Dimensions.Sum(d => d.Change).ShouldBe(trend.Change!.Value, 1e-12);
            trend.Indicators.Sum(i => i.Change).ShouldBe(trend.Change!.Value, 1e-12);
        }
    }

    [Fact]
    public void Compare_IndicatorKnownInOneYearOnly_IsLeftOutOfBoth()
    {
        // Given: the first buurt has no corporation share in the second year
        var first = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var second = TestModels.Table(("BU00000001", 1000, 40, double.NaN, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(first, model.IndicatorIds, model.Rules);

        // When
        var trend = LivabilityTrends.Compare(first, second, model, reference)[0];

        // Then: the values did not change, so neither did the score — a missing value is not a change
        trend.OnlyInOneYear.ShouldBe(["corporation"]);
        trend.Change!.Value.ShouldBe(0, 1e-15);
        trend.From.Dimensions[0].Indicators.ShouldNotContain(i => i.IndicatorId == "corporation");
    }

    [Fact]
    public void Compare_AreaNotScoredInOneYear_SaysWhichYearAndWhy()
    {
        var first = TestModels.Table(("BU00000001", 20, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var second = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(second, model.IndicatorIds, model.Rules);

        var trend = LivabilityTrends.Compare(first, second, model, reference)[0];

        trend.IsCompared.ShouldBeFalse();
        trend.NotComparedReason.ShouldBe("2024: too few inhabitants (20 < 50) for a reliable score");
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Compare_AnyData_ChangesAddUpAndOnlyCommonIndicatorsCount(int seed)
    {
        // Given: two random years of the same 30 areas, with random gaps in each
        var random = new Random(seed);
        (string, double, double, double, double)[] Year() => [.. Enumerable.Range(1, 30).Select(i => (
            $"BU{i:00000000}",
            (double)random.Next(0, 5000),
            random.NextDouble() < 0.2 ? double.NaN : random.NextDouble() * 100,
            random.NextDouble() < 0.3 ? double.NaN : random.NextDouble() * 100,
            random.NextDouble() < 0.1 ? double.NaN : random.NextDouble() * 400))];
        var first = TestModels.Table(Year());
        var second = TestModels.Table(Year());
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(first, model.IndicatorIds, model.Rules);

        // When
        var trends = LivabilityTrends.Compare(first, second, model, reference);

        // Then
        return trends.Where(t => t.IsCompared).All(t =>
            Math.Abs(t.Dimensions.Sum(d => d.Change) - t.Change!.Value) < 1e-9
            && Math.Abs(t.Indicators.Sum(i => i.Change) - t.Change!.Value) < 1e-9
            && t.From.Dimensions.SelectMany(d => d.Indicators).Select(i => i.IndicatorId).SequenceEqual(t.To.Dimensions.SelectMany(d => d.Indicators).Select(i => i.IndicatorId))
            && t.OnlyInOneYear.All(id => t.Indicators.All(i => i.IndicatorId != id)));
    }
}
