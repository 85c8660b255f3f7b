using Leefkracht.Core.Statistics;
using Leefkracht.Data.Storage;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>The watchlist of one year.</summary>
/// <param name="FromPeriod">The earlier year the changes are measured from (null when no earlier year has data: no momentum).</param>
/// <param name="ToPeriod">The year of the watchlist.</param>
/// <param name="Reference">The reference of the scores and changes.</param>
/// <param name="TippingPoint">The tipping point on the reference's scale (the zwak/voldoende bound).</param>
/// <param name="Rules">The thresholds of the reasons.</param>
/// <param name="Model">The model of the risk column.</param>
/// <param name="Signals">The situation of every area considered.</param>
/// <param name="Entries">The areas on the watchlist, highest risk first.</param>
public sealed record Watchlist(
    int? FromPeriod,
    int ToPeriod,
    StandardisationReference Reference,
    double TippingPoint,
    WarningRules Rules,
    FallRiskModel Model,
    IReadOnlyList<AreaSignals> Signals,
    IReadOnlyList<WatchlistEntry> Entries);

/// <summary>The backtest of every panel, and the model fitted on all of them.</summary>
/// <param name="Panels">Per panel.</param>
/// <param name="PooledModel">The logistic model fitted on the cases of all panels (on the livability scale).</param>
/// <param name="PooledCases">How many cases that is.</param>
public sealed record BacktestResult(IReadOnlyList<BacktestReport> Panels, LogisticFit? PooledModel, int PooledCases);

/// <summary>
/// Builds the early-warning watchlist from the store (livability trend, vulnerable share and resilience between two
/// years, on one reference) and backtests the early warning on the multi-year panels the data allow.
/// </summary>
public sealed class EarlyWarningService(MonitorService monitor)
{
    /// <summary>The gemeenten of the ELAN wijk profiles: Den Haag, Rijswijk, Wassenaar, Leidschendam-Voorburg.</summary>
    private static readonly HashSet<AreaCode> HaaglandenElan = [AreaCode.Parse("GM0518"), AreaCode.Parse("GM0603"), AreaCode.Parse("GM0629"), AreaCode.Parse("GM1916")];

    /// <summary>The share of the population below the tipping point in the default calibration (classes 1–4).</summary>
    public const double TippingPointShare = 0.12;

    /// <summary>
    /// Areas with fewer inhabitants are never on the watchlist: business parks and port areas with a few houses, whose
    /// shares and rates rest on a handful of households (on the sample, Alblasserdam's "Wijk 05 Bedrijventerrein", 160
    /// inhabitants, would otherwise be among the national top 20 wijken).
    /// </summary>
    public const double MinimumInhabitants = 250;

    /// <summary>
    /// An area whose score estimates more of the model's weight than is usual in its year — its measured share lies more
    /// than this below the year's median — is not listed: its level rests on the estimate (on the sample, the care
    /// institutions, barracks and detention centres whose residents' health the RIVM does not publish would otherwise
    /// head the national list of 2024, where the median area is fully measured).
    /// </summary>
    public const double MeasuredShareMargin = 0.05;

    /// <summary>
    /// The watchlist of <paramref name="year"/>: every area with at least <see cref="MinimumInhabitants"/> inhabitants
    /// and a score measured as fully as usual in the year (<see cref="MeasuredShareMargin"/>) whose risk (<see cref="FallRiskModel"/>: the chance of falling into zwak or worse within four years, from its
    /// level and momentum on the Leefbaarometer scale) is at least <see cref="FallRiskModel.ListThreshold"/>, highest
    /// risk first, with the rules that fire as reasons. See docs/watchlist.md.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="fromYear">The year changes are measured from; by default the earlier year that can be compared with the most areas in scope.</param>
    /// <param name="within">Only areas of this gemeente.</param>
    /// <param name="level">Only areas of this level (all levels when null).</param>
    /// <param name="model">The livability model.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>
    /// Comparing the year with up to six earlier ones takes seconds, so the watchlist is stored
    /// (<see cref="MonitorService.RememberStoredAsync{T}(string, string, IReadOnlyCollection{string}, Func{Task{T}}, CancellationToken)"/>):
    /// computed once, then read by every process on the store. It is kept under the version of what it is computed
    /// from (<see cref="ScopesOf"/>), so an import of a later year, of boundaries, names or the Leefbaarometer keeps it.
    /// </remarks>
    public Task<Watchlist> WatchlistAsync(int year, int? fromYear, AreaCode? within, AreaLevel? level, LivabilityModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var key = string.Create(CultureInfo.InvariantCulture, $"{year}:{fromYear}:{within?.Value ?? "NL"}:{level}:{model.Id}:{model.Version}:{StoredResults.Fingerprint(model)}");
        return monitor.RememberStoredAsync(WatchlistKind, key, ScopesOf(year, fromYear), () => ComputeWatchlistAsync(year, fromYear, within, level, model, cancellationToken), cancellationToken);
    }

    /// <summary>The kind of the stored watchlists in the store's results.</summary>
    public const string WatchlistKind = "watchlist";

    /// <summary>How many years before the watchlist's year are candidates for the year its changes are measured from.</summary>
    public const int EarlierYears = 6;

    /// <summary>
    /// What a watchlist of <paramref name="year"/> is computed from: the values of the year and of every year its
    /// changes may be measured from (the given one, or each of the <see cref="EarlierYears"/> candidates, which also
    /// serve as the trend's base-year reference), and the crosswalks that carry the earlier year onto the year's areas.
    /// A candidate year without values yet has version 0 until an import brings it, which then renews the watchlist.
    /// </summary>
    public static IReadOnlyList<string> ScopesOf(int year, int? fromYear) =>
        [DataScopes.Crosswalks, DataScopes.Values(year), .. (fromYear is { } from ? [from] : Enumerable.Range(year - EarlierYears, EarlierYears)).Select(DataScopes.Values)];

    /// <summary>
    /// Computes and stores the watchlists the dashboard shows for <paramref name="year"/> — the national one and one
    /// per gemeente of the year (a profile shows its gemeente's) — unless they are stored for the current data.
    /// Called after an import (<see cref="DefaultResults.StoreAsync"/>), so the first profile does not wait for them.
    /// </summary>
    /// <returns>How many watchlists were asked for.</returns>
    public async Task<int> StoreDashboardWatchlistsAsync(int year, LivabilityModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scored = await monitor.ScoreAsync(year, model, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        var gemeenten = scored.Prepared.Table.Areas.Where(a => a.Code.Level == AreaLevel.Gemeente).Select(a => a.Code).Distinct().Order().ToList();
        await WatchlistAsync(year, null, null, null, model, cancellationToken).ConfigureAwait(false);
        foreach (var gemeente in gemeenten)
        {
            await WatchlistAsync(year, null, gemeente, null, model, cancellationToken).ConfigureAwait(false);
        }

        return gemeenten.Count + 1;
    }

    private async Task<Watchlist> ComputeWatchlistAsync(int year, int? fromYear, AreaCode? within, AreaLevel? level, LivabilityModel model, CancellationToken cancellationToken)
    {
        bool InScope(AreaKey area) => (within is null || area.Code.IsWithin(within.Value)) && (level is null || area.Code.Level == level) && area.Code.Level != AreaLevel.Land;
        var from = fromYear ?? await PreviousYearAsync(year, model, InScope, cancellationToken).ConfigureAwait(false);
        var choice = ReferenceChoice.National;
        var scored = await monitor.ScoreAsync(year, model, choice, cancellationToken).ConfigureAwait(false);
        if (within is { } gemeente && model.FixedReference is null && LivabilityIndex.ReferenceCoverage(model, scored.Reference).Share < model.Rules.MinimumReferenceCoverage)
        {
            // Nationally too little data: the gemeente's own buurten are the reference (a fixed yardstick needs none).
            choice = ReferenceChoice.OfGemeente(gemeente.Gemeente!.Value);
            scored = await monitor.ScoreAsync(year, model, choice, cancellationToken).ConfigureAwait(false);
        }

        var trends = from is { } f ? await monitor.TrendAsync(f, year, model, choice, cancellationToken).ConfigureAwait(false) : null;
        var tippingPoint = choice is GemeenteReference { Gemeente: var gm }
            ? TippingPointOf(LivabilityIndex.Compute(scored.Prepared.Table, model, scored.Reference, a => a.Code.Level == AreaLevel.Buurt && a.Code.Gemeente == gm), scored.Prepared.Table)
            : model.Classes.UpperBounds[3];
        var resilience = trends is null ? new Dictionary<AreaKey, (ResilienceScore? From, ResilienceScore? To, ResilienceScore? Current)>() : await ResilienceChangesAsync(trends, cancellationToken).ConfigureAwait(false);
        var population = scored.Prepared.Table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        var rules = WarningRules.For(model);
        var risk = FallRiskModel.Default;
        var coverages = scored.Scores.Where(s => s.Deviation is not null).Select(s => s.Coverage).Order().ToList();
        var minimumMeasured = coverages.Count == 0 ? 0 : coverages[coverages.Count / 2] - MeasuredShareMargin;
        var signals = new List<AreaSignals>();
        var entries = new List<WatchlistEntry>();
        var latestTrends = LatestTrendsOf(trends);
        foreach (var score in scored.Scores.Where(s => InScope(s.Area) && s.Deviation is not null))
        {
            var trend = latestTrends.GetValueOrDefault(score.Area.Code) is { Area: var a } t && a == score.Area && t.IsCompared ? t : null;
            resilience.TryGetValue(score.Area, out var r);
            var signal = new AreaSignals(
                score.Area,
                from ?? year,
                year,
                score.Deviation,
                trend?.Change,
                tippingPoint,
                r.To?.VulnerableShare,
                r.To?.VulnerableIndicator is { } id && r.From?.VulnerableIndicator == id ? r.To.VulnerableShare - r.From.VulnerableShare : null,
                r.Current?.IsCorporatiebuurt ?? false,
                r.To?.Score - r.From?.Score);
            signals.Add(signal);
            var row = scored.Prepared.Table.RowOf(score.Area);
            if (row < 0 || !(population[row] >= MinimumInhabitants) || (score.Uncertainty is not null && score.Coverage < minimumMeasured))
            {
                continue;
            }

            var entry = EarlyWarning.Assess(signal, rules, risk, model.Classes);
            if (entry.Risk >= risk.ListThreshold)
            {
                entries.Add(entry);
            }
        }

        return new Watchlist(from, year, scored.Reference, tippingPoint, rules, risk, signals, [.. entries.OrderByDescending(e => e.Risk).ThenBy(e => e.Signals.Area.Code)]);
    }

    /// <summary>
    /// Backtests the early warning on every panel the store allows (see docs/indices.md#early-warning), and fits the
    /// model on all panels together; each panel also reports how the model fitted on the other panels ranks its cases.
    /// </summary>
    public async Task<BacktestResult> BacktestAsync(LivabilityModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var panels = new List<(string Name, IReadOnlyList<BacktestCase> Cases)>();
        if (await LivabilityPanelAsync(AreaCode.Parse("GM0917"), [2016, 2017, 2018, 2019, 2020], model, cancellationToken).ConfigureAwait(false) is { } heerlen)
        {
            panels.Add(("Heerlen livability 2016–2020 (buurten and wijken; reference: Heerlen's buurten in 2016)", heerlen));
        }

        if (await ResiliencePanelAsync([.. Enumerable.Range(2011, 12)], cancellationToken).ConfigureAwait(false) is { } haaglanden)
        {
            panels.Add(("Haaglanden resilience 2011–2022 (ELAN wijken of Den Haag, Leidschendam-Voorburg, Rijswijk, Wassenaar; each year against its own reference)", haaglanden));
        }

        if (await HealthPanelAsync(cancellationToken).ConfigureAwait(false) is { } health)
        {
            panels.Add(("Good perceived health 2012–2024 (all buurten of the 2024 division; each year against its own national distribution)", health));
        }

        var rules = WarningRules.For(model);
        var reports = new List<BacktestReport>();
        foreach (var (name, cases) in panels)
        {
            var others = panels.Where(p => p.Name != name).SelectMany(p => p.Cases).ToList();
            var transfer = Fit(others) is { } fit
                ? LogisticRegression.AreaUnderCurve([.. cases.Select(c => fit.Probability(EarlyWarning.Features(c.Signals)))], [.. cases.Select(c => c.Declined)])
                : double.NaN;
            reports.Add(Backtest.Evaluate(name, cases, rules, EarlyWarningModel.Default) with { TransferAuc = transfer });
        }

        var all = panels.SelectMany(p => p.Cases).ToList();
        return new BacktestResult(reports, Fit(all), all.Count);
    }

    private static LogisticFit? Fit(List<BacktestCase> cases) =>
        cases.Count > 10 && cases.Any(c => c.Declined) && cases.Any(c => !c.Declined)
            ? LogisticRegression.Fit([.. cases.Select(c => EarlyWarning.Features(c.Signals))], [.. cases.Select(c => c.Declined)])
            : null;

    /// <summary>
    /// The cases of a panel on the livability scale: levels and changes multiplied by 0.4 / the panel's spread, so that
    /// one set of thresholds and one model serve every panel (<see cref="WarningRules.LivabilitySpread"/>).
    /// </summary>
    private static IReadOnlyList<BacktestCase> OnLivabilityScale(IEnumerable<PanelTransition> transitions, double tippingPoint, double spread, WarningRules rules)
    {
        var factor = WarningRules.LivabilitySpread / spread;
        var scaled = transitions.Select(t => t with { FromScore = t.FromScore * factor, ToScore = t.ToScore * factor });
        return Backtest.Cases(scaled, tippingPoint * factor, rules.StrongDecline);
    }

    /// <summary>
    /// The livability panel of a gemeente: consecutive year pairs scored on one base-year reference (the gemeente's
    /// buurten in the first year) and on the indicators each area has in both years of a pair.
    /// </summary>
    public async Task<IReadOnlyList<BacktestCase>?> LivabilityPanelAsync(AreaCode gemeente, IReadOnlyList<int> years, LivabilityModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(model);
        var available = await monitor.ScorableYearsAsync(cancellationToken).ConfigureAwait(false);
        if (!years.All(available.Contains))
        {
            return null;
        }

        var choice = ReferenceChoice.OfBaseYear(years[0], gemeente);
        var transitions = new List<PanelTransition>();
        double tippingPoint = 0, spread = 0;
        for (var i = 0; i + 1 < years.Count; i++)
        {
            var trends = await monitor.TrendAsync(years[i], years[i + 1], model, choice, cancellationToken).ConfigureAwait(false);
            if (i == 0)
            {
                var baseScores = LivabilityIndex.Compute(trends.From, model, trends.Reference, a => a.Code.Level == AreaLevel.Buurt && a.Code.Gemeente == gemeente);
                tippingPoint = TippingPointOf(baseScores, trends.From);
                spread = SpreadOf(baseScores, trends.From);
            }

            var resilience = await ResilienceChangesAsync(trends, cancellationToken).ConfigureAwait(false);
            foreach (var trend in trends.Trends.Where(t => t.IsCompared && t.Area.Code.Gemeente == gemeente && t.Area.Code.Level is AreaLevel.Buurt or AreaLevel.Wijk))
            {
                resilience.TryGetValue(trend.Area, out var r);
                var sameShare = r.To?.VulnerableIndicator is { } id && r.From?.VulnerableIndicator == id;
                transitions.Add(new PanelTransition(trend.Area, years[i], years[i + 1], trend.From.Deviation!.Value, trend.To.Deviation!.Value, sameShare ? r.From!.VulnerableShare : null, sameShare ? r.To!.VulnerableShare : null, r.Current?.IsCorporatiebuurt ?? false));
            }
        }

        return OnLivabilityScale(transitions, tippingPoint, spread, WarningRules.For(model));
    }

    /// <summary>
    /// The resilience panel of the ELAN wijken: each year's resilience against that year's own reference (all wijken
    /// with data), so a score is a wijk's position in the region that year — regional shocks (the 2013 recession,
    /// changed definitions) do not count as a wijk's decline.
    /// </summary>
    private async Task<IReadOnlyList<BacktestCase>?> ResiliencePanelAsync(IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var available = await monitor.ScorableYearsAsync(cancellationToken).ConfigureAwait(false);
        if (!years.All(available.Contains))
        {
            return null;
        }

        var points = new List<PanelPoint>();
        double tippingPoint = double.NaN;
        foreach (var year in years)
        {
            // The reference is the ELAN wijken themselves: in years with KWB buurten elsewhere, a national reference
            // would be those buurten, which have none of ELAN's indicators.
            var prepared = await monitor.PrepareAsync(year, cancellationToken).ConfigureAwait(false);
            bool IsPanelWijk(AreaKey a) => a.Code.Level == AreaLevel.Wijk && a.Code.Gemeente is { } g && HaaglandenElan.Contains(g);
            var reference = ReferenceDistribution.Compute(prepared.Table, IsPanelWijk, ResilienceModel.Default.IndicatorIds, new ScoringRules(), string.Create(CultureInfo.InvariantCulture, $"the ELAN wijken of Haaglanden in {year}"));
            var population = prepared.Table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
            var wijken = ResilienceIndex.Compute(prepared.Table, ResilienceModel.Default, reference).Where(s => s.Score is not null && IsPanelWijk(s.Area) && population[prepared.Table.RowOf(s.Area)] > 0).ToList();
            if (year == years[0])
            {
                if (wijken.Count < 20)
                {
                    return null;
                }

                tippingPoint = WeightedQuantile.Compute([.. wijken.Select(s => s.Score!.Value)], [.. wijken.Select(s => population[prepared.Table.RowOf(s.Area)])], [TippingPointShare])[0];
            }

            points.AddRange(wijken.Select(s => new PanelPoint(s.Area, year, s.Score!.Value, s.VulnerableIndicator == "persons_low_income_pct" ? s.VulnerableShare : null, s.IsCorporatiebuurt)));
        }

        // Resilience is a difference of two means of standard scores; its spread over the wijken is the scale of the thresholds.
        var spread = WeightedMoments.Of([.. points.Where(p => p.Period == years[0]).Select(p => p.Score)], [.. points.Where(p => p.Period == years[0]).Select(_ => 1.0)]).StandardDeviation;
        return OnLivabilityScale(Backtest.Transitions(points), tippingPoint, spread, new WarningRules());
    }

    /// <summary>
    /// Good perceived health, published for the buurten of the 2024 division in 2012, 2016, 2020, 2022 and 2024: each
    /// year standardised against its own population-weighted mean and spread (2024 inhabitants), because the survey
    /// editions shift nationally (methods, the pandemic) and a national shift is not a buurt's decline.
    /// </summary>
    private async Task<IReadOnlyList<BacktestCase>?> HealthPanelAsync(CancellationToken cancellationToken)
    {
        const string Health = "good_health_pct";
        var years = new[] { 2012, 2016, 2020, 2022, 2024 };
        var current = await monitor.PrepareAsync(2024, cancellationToken).ConfigureAwait(false);
        var population = current.Table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        var points = new List<PanelPoint>();
        foreach (var year in years)
        {
            var table = (await monitor.PrepareAsync(year, cancellationToken).ConfigureAwait(false)).Table;
            var column = table.Column(Health);
            var values = new List<(AreaKey Area, double Value, double Weight)>();
            for (var row = 0; row < table.Areas.Length; row++)
            {
                if (table.Areas[row] is { Year: 2024, Code.Level: AreaLevel.Buurt } area && !double.IsNaN(column[row]) && current.Table.RowOf(area) is var r and >= 0 && population[r] > 0)
                {
                    values.Add((area, column[row], population[r]));
                }
            }

            if (values.Count < 100)
            {
                return null;
            }

            var (mean, sd) = WeightedMoments.Of([.. values.Select(v => v.Value)], [.. values.Select(v => v.Weight)]);
            points.AddRange(values.Select(v => new PanelPoint(v.Area, year, (v.Value - mean) / sd, null, false)));
        }

        var first = points.Where(p => p.Period == years[0]).ToList();
        var tippingPoint = WeightedQuantile.Compute([.. first.Select(p => p.Score)], [.. first.Select(p => population[current.Table.RowOf(p.Area)])], [TippingPointShare])[0];
        return OnLivabilityScale(Backtest.Transitions(points), tippingPoint, 1, new WarningRules());
    }

    /// <summary>The earlier scorable year (up to six back) whose trend compares the most areas in scope; ties go to the latest.</summary>
    private async Task<int?> PreviousYearAsync(int year, LivabilityModel model, Func<AreaKey, bool> inScope, CancellationToken cancellationToken)
    {
        var candidates = (await monitor.ScorableYearsAsync(cancellationToken).ConfigureAwait(false)).Where(y => y < year && y >= year - EarlierYears).OrderDescending().ToList();
        int? best = null;
        var most = 0;
        foreach (var candidate in candidates)
        {
            var trends = await monitor.TrendAsync(candidate, year, model, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
            var compared = trends.Trends.Count(t => t.IsCompared && inScope(t.Area));
            if (compared > most)
            {
                (best, most) = (candidate, compared);
            }
        }

        return best ?? candidates.FirstOrDefault();
    }

    /// <summary>Resilience in both years of a trend, on the trend's base year and on common indicators, plus the current year's own.</summary>
    /// <summary>
    /// The trend of each code in the latest division the year holds it in (<see cref="TrendYears.TrendOf"/>), looked up
    /// once: a national watchlist would otherwise search all trends once per area.
    /// </summary>
    private static Dictionary<AreaCode, LivabilityTrend> LatestTrendsOf(TrendYears? trends)
    {
        var latest = new Dictionary<AreaCode, LivabilityTrend>();
        foreach (var trend in trends?.Trends ?? [])
        {
            if (!latest.TryGetValue(trend.Area.Code, out var seen) || trend.Area.Year > seen.Area.Year)
            {
                latest[trend.Area.Code] = trend;
            }
        }

        return latest;
    }

    /// <summary>
    /// Resilience in the trend's two years and now, per area; remembered, since every gemeente's watchlist of a year
    /// needs the same national comparison.
    /// </summary>
    private Task<Dictionary<AreaKey, (ResilienceScore? From, ResilienceScore? To, ResilienceScore? Current)>> ResilienceChangesAsync(TrendYears trends, CancellationToken cancellationToken) =>
        monitor.RememberAsync(
            (nameof(ResilienceChangesAsync), trends.FromPeriod, trends.ToPeriod, trends.Model, trends.ReferenceChoice),
            () => ComputeResilienceChangesAsync(trends, cancellationToken));

    private async Task<Dictionary<AreaKey, (ResilienceScore? From, ResilienceScore? To, ResilienceScore? Current)>> ComputeResilienceChangesAsync(TrendYears trends, CancellationToken cancellationToken)
    {
        var reference = await monitor.ReferenceAsync(await monitor.PrepareAsync(trends.FromPeriod, cancellationToken).ConfigureAwait(false), [.. ResilienceModel.Default.IndicatorIds], new ScoringRules(), trends.ReferenceChoice, cancellationToken).ConfigureAwait(false);
        var current = ResilienceIndex.Compute(trends.To.Table, ResilienceModel.Default, reference).ToDictionary(s => s.Area);
        return ResilienceTrends.Compare(trends.From, trends.To.Table, ResilienceModel.Default, reference)
            .ToDictionary(p => p.To.Area, p => ((ResilienceScore?)p.From, (ResilienceScore?)p.To, current.GetValueOrDefault(p.To.Area)));
    }

    private static double TippingPointOf(IReadOnlyList<LivabilityScore> scores, Leefkracht.Core.Indicators.IndicatorTable table)
    {
        var population = table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        var scored = scores.Where(s => s.IsScored).ToList();
        return scored.Count == 0 ? double.NaN : WeightedQuantile.Compute([.. scored.Select(s => s.Deviation!.Value)], [.. scored.Select(s => population[table.RowOf(s.Area)])], [TippingPointShare])[0];
    }

    private static double SpreadOf(IReadOnlyList<LivabilityScore> scores, Leefkracht.Core.Indicators.IndicatorTable table)
    {
        var population = table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        var scored = scores.Where(s => s.IsScored).ToList();
        return WeightedSpread([.. scored.Select(s => s.Deviation!.Value)], [.. scored.Select(s => population[table.RowOf(s.Area)])]);
    }

    private static double WeightedSpread(IReadOnlyList<double> values, IReadOnlyList<double> weights) => WeightedMoments.Of(values, weights).StandardDeviation;
}
