using Leefkracht.Core.Areas;
using Leefkracht.Core.Indices;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Tests.Indices;

public sealed class EarlyWarningTests
{
    private static readonly WarningRules Rules = new();

    private static AreaSignals Signals(double? score, double? change, double? shareChange = null, bool corporatiebuurt = false, double? resilienceChange = null, string code = "BU00010001") =>
        new(new AreaKey(AreaCode.Parse(code), 2024), 2022, 2024, score, change, -0.53, 20, shareChange, corporatiebuurt, resilienceChange);

    [Theory]
    [InlineData(-0.45, -0.05, new[] { WarningSignal.NearTippingPointAndDeclining })]
    [InlineData(-0.45, 0.00, new[] { WarningSignal.NearTippingPoint })]
    [InlineData(-0.60, -0.05, new[] { WarningSignal.BelowTippingPointAndDeclining })]
    [InlineData(-0.60, -0.20, new[] { WarningSignal.BelowTippingPointAndDeclining, WarningSignal.Declining })]
    [InlineData(0.40, -0.12, new[] { WarningSignal.Declining })]
    [InlineData(0.40, -0.05, new WarningSignal[0])]
    [InlineData(-0.38, -0.05, new WarningSignal[0])] // 0.15 above the tipping point is no longer "just above"
    public void Evaluate_LevelAndChange(double score, double change, WarningSignal[] expected)
    {
        EarlyWarning.Evaluate(Signals(score, change), Rules).Select(f => f.Signal).ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_VulnerableShareCorporatiebuurtAndResilience()
    {
        EarlyWarning.Evaluate(Signals(0.4, 0, shareChange: 2.5), Rules).Single().ShouldBe(new WarningFinding(WarningSignal.RisingVulnerableShare, 2.5, 2.0));
        EarlyWarning.Evaluate(Signals(0.4, 0, shareChange: 1.9), Rules).ShouldBeEmpty();
        EarlyWarning.Evaluate(Signals(0.4, -0.05, corporatiebuurt: true), Rules).Single().Signal.ShouldBe(WarningSignal.CorporatiebuurtDeclining);
        EarlyWarning.Evaluate(Signals(null, null, resilienceChange: -0.6), Rules).Single().Signal.ShouldBe(WarningSignal.ResilienceFalling);
    }

    [Fact]
    public void Watchlist_OnlyAreasWithFindings_HighestRiskFirst()
    {
        var model = new EarlyWarningModel(new LogisticFit(0, [-1, 0, 0], 0), "test"); // lower margin, higher risk
        AreaSignals[] signals =
        [
            Signals(-0.45, -0.05, code: "BU00010001"),
            Signals(-0.60, -0.05, code: "BU00010002"),
            Signals(0.40, 0.00, code: "BU00010003"),
        ];

        var watchlist = EarlyWarning.Watchlist(signals, Rules, model);

        watchlist.Select(e => e.Signals.Area.Code.Value).ShouldBe(["BU00010002", "BU00010001"]);
        watchlist[0].Risk.ShouldBe(1 / (1 + Math.Exp(-0.07)), 1e-12);
    }

    [Fact]
    public void Backtest_CasesFromConsecutiveTransitions_AndTheirJudgement()
    {
        // Given: one area measured four times (three transitions → two cases), one area twice (no case)
        var a = new AreaKey(AreaCode.Parse("BU00010001"), 2024);
        var b = new AreaKey(AreaCode.Parse("BU00010002"), 2024);
        PanelPoint[] points =
        [
            new(a, 2016, -0.40, 10, false), new(a, 2017, -0.45, 13, false), new(a, 2018, -0.60, 14, false), new(a, 2019, -0.55, 14, false),
            new(b, 2016, 0.2, null, false), new(b, 2017, 0.3, null, false),
        ];

        // When
        var cases = Backtest.Cases(Backtest.Transitions(points), tippingPoint: -0.53, strongDecline: -0.10);
        var report = Backtest.Evaluate("test", cases, Rules, new EarlyWarningModel(new LogisticFit(0, [0, 0, 0], 0), "flat"));

        // Then: 2017 (near the tipping point, declining, share +3) → −0.15 and below it: declined and tipped
        cases.Count.ShouldBe(2);
        var first = cases.Single(c => c.Signals.ToPeriod == 2017);
        first.Signals.Change!.Value.ShouldBe(-0.05, 1e-12);
        first.Signals.VulnerableShareChange.ShouldBe(3);
        first.NextChange.ShouldBe(-0.15, 1e-12);
        first.Declined.ShouldBeTrue();
        first.Tipped.ShouldBeTrue();
        cases.Single(c => c.Signals.ToPeriod == 2018).Declined.ShouldBeFalse(); // −0.60 → −0.55
        var rules = report.Rules[0];
        (rules.Cases, rules.Flagged, rules.TruePositives, rules.Declines).ShouldBe((2, 2, 1, 1));
        rules.Precision.ShouldBe(0.5);
        rules.Recall.ShouldBe(1);
    }

    [Fact]
    public void Logistic_RecoversKnownCoefficients_AndAucRanksPairs()
    {
        // Given: 4,000 draws from P(y) = σ(−1 + 2x), x uniform on [−2, 2] (seeded)
        var random = new Random(42);
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 4000; i++)
        {
            var value = (random.NextDouble() * 4) - 2;
            x.Add([value]);
            y.Add(random.NextDouble() < 1 / (1 + Math.Exp(-(-1 + (2 * value)))));
        }

        var fit = LogisticRegression.Fit(x, y, penalty: 0);

        fit.Intercept.ShouldBe(-1, 0.15);
        fit.Coefficients[0].ShouldBe(2, 0.2);
        LogisticRegression.AreaUnderCurve([0.1, 0.4, 0.35, 0.8], [false, false, true, true]).ShouldBe(0.75);
        LogisticRegression.AreaUnderCurve([0.5, 0.5], [false, true]).ShouldBe(0.5);
    }
}
