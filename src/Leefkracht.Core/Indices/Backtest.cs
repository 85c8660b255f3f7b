using Leefkracht.Core.Areas;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Indices;

/// <summary>One measurement of one area in a panel: a score on one reference over all years.</summary>
/// <param name="Area">The area.</param>
/// <param name="Period">The year.</param>
/// <param name="Score">The score (livability deviation, resilience, or a single indicator in standard units).</param>
/// <param name="VulnerableShare">The share of vulnerable households, where known.</param>
/// <param name="IsCorporatiebuurt">Whether more than two thirds of the dwellings are owned by corporations.</param>
public sealed record PanelPoint(AreaKey Area, int Period, double Score, double? VulnerableShare, bool IsCorporatiebuurt);

/// <summary>
/// A change of one area between two measurements, both scored on one reference and on the same indicators (a
/// livability panel is built from <see cref="LivabilityTrends"/> pairs, so that each change is real).
/// </summary>
/// <param name="Area">The area.</param>
/// <param name="FromPeriod">The first measurement.</param>
/// <param name="ToPeriod">The second measurement.</param>
/// <param name="FromScore">The score at the first.</param>
/// <param name="ToScore">The score at the second.</param>
/// <param name="FromShare">The vulnerable share at the first.</param>
/// <param name="ToShare">The vulnerable share at the second.</param>
/// <param name="IsCorporatiebuurt">Whether it is a corporatiebuurt at the second.</param>
public sealed record PanelTransition(AreaKey Area, int FromPeriod, int ToPeriod, double FromScore, double ToScore, double? FromShare, double? ToShare, bool IsCorporatiebuurt);

/// <summary>A backtest case: what the watchlist saw at one measurement, and what happened next.</summary>
/// <param name="Signals">The situation at the middle of three consecutive measurements.</param>
/// <param name="NextChange">The change from the middle to the last measurement.</param>
/// <param name="Declined">Whether that change was a clear decline.</param>
/// <param name="OutcomePeriod">The year of the last measurement.</param>
/// <param name="Tipped">Whether the area was at or above the tipping point and fell below it.</param>
public sealed record BacktestCase(AreaSignals Signals, double NextChange, bool Declined, int OutcomePeriod, bool Tipped);

/// <summary>How well a yes/no warning predicted the declines.</summary>
/// <param name="Name">The warning.</param>
/// <param name="Cases">Cases judged.</param>
/// <param name="Flagged">Cases it flagged.</param>
/// <param name="TruePositives">Flagged cases that declined.</param>
/// <param name="Declines">Cases that declined.</param>
public sealed record WarningPerformance(string Name, int Cases, int Flagged, int TruePositives, int Declines)
{
    /// <summary>TP / flagged (NaN when nothing was flagged).</summary>
    public double Precision => Flagged == 0 ? double.NaN : (double)TruePositives / Flagged;

    /// <summary>TP / declines (NaN when nothing declined).</summary>
    public double Recall => Declines == 0 ? double.NaN : (double)TruePositives / Declines;
}

/// <summary>The backtest of one panel.</summary>
/// <param name="Panel">Its name.</param>
/// <param name="Cases">All cases.</param>
/// <param name="Rules">The rules (any rule fires), the two baselines and, on the test period, the model at the rules' number of flags.</param>
/// <param name="TestPeriod">The outcome year of the held-out cases (the last), on which the refitted model is judged.</param>
/// <param name="RefittedModel">The model fitted on the earlier cases.</param>
/// <param name="ModelAuc">Area under the ROC curve of the refitted model on the held-out cases.</param>
/// <param name="DefaultModelAuc">The same for the given (default) model.</param>
/// <param name="Tipping">The rules and the level baseline judged on the other outcome: falling below the tipping point.</param>
public sealed record BacktestReport(
    string Panel,
    IReadOnlyList<BacktestCase> Cases,
    IReadOnlyList<WarningPerformance> Rules,
    int TestPeriod,
    LogisticFit? RefittedModel,
    double ModelAuc,
    double DefaultModelAuc,
    IReadOnlyList<WarningPerformance> Tipping)
{
    /// <summary>AUC on all cases of this panel of a model fitted on the other panels (NaN until set).</summary>
    public double TransferAuc { get; init; } = double.NaN;

    /// <summary>The share of cases that declined.</summary>
    public double BaseRate => Cases.Count == 0 ? double.NaN : (double)Cases.Count(c => c.Declined) / Cases.Count;
}

/// <summary>
/// Backtests the early warning on a panel: at every middle year of three consecutive measurements, would the
/// watchlist have named the areas that then clearly declined? Judged as precision (how many flagged areas did
/// decline) and recall (how many declines were flagged), next to two naive baselines — "it declined last time"
/// (persistence) and "it is near or below the tipping point" (level only) — and the model, refitted on the earlier
/// years and judged on the last (a time split, so the test never sees its own future).
/// </summary>
public static class Backtest
{
    /// <summary>The transitions between consecutive measurements of each area (by code) of a point panel.</summary>
    public static IReadOnlyList<PanelTransition> Transitions(IEnumerable<PanelPoint> panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var transitions = new List<PanelTransition>();
        foreach (var series in panel.GroupBy(p => p.Area.Code))
        {
            var points = series.OrderBy(p => p.Period).ToList();
            for (var i = 1; i < points.Count; i++)
            {
                transitions.Add(new PanelTransition(points[i].Area, points[i - 1].Period, points[i].Period, points[i - 1].Score, points[i].Score, points[i - 1].VulnerableShare, points[i].VulnerableShare, points[i].IsCorporatiebuurt));
            }
        }

        return transitions;
    }

    /// <summary>
    /// The cases of a panel: every pair of transitions of an area (by code) that meet (t₀ → t₁, t₁ → t₂). The signals
    /// are those of the first; the outcome is whether the second is a decline below <paramref name="strongDecline"/>.
    /// </summary>
    /// <param name="transitions">The transitions.</param>
    /// <param name="tippingPoint">The level of the tipping point on the panel's scale.</param>
    /// <param name="strongDecline">A next change below this counts as a decline.</param>
    public static IReadOnlyList<BacktestCase> Cases(IEnumerable<PanelTransition> transitions, double tippingPoint, double strongDecline)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var cases = new List<BacktestCase>();
        foreach (var series in transitions.GroupBy(t => t.Area.Code))
        {
            var byStart = series.GroupBy(t => t.FromPeriod).ToDictionary(g => g.Key, g => g.First());
            foreach (var first in series.OrderBy(t => t.FromPeriod))
            {
                if (!byStart.TryGetValue(first.ToPeriod, out var next))
                {
                    continue;
                }

                var signals = new AreaSignals(
                    first.Area,
                    first.FromPeriod,
                    first.ToPeriod,
                    first.ToScore,
                    first.ToScore - first.FromScore,
                    tippingPoint,
                    first.ToShare,
                    first.ToShare - first.FromShare,
                    first.IsCorporatiebuurt,
                    null);
                var change = next.ToScore - next.FromScore;
                cases.Add(new BacktestCase(signals, change, change < strongDecline, next.ToPeriod, next.FromScore >= tippingPoint && next.ToScore < tippingPoint));
            }
        }

        return cases;
    }

    /// <summary>Judges the rules, the baselines and the model on the cases.</summary>
    public static BacktestReport Evaluate(string panel, IReadOnlyList<BacktestCase> cases, WarningRules rules, EarlyWarningModel defaultModel)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(defaultModel);
        var results = new List<WarningPerformance>
        {
            Judge("rules (any fires)", cases, c => EarlyWarning.Evaluate(c.Signals, rules).Count > 0),
            Judge("baseline: declined clearly last time", cases, c => c.Signals.Change < rules.StrongDecline),
            Judge("baseline: near or below the tipping point", cases, c => c.Signals.Score - c.Signals.TippingPoint < rules.Margin),
        };
        var tipping = new List<WarningPerformance>
        {
            Judge("rules (any fires) → falls below the tipping point", cases, c => EarlyWarning.Evaluate(c.Signals, rules).Count > 0, c => c.Tipped),
            Judge("baseline: near the tipping point (above it, within the margin) → falls below", cases, c => c.Signals.Score is { } score && score >= c.Signals.TippingPoint && score - c.Signals.TippingPoint < rules.Margin, c => c.Tipped),
        };
        if (cases.Count == 0)
        {
            return new BacktestReport(panel, cases, results, 0, null, double.NaN, double.NaN, tipping);
        }

        var testPeriod = cases.Max(c => c.OutcomePeriod);
        var train = cases.Where(c => c.OutcomePeriod < testPeriod).ToList();
        var test = cases.Where(c => c.OutcomePeriod == testPeriod).ToList();
        LogisticFit? refitted = null;
        var auc = double.NaN;
        if (train.Count > 10 && train.Any(c => c.Declined) && train.Any(c => !c.Declined))
        {
            refitted = LogisticRegression.Fit([.. train.Select(c => EarlyWarning.Features(c.Signals))], [.. train.Select(c => c.Declined)]);
            var risk = test.Select(c => refitted.Probability(EarlyWarning.Features(c.Signals))).ToList();
            auc = LogisticRegression.AreaUnderCurve(risk, [.. test.Select(c => c.Declined)]);

            // The model flags as many held-out cases as the rules do, highest risk first.
            var k = test.Count(c => EarlyWarning.Evaluate(c.Signals, rules).Count > 0);
            var top = test.Select((c, i) => (Case: c, Risk: risk[i])).OrderByDescending(x => x.Risk).Take(k).Select(x => x.Case).ToHashSet();
            results.Add(Judge($"rules, held-out year {testPeriod}", test, c => EarlyWarning.Evaluate(c.Signals, rules).Count > 0));
            results.Add(Judge($"model (refitted on earlier years), top {k} of held-out year {testPeriod}", test, top.Contains));
        }

        var defaultAuc = LogisticRegression.AreaUnderCurve([.. test.Select(c => defaultModel.Risk(c.Signals))], [.. test.Select(c => c.Declined)]);
        return new BacktestReport(panel, cases, results, testPeriod, refitted, auc, defaultAuc, tipping);
    }

    private static WarningPerformance Judge(string name, IReadOnlyList<BacktestCase> cases, Func<BacktestCase, bool> flag, Func<BacktestCase, bool>? outcome = null)
    {
        outcome ??= c => c.Declined;
        var flagged = cases.Where(flag).ToList();
        return new WarningPerformance(name, cases.Count, flagged.Count, flagged.Count(outcome), cases.Count(outcome));
    }
}
