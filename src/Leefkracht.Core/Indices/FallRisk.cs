using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Indices;

/// <summary>
/// The risk column of the watchlist: the estimated probability that an area's livability falls in the next four
/// years <em>and</em> ends <em>zwak</em> or worse on the Leefbaarometer scale, from its level and its momentum, a
/// logistic regression fitted on the Leefbaarometer 3.0 PC4 series (<see cref="FallRiskBacktest"/>).
/// </summary>
/// <param name="Intercept">b₀.</param>
/// <param name="Level">The coefficient of the level (afw on the Leefbaarometer scale).</param>
/// <param name="Momentum">The coefficient of the momentum (change of afw per year over the last ≥ 4 years).</param>
/// <param name="BaseRate">The share of areas that fell in the training data.</param>
/// <param name="Basis">Where the coefficients come from.</param>
public sealed record FallRiskModel(double Intercept, double Level, double Momentum, double BaseRate, string Basis)
{
    /// <summary>
    /// The coefficients <c>leefkracht watchlist backtest</c> fits on the Leefbaarometer 3.0 PC4 series of the sample
    /// (signals at 2008, outcomes 2012; PC4 areas with at least <see cref="FallRiskBacktest.MinimumAddresses"/>
    /// addresses). A test refits them and fails when they no longer match the data. The negative coefficients say:
    /// the lower the level and the steeper the recent fall, the likelier the area ends <em>zwak</em> or worse.
    /// </summary>
    public static FallRiskModel Default { get; } = new(
        -5.6128, -9.7500, 21.5111, 0.0087,
        "logistic regression on the Leefbaarometer 3.0 PC4 series, signals 2008 → outcomes 2012 (leefkracht watchlist backtest)");

    /// <summary>An area is on the watchlist when its risk is at least this multiple of the base rate.</summary>
    public const double ListMultiple = 2;

    /// <summary>
    /// The momentum the model was fitted on lies within ±this (afw per year); beyond it the logistic curve is an
    /// extrapolation, so a momentum is clipped to it.
    /// </summary>
    public const double MomentumLimit = 0.03;

    /// <summary>A momentum clipped to ±<see cref="MomentumLimit"/>.</summary>
    public static double ClampMomentum(double momentumPerYear) => Math.Clamp(momentumPerYear, -MomentumLimit, MomentumLimit);

    /// <summary>The lowest risk that puts an area on the watchlist.</summary>
    public double ListThreshold => ListMultiple * BaseRate;

    /// <summary>The estimated probability of a fall into <em>zwak</em> or worse within four years.</summary>
    /// <param name="level">The level on the Leefbaarometer afw scale.</param>
    /// <param name="momentumPerYear">The change of the level per year over the last ≥ 4 years (0 when unknown).</param>
    public double Risk(double level, double momentumPerYear) => 1 / (1 + Math.Exp(-(Intercept + (Level * level) + (Momentum * momentumPerYear))));
}

/// <summary>Maps a model's deviation onto the Leefbaarometer afw scale, through the class bounds of both.</summary>
public static class LeefbaarometerScale
{
    /// <summary>
    /// The value on the Leefbaarometer afw scale: linear between corresponding class bounds (the identity for a model
    /// calibrated on the Leefbaarometer, whose classes are the Leefbaarometer's), extended beyond the outer bounds
    /// with the outer steps.
    /// </summary>
    public static double From(ClassScale classes, double deviation)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var from = classes.UpperBounds;
        var to = LeefbaarometerClasses.UpperBounds;
        var last = from.Count - 1;
        var k = 0;
        while (k < last - 1 && deviation > from[k + 1])
        {
            k++;
        }

        var slope = (to[k + 1] - to[k]) / (from[k + 1] - from[k]);
        return to[k] + ((deviation - from[k]) * slope);
    }
}

/// <summary>One area's Leefbaarometer series as the backtest sees it.</summary>
/// <param name="Code">The area (a PC4 postcode or an area code).</param>
/// <param name="Deviations">afw per measured year.</param>
public sealed record LeefbaarometerSeries(string Code, IReadOnlyDictionary<int, double> Deviations);

/// <summary>A backtest case: what was known at the signal year, and what happened in the next four years.</summary>
/// <param name="Code">The area.</param>
/// <param name="SignalYear">T.</param>
/// <param name="Level">afw at T.</param>
/// <param name="MomentumPerYear">(afw at T − afw at the measurement ≥ 4 years before) per year.</param>
/// <param name="Change">afw at T + 4 − afw at T.</param>
/// <param name="Fell">The change is below <see cref="FallRiskBacktest.Drop"/> and afw at T + 4 is <em>zwak</em> or worse.</param>
/// <param name="Declined">The change is at most <see cref="FallRiskBacktest.Decline"/> (any clear decline).</param>
public sealed record FallCase(string Code, int SignalYear, double Level, double MomentumPerYear, double Change, bool Fell, bool Declined);

/// <summary>How well one ranking found the events of one test.</summary>
/// <param name="Ranking">The ranking's key: <c>model</c>, <c>lowest-score</c> or <c>largest-decline</c>.</param>
/// <param name="Outcome">The outcome's key: <c>fall</c> or <c>decline</c>.</param>
/// <param name="SignalYear">T.</param>
/// <param name="Cases">Areas tested.</param>
/// <param name="Events">Areas with the outcome.</param>
/// <param name="Auc">Area under the ROC curve.</param>
/// <param name="AtK">Precision and recall of the top k, per k in <see cref="FallRiskBacktest.Ks"/>.</param>
public sealed record RankingQuality(string Ranking, string Outcome, int SignalYear, int Cases, int Events, double Auc, IReadOnlyList<PrecisionAtK> AtK)
{
    /// <summary>The share of cases with the outcome.</summary>
    public double BaseRate => Cases == 0 ? double.NaN : (double)Events / Cases;

    /// <summary>Precision and recall at <paramref name="k"/>.</summary>
    public PrecisionAtK At(int k) => AtK.First(a => a.K == k);
}

/// <summary>Precision and recall of the k highest-ranked areas.</summary>
/// <param name="K">k.</param>
/// <param name="Hits">Events among them.</param>
/// <param name="Precision">Hits / k.</param>
/// <param name="Recall">Hits / events.</param>
public sealed record PrecisionAtK(int K, int Hits, double Precision, double Recall);

/// <summary>The backtest of the watchlist's risk on the Leefbaarometer series.</summary>
/// <param name="Model">The model fitted on the training signal year.</param>
/// <param name="TrainingCases">Cases it was fitted on.</param>
/// <param name="Rankings">Every ranking, outcome and test signal year.</param>
public sealed record FallBacktest(FallRiskModel Model, int TrainingCases, IReadOnlyList<RankingQuality> Rankings)
{
    /// <summary>The rankings of one outcome and test year.</summary>
    public RankingQuality Of(string ranking, string outcome, int signalYear) =>
        Rankings.First(r => r.Ranking == ranking && r.Outcome == outcome && r.SignalYear == signalYear);

    /// <summary>
    /// Whether the model beats the naive rule (lowest current score) at finding falls into <em>zwak</em>: a higher
    /// precision at 20 and at 50 in every test year.
    /// </summary>
    public bool BeatsLowestScore => FallRiskBacktest.TestYears.All(t =>
        FallRiskBacktest.Ks.Take(2).All(k => Of("model", "fall", t).At(k).Precision > Of("lowest-score", "fall", t).At(k).Precision));
}

/// <summary>
/// Backtests the watchlist's risk on real Leefbaarometer outcomes (docs/watchlist.md): at a signal year T only the
/// level at T and the momentum since the measurement ≥ 4 years before are known; the outcome is the change to T + 4.
/// The model is fitted on T = 2008 (→ 2012) and tested on T = 2012 (→ 2016) and T = 2014 (→ 2018) against the base
/// rate and two naive rules: the lowest current score, and the largest recent decline.
/// </summary>
public static class FallRiskBacktest
{
    /// <summary>A change of afw at most this is a clear decline.</summary>
    public const double Decline = -0.03;

    /// <summary>A fall into <em>zwak</em>: a change below this and an end below the zwak upper bound.</summary>
    public const double Drop = -0.02;

    /// <summary>PC4 areas with fewer addresses are left out (few residents: business parks, rural fringes).</summary>
    public const int MinimumAddresses = 50;

    /// <summary>The years between a signal and its outcome.</summary>
    public const int Horizon = 4;

    /// <summary>The training signal year.</summary>
    public const int TrainingYear = 2008;

    /// <summary>The k of precision@k.</summary>
    public static IReadOnlyList<int> Ks { get; } = [20, 50, 100];

    /// <summary>The test signal years.</summary>
    public static IReadOnlyList<int> TestYears { get; } = [2012, 2014];

    /// <summary>The upper bound of class 4 (<em>zwak</em>) on afw.</summary>
    public static double ZwakBound => LeefbaarometerClasses.UpperBounds[3];

    /// <summary>The cases at signal year <paramref name="signalYear"/>: areas measured at T, T + 4 and ≥ 4 years before T.</summary>
    public static IReadOnlyList<FallCase> Cases(IEnumerable<LeefbaarometerSeries> series, int signalYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var cases = new List<FallCase>();
        foreach (var s in series.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            var earlier = s.Deviations.Keys.Where(y => y <= signalYear - Horizon).DefaultIfEmpty().Max();
            if (earlier == 0 || !s.Deviations.TryGetValue(signalYear, out var level) || !s.Deviations.TryGetValue(signalYear + Horizon, out var next))
            {
                continue;
            }

            var change = next - level;
            cases.Add(new FallCase(s.Code, signalYear, level, (level - s.Deviations[earlier]) / (signalYear - earlier), change, change < Drop && next < ZwakBound, change <= Decline));
        }

        return cases;
    }

    /// <summary>Fits the risk model: a logistic regression on standardised level and momentum with a small ridge (10⁻³ · n).</summary>
    public static FallRiskModel Fit(IReadOnlyList<FallCase> cases, string basis)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var levels = WeightedMoments.Of([.. cases.Select(c => c.Level)], [.. cases.Select(_ => 1.0)]);
        var momenta = WeightedMoments.Of([.. cases.Select(c => c.MomentumPerYear)], [.. cases.Select(_ => 1.0)]);
        var x = cases.Select(c => new[] { (c.Level - levels.Mean) / levels.StandardDeviation, (c.MomentumPerYear - momenta.Mean) / momenta.StandardDeviation }).ToList();
        var fit = LogisticRegression.Fit(x, [.. cases.Select(c => c.Fell)], penalty: 1e-3 * cases.Count);
        var level = fit.Coefficients[0] / levels.StandardDeviation;
        var momentum = fit.Coefficients[1] / momenta.StandardDeviation;
        var intercept = fit.Intercept - (level * levels.Mean) - (momentum * momenta.Mean);
        return new FallRiskModel(intercept, level, momentum, (double)cases.Count(c => c.Fell) / cases.Count, basis);
    }

    /// <summary>Runs the backtest on the series.</summary>
    public static FallBacktest Run(IReadOnlyList<LeefbaarometerSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var training = Cases(series, TrainingYear);
        var model = Fit(training, FallRiskModel.Default.Basis);
        var rankings = new List<RankingQuality>();
        foreach (var year in TestYears)
        {
            var cases = Cases(series, year);
            var scores = new (string Name, double[] Score)[]
            {
                ("model", [.. cases.Select(c => model.Risk(c.Level, c.MomentumPerYear))]),
                ("lowest-score", [.. cases.Select(c => -c.Level)]),
                ("largest-decline", [.. cases.Select(c => -c.MomentumPerYear)]),
            };
            foreach (var (outcome, events) in new (string, bool[])[] { ("fall", [.. cases.Select(c => c.Fell)]), ("decline", [.. cases.Select(c => c.Declined)]) })
            {
                rankings.AddRange(scores.Select(s => Quality(s.Name, outcome, year, s.Score, events)));
            }
        }

        return new FallBacktest(model, training.Count, rankings);
    }

    /// <summary>Precision and recall at every k and the AUC of a ranking (ties broken by the cases' order, i.e. by code).</summary>
    public static RankingQuality Quality(string ranking, string outcome, int signalYear, IReadOnlyList<double> scores, IReadOnlyList<bool> events)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(events);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        var total = events.Count(e => e);
        var atK = Ks.Select(k =>
        {
            var hits = order.Take(k).Count(i => events[i]);
            return new PrecisionAtK(k, hits, (double)hits / k, total == 0 ? 0 : (double)hits / total);
        }).ToList();
        var auc = total == 0 || total == events.Count ? double.NaN : LogisticRegression.AreaUnderCurve(scores, events);
        return new RankingQuality(ranking, outcome, signalYear, scores.Count, total, auc, atK);
    }
}
