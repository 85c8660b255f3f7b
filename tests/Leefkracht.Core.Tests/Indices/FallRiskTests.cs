using Leefkracht.Core.Areas;
using Leefkracht.Core.Indices;
using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Core.Tests.Indices;

/// <summary>The watchlist's risk: the Leefbaarometer scale mapping, the risk model, the backtest's cases and measures.</summary>
public sealed class FallRiskTests
{
    private static readonly ClassScale Lbm = new(LeefbaarometerClasses.UpperBounds, ClassScale.LeefbaarometerNames, ClassScale.LeefbaarometerNamesEnglish);

    [Theory]
    [InlineData(-0.6)]
    [InlineData(-0.25)]
    [InlineData(0.0)]
    [InlineData(0.31)]
    public void Scale_OfTheLeefbaarometersOwnClasses_IsTheIdentity(double afw) =>
        LeefbaarometerScale.From(Lbm, afw).ShouldBe(afw, 1e-12);

    [Fact]
    public void Scale_OfAnotherModel_MapsClassBoundToClassBound()
    {
        // TestModels.Classes: bounds −1.2 … 0.9 in steps of 0.3; the zwak/voldoende bound −0.3 lands on the Leefbaarometer's.
        LeefbaarometerScale.From(TestModels.Classes, -0.3).ShouldBe(LeefbaarometerClasses.UpperBounds[3], 1e-12);
        LeefbaarometerScale.From(TestModels.Classes, -0.15).ShouldBe((LeefbaarometerClasses.UpperBounds[3] + LeefbaarometerClasses.UpperBounds[4]) / 2, 1e-12);
        LeefbaarometerScale.From(TestModels.Classes, 1.2).ShouldBe(LeefbaarometerClasses.UpperBounds[7] + LeefbaarometerClasses.Step, 1e-12);
    }

    [Fact]
    public void Risk_RisesAsTheLevelFalls_AndTheListStartsNearTheZwakBound()
    {
        var model = FallRiskModel.Default;
        model.Risk(-0.4, 0).ShouldBeGreaterThan(model.Risk(-0.2, 0));
        model.Risk(-0.2, 0).ShouldBeGreaterThan(model.Risk(0.2, 0));
        model.Risk(0.1, 0).ShouldBeLessThan(model.ListThreshold); // an average-to-good area is not listed …
        model.Risk(0.1, -FallRiskModel.MomentumLimit).ShouldBeLessThan(model.ListThreshold); // … even when it just fell
        model.Risk(-0.3, 0).ShouldBeGreaterThan(model.ListThreshold);
    }

    [Fact]
    public void Assess_AZwakArea_SaysSoAndCountsAShortChangeOverFourYears()
    {
        var signals = new AreaSignals(new AreaKey(AreaCode.Parse("BU00010001"), 2024), 2023, 2024, -0.25, -0.04, Lbm.UpperBounds[3], null, null, false, null);

        var entry = EarlyWarning.Assess(signals, new WarningRules(), FallRiskModel.Default, Lbm);

        entry.Findings[0].Signal.ShouldBe(WarningSignal.ZwakOrWorse);
        entry.Level!.Value.ShouldBe(-0.25, 1e-12);
        entry.MomentumPerYear!.Value.ShouldBe(-0.01, 1e-12); // −0.04 in one year, spread over the four years the model learnt from
        entry.Risk.ShouldBe(FallRiskModel.Default.Risk(-0.25, -0.01), 1e-12);
    }

    [Fact]
    public void Cases_UseTheMeasurementFourYearsBefore_AndDefineAFallIntoZwak()
    {
        var series = new[]
        {
            new LeefbaarometerSeries("1000", new Dictionary<int, double> { [2002] = -0.10, [2008] = -0.16, [2012] = -0.22 }), // falls 0.06 and ends zwak
            new LeefbaarometerSeries("2000", new Dictionary<int, double> { [2002] = 0.10, [2008] = 0.10, [2012] = 0.05 }), // declines, stays above
            new LeefbaarometerSeries("3000", new Dictionary<int, double> { [2008] = -0.3, [2012] = -0.3 }), // no measurement 4 years before 2008
        };

        var cases = FallRiskBacktest.Cases(series, 2008);

        cases.Select(c => c.Code).ShouldBe(["1000", "2000"]);
        cases[0].MomentumPerYear.ShouldBe(-0.01, 1e-12);
        (cases[0].Fell, cases[0].Declined).ShouldBe((true, true));
        (cases[1].Fell, cases[1].Declined).ShouldBe((false, true));
    }

    [Fact]
    public void Quality_CountsHitsInTheTopK_AndBreaksTiesByOrder()
    {
        var scores = Enumerable.Range(0, 200).Select(i => (double)(200 - i)).ToArray();
        var events = Enumerable.Range(0, 200).Select(i => i % 10 == 0).ToArray(); // 20 events, 2 in every 20

        var q = FallRiskBacktest.Quality("model", "fall", 2014, scores, events);

        q.Events.ShouldBe(20);
        q.At(20).Hits.ShouldBe(2);
        q.At(100).Recall.ShouldBe(0.5);
        q.BaseRate.ShouldBe(0.1);
    }
}
