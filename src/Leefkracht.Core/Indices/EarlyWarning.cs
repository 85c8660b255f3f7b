using Leefkracht.Core.Areas;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Indices;

/// <summary>What an early-warning rule found.</summary>
public enum WarningSignal
{
    /// <summary>Just above the tipping point (the zwak/voldoende boundary): in the backtests, the best single predictor of falling below it.</summary>
    NearTippingPoint,

    /// <summary>Just above the tipping point and declining: the RIGO "early warning" situation.</summary>
    NearTippingPointAndDeclining,

    /// <summary>Below the tipping point and still declining.</summary>
    BelowTippingPointAndDeclining,

    /// <summary>A clear decline (change class 3 or worse).</summary>
    Declining,

    /// <summary>The share of vulnerable households rises.</summary>
    RisingVulnerableShare,

    /// <summary>A corporatiebuurt (more than two thirds corporation dwellings) whose livability declines.</summary>
    CorporatiebuurtDeclining,

    /// <summary>Resilience falls.</summary>
    ResilienceFalling,

    /// <summary>The level is zwak or worse (below the tipping point): in the Leefbaarometer backtest, the best single predictor of ending zwak or worse.</summary>
    ZwakOrWorse,
}

/// <summary>An area's situation between two measurements, the input of the early warning.</summary>
/// <param name="Area">The area.</param>
/// <param name="FromPeriod">The earlier measurement.</param>
/// <param name="ToPeriod">The later (current) measurement.</param>
/// <param name="Score">The current level (livability deviation, or another score in the same standard units).</param>
/// <param name="Change">The change since <paramref name="FromPeriod"/>, on one reference.</param>
/// <param name="TippingPoint">The level of the tipping point (the zwak/voldoende class bound).</param>
/// <param name="VulnerableShare">The current share of vulnerable households.</param>
/// <param name="VulnerableShareChange">Its change in percentage points.</param>
/// <param name="IsCorporatiebuurt">Whether more than two thirds of the dwellings are owned by corporations.</param>
/// <param name="ResilienceChange">The change in resilience, on one reference.</param>
public sealed record AreaSignals(
    AreaKey Area,
    int FromPeriod,
    int ToPeriod,
    double? Score,
    double? Change,
    double TippingPoint,
    double? VulnerableShare,
    double? VulnerableShareChange,
    bool IsCorporatiebuurt,
    double? ResilienceChange)
{
    /// <summary>The years between the two measurements.</summary>
    public int Years => Math.Max(ToPeriod - FromPeriod, 1);
}

/// <summary>One rule that fired, with the value that made it fire and the threshold.</summary>
/// <param name="Signal">The rule.</param>
/// <param name="Value">The value (margin above the tipping point, change, points of rise).</param>
/// <param name="Threshold">The threshold it crossed.</param>
public sealed record WarningFinding(WarningSignal Signal, double Value, double Threshold);

/// <summary>The thresholds of the early-warning rules.</summary>
/// <param name="Margin">"Just above the tipping point": within this distance above it.</param>
/// <param name="Declining">A change below this is a decline (the upper bound of change class 4, "licht verslechterd").</param>
/// <param name="StrongDecline">A change below this is a clear decline (the upper bound of change class 3).</param>
/// <param name="VulnerableRise">A rise of at least this many percentage points in the vulnerable share.</param>
/// <param name="ResilienceFall">A resilience change at or below this.</param>
public sealed record WarningRules(double Margin = 0.15, double Declining = -0.04, double StrongDecline = -0.10, double VulnerableRise = 2.0, double ResilienceFall = -0.5)
{
    /// <summary>
    /// The spread the default thresholds are set for: the standard deviation of the default model's deviation over
    /// the buurten of 2024 (0.386). Scores on another scale scale the thresholds with <see cref="ScaledTo"/>.
    /// </summary>
    public const double LivabilitySpread = 0.4;

    /// <summary>The level and change thresholds scaled to a score whose spread is <paramref name="standardDeviation"/>.</summary>
    public WarningRules ScaledTo(double standardDeviation)
    {
        var factor = standardDeviation / LivabilitySpread;
        return this with { Margin = Margin * factor, Declining = Declining * factor, StrongDecline = StrongDecline * factor };
    }

    /// <summary>The rules with the decline thresholds taken from a model's change classes.</summary>
    public static WarningRules For(LivabilityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new WarningRules(Declining: model.ChangeClasses.UpperBounds[3], StrongDecline: model.ChangeClasses.UpperBounds[2]);
    }
}

/// <summary>
/// The early-warning model: a logistic regression of "a clear decline in the next period" on the margin above the
/// tipping point, the change per year and the change of the vulnerable share per year.
/// </summary>
/// <param name="Fit">The coefficients (in the order of <see cref="EarlyWarning.Features"/>).</param>
/// <param name="Basis">Where the coefficients come from.</param>
public sealed record EarlyWarningModel(LogisticFit Fit, string Basis)
{
    /// <summary>
    /// The coefficients fitted on all backtest panels of the sample together (Heerlen livability 2016–2018, the
    /// Haaglanden ELAN wijken 2011–2022, good perceived health 2012–2024; 34,976 cases on the livability scale): see
    /// docs/indices.md#early-warning, where the backtest is reported. A test refits them and fails when they no longer
    /// match the data. The large positive coefficient on the change says that changes revert: an area that just
    /// improved is more likely to decline next than one that just declined.
    /// </summary>
    public static EarlyWarningModel Default { get; } = new(
        new LogisticFit(-2.112, [0.166, 10.739, 0.145], 0),
        "logistic regression fitted on the backtest panels of the sample (leefkracht watchlist backtest)");

    /// <summary>The estimated probability of a clear decline in the next period.</summary>
    public double Risk(AreaSignals signals) => Fit.Probability(EarlyWarning.Features(signals));
}

/// <summary>An area on the watchlist.</summary>
/// <param name="Signals">Its situation.</param>
/// <param name="Findings">The rules that fired (at least one).</param>
/// <param name="Risk">The risk: the probability of falling into zwak or worse within four years (<see cref="FallRiskModel"/>), or of the panels' model, a clear decline in the next period.</param>
/// <param name="Level">The level on the Leefbaarometer afw scale the risk was computed from.</param>
/// <param name="MomentumPerYear">The change per year on that scale (0 when not measured).</param>
public sealed record WatchlistEntry(AreaSignals Signals, IReadOnlyList<WarningFinding> Findings, double Risk, double? Level = null, double? MomentumPerYear = null);

/// <summary>
/// Early warning for neighbourhoods near a tipping point, after RIGO's "omslagpunten" (Leidelmeijer et al. 2011):
/// an area just above a livability threshold that declines, or into which more vulnerable households move, can tip
/// into a self-reinforcing decline. Rules say why an area is on the watchlist; the model ranks it.
/// </summary>
/// <remarks>
/// Rules (<see cref="WarningRules"/>): near the tipping point (0 ≤ score − tipping point &lt; margin) and declining;
/// below it and declining; a clear decline; a vulnerable share rising by at least <see cref="WarningRules.VulnerableRise"/>
/// points; a corporatiebuurt that declines; resilience falling. The tipping point is the zwak/voldoende class bound:
/// the Leefbaarometer reports call "zwak" a possible indication of future problems. See docs/indices.md#early-warning.
/// </remarks>
public static class EarlyWarning
{
    /// <summary>
    /// The model's features: the margin above the tipping point (clipped to ±2), the change per year, and the change
    /// of the vulnerable share per year (0 when unknown). The corporatiebuurt flag is a rule but not a feature: the
    /// panels hold too few corporatiebuurten with a measured change to estimate its effect.
    /// </summary>
    public static double[] Features(AreaSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return
        [
            Math.Clamp((signals.Score ?? signals.TippingPoint) - signals.TippingPoint, -2, 2),
            (signals.Change ?? 0) / signals.Years,
            (signals.VulnerableShareChange ?? 0) / signals.Years,
        ];
    }

    /// <summary>The rules that fire for an area.</summary>
    public static IReadOnlyList<WarningFinding> Evaluate(AreaSignals signals, WarningRules rules)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(rules);
        var findings = new List<WarningFinding>();
        if (signals.Score is { } score && signals.Change is { } change)
        {
            var margin = score - signals.TippingPoint;
            if (margin >= 0 && margin < rules.Margin)
            {
                findings.Add(new WarningFinding(change < rules.Declining ? WarningSignal.NearTippingPointAndDeclining : WarningSignal.NearTippingPoint, margin, rules.Margin));
            }

            if (change < rules.Declining && margin < 0)
            {
                findings.Add(new WarningFinding(WarningSignal.BelowTippingPointAndDeclining, margin, 0));
            }

            if (change < rules.StrongDecline)
            {
                findings.Add(new WarningFinding(WarningSignal.Declining, change, rules.StrongDecline));
            }

            if (signals.IsCorporatiebuurt && change < rules.Declining)
            {
                findings.Add(new WarningFinding(WarningSignal.CorporatiebuurtDeclining, change, rules.Declining));
            }
        }

        if (signals.VulnerableShareChange is { } rise && rise >= rules.VulnerableRise)
        {
            findings.Add(new WarningFinding(WarningSignal.RisingVulnerableShare, rise, rules.VulnerableRise));
        }

        if (signals.ResilienceChange is { } fall && fall <= rules.ResilienceFall)
        {
            findings.Add(new WarningFinding(WarningSignal.ResilienceFalling, fall, rules.ResilienceFall));
        }

        return findings;
    }

    /// <summary>
    /// An area's risk of falling into zwak or worse within four years, from its level and momentum carried onto the
    /// Leefbaarometer scale through the class bounds (<see cref="LeefbaarometerScale"/>), with the rules that fire as
    /// reasons; an area below the tipping point gets <see cref="WarningSignal.ZwakOrWorse"/> unless it is already
    /// named as below and declining.
    /// </summary>
    public static WatchlistEntry Assess(AreaSignals signals, WarningRules rules, FallRiskModel model, ClassScale classes)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(model);
        var findings = Evaluate(signals, rules).ToList();
        if (signals.Score is not { } score)
        {
            return new WatchlistEntry(signals, findings, 0);
        }

        var margin = score - signals.TippingPoint;
        if (margin < 0 && findings.All(f => f.Signal != WarningSignal.BelowTippingPointAndDeclining))
        {
            findings.Insert(0, new WarningFinding(WarningSignal.ZwakOrWorse, margin, 0));
        }

        var level = LeefbaarometerScale.From(classes, score);
        // The model learnt momentum over four to six years; a change over fewer years counts as spread over four
        // (the rest of the window unchanged), so that one noisy year cannot carry an area onto the list.
        var momentum = signals.Change is { } change ? FallRiskModel.ClampMomentum((level - LeefbaarometerScale.From(classes, score - change)) / Math.Max(signals.Years, FallRiskBacktest.Horizon)) : 0;
        return new WatchlistEntry(signals, findings, model.Risk(level, momentum), level, momentum);
    }

    /// <summary>The areas for which at least one rule fires, highest risk first.</summary>
    public static IReadOnlyList<WatchlistEntry> Watchlist(IEnumerable<AreaSignals> signals, WarningRules rules, EarlyWarningModel model)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(model);
        return [.. signals
            .Select(s => new WatchlistEntry(s, Evaluate(s, rules), model.Risk(s)))
            .Where(e => e.Findings.Count > 0)
            .OrderByDescending(e => e.Risk)
            .ThenBy(e => e.Signals.Area.Code)];
    }
}
