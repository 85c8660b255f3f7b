using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Core.Statistics;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Models;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Monitor.Validation;

/// <summary>
/// Validates our livability scores against the Leefbaarometer (<c>leefkracht validate</c>, docs/validation.md) and
/// refits the calibrated model (<c>leefkracht model fit --target lbm</c>), both from the store: our indicators of
/// one year, the Leefbaarometer per postcode (PC4) and carried to wijken and gemeenten.
/// </summary>
/// <remarks>
/// The calibrated model is fitted on the postcode areas (as the shipped model was) and validated by
/// leave-whole-gemeenten-out cross-validation: every gemeente is in one of <see cref="LbmCalibration.OuterFolds"/>
/// folds (<see cref="GemeenteFolds"/> over the gemeenten of every level), and each fold's postcode areas, wijken and
/// gemeente are scored by a model fitted on the postcode areas of the other folds. One fold assignment serves both the
/// fitting and the scoring, so no area is ever scored by a model that saw its gemeente. Models and indicators are
/// compared on the areas with at least <see cref="LbmCalibration.MinimumInhabitants"/> inhabitants; the calibrated and
/// the hand-set model on the areas with every yardstick indicator (no imputation), each indicator on the areas that
/// have it.
/// </remarks>
public sealed class ValidationService(IMonitorStore store, MonitorService monitor)
{
    /// <summary>The single indicators reported as yardsticks of their own.</summary>
    public static IReadOnlyList<string> SingleIndicators { get; } = ["woz_mean", "income_per_inhabitant", "dwellings_owner_occupied_pct"];

    /// <summary>Wijken with fewer inhabitants are not listed among the largest disagreements.</summary>
    public const double DisagreementMinimumInhabitants = 1000;

    /// <summary>Validates <paramref name="model"/> (a yardstick model) on the indicators of <paramref name="period"/> against the Leefbaarometer of <paramref name="targetYear"/>.</summary>
    public async Task<ValidationReport> ValidateAsync(int period, int? targetYear, LivabilityModel model, int disagreements = 15, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var data = await LoadAsync(period, targetYear, model, cancellationToken).ConfigureAwait(false);
        var yardstick = model.Yardstick!;
        var signs = LbmCalibration.SignsOf(yardstick);
        var units = data.Units;
        var folds = GemeenteFolds.Assign(units.Where(u => u.Level != null && !double.IsNaN(u.Target)).Select(u => u.Gemeente), LbmCalibration.OuterFolds);
        int FoldOf(Unit u) => folds.TryGetValue(u.Gemeente, out var f) ? f : -1;

        var postcodes = units.Where(u => u.Level == ValidationLevel.Postcode).ToList();
        var foldFits = Enumerable.Range(0, LbmCalibration.OuterFolds)
            .Select(i => LbmCalibration.Fit(Rows(postcodes.Where(u => FoldOf(u) != i), u => u.Target), signs))
            .ToList();
        var refit = LbmCalibration.Fit(Rows(postcodes, u => u.Target), signs);
        var outOfSample = units.ToDictionary(u => u, u => u.Complete && FoldOf(u) >= 0 ? foldFits[FoldOf(u)].Predict(u.Scores) : double.NaN);
        var inSample = units.ToDictionary(u => u, u => u.Complete ? Shipped(yardstick, u.Scores) : double.NaN);

        var rows = new List<AgreementRow>
        {
            Row(AgreementSubject.Model, model.Id, AgreementSample.OutOfSample, units, u => u.Complete, u => outOfSample[u]),
            Row(AgreementSubject.Model, model.Id, AgreementSample.InSample, units, u => u.Complete, u => inSample[u]),
        };
        if (data.EarlierTargetYear is not null)
        {
            var earlierFits = Enumerable.Range(0, LbmCalibration.OuterFolds)
                .Select(i => LbmCalibration.Fit(Rows(postcodes.Where(u => FoldOf(u) != i && !double.IsNaN(u.EarlierTarget)), u => u.EarlierTarget), signs))
                .ToList();
            rows.Add(Row(AgreementSubject.Model, model.Id, AgreementSample.OutOfTime, units, u => u.Complete, u => FoldOf(u) >= 0 ? earlierFits[FoldOf(u)].Predict(u.Scores) : double.NaN));
        }

        foreach (var other in ModelDocument.Shipped.Where(m => m.Id != model.Id))
        {
            var scores = await OtherModelAsync(other, data, cancellationToken).ConfigureAwait(false);
            rows.Add(Row(AgreementSubject.Model, other.Id, other.Yardstick is null ? AgreementSample.NotFitted : AgreementSample.InSample, units, u => u.Complete, u => scores.GetValueOrDefault(u, double.NaN)));
        }

        foreach (var id in SingleIndicators)
        {
            rows.Add(Row(AgreementSubject.Indicator, id, AgreementSample.NotFitted, units, _ => true, u => u.Extra.GetValueOrDefault(id, double.NaN)));
        }

        var wijken = units.Where(u => u.Level == ValidationLevel.Wijk && u.Complete && !double.IsNaN(u.Target)).ToList();
        var subsets = new List<SubsetAgreement>
        {
            new("purity", AgreementOf(wijken.Where(u => u.Purity >= 0.5), u => outOfSample[u], u => u.Target)),
            new("large", AgreementOf(wijken.Where(u => u.Inhabitants >= 5000), u => outOfSample[u], u => u.Target)),
        };
        IReadOnlyDictionary<ValidationLevel, Agreement> OutOfSampleOn(int[] columns)
        {
            // The same cross-validation on a subset of the columns: what those indicators carry on their own.
            var subset = columns.Select(c => signs[c]).ToArray();
            double[] Project(IReadOnlyList<double> z) => [.. columns.Select(c => z[c])];
            var fits = Enumerable.Range(0, LbmCalibration.OuterFolds)
                .Select(i => LbmCalibration.Fit([.. Rows(postcodes.Where(u => FoldOf(u) != i), u => u.Target).Select(r => r with { Scores = Project(r.Scores) })], subset))
                .ToList();
            return Row(AgreementSubject.Model, model.Id, AgreementSample.OutOfSample, units, u => u.Complete, u => FoldOf(u) >= 0 ? fits[FoldOf(u)].Predict(Project(u.Scores)) : double.NaN).ByLevel;
        }

        var groups = yardstick.Indicators.Select(i => i.Dimension).Distinct()
            .Select(dimension => new GroupAgreement(
                dimension,
                OutOfSampleOn([.. Enumerable.Range(0, signs.Count).Where(k => yardstick.Indicators[k].Dimension == dimension)]),
                OutOfSampleOn([.. Enumerable.Range(0, signs.Count).Where(k => yardstick.Indicators[k].Dimension != dimension)])))
            .ToList();
        var confusion = ConfusionTable.Of(wijken.Select(u => (LeefbaarometerClasses.ClassOf(outOfSample[u]), LeefbaarometerClasses.ClassOf(u.Target))), 9);
        var known = Known(units, outOfSample, data.Names);
        var disagreementRows = wijken
            .Where(u => u.Inhabitants >= DisagreementMinimumInhabitants)
            .OrderByDescending(u => Math.Abs(u.Target - outOfSample[u]))
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .Take(disagreements)
            .Select(u => Explain(u, outOfSample[u], foldFits[FoldOf(u)], yardstick, data.Names))
            .ToList();
        return new ValidationReport(
            period,
            data.TargetYear,
            data.EarlierTargetYear,
            model.Id,
            rows,
            subsets,
            groups,
            confusion,
            known,
            disagreementRows,
            refit,
            [.. foldFits.Select(f => f.LambdaFactor)]);
    }

    /// <summary>Refits <paramref name="template"/>'s weights against the Leefbaarometer on all postcode areas and returns the model.</summary>
    public async Task<(LivabilityModel Model, CalibratedFit Fit)> FitAsync(int period, int? targetYear, LivabilityModel template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var data = await LoadAsync(period, targetYear, template, cancellationToken).ConfigureAwait(false);
        var fit = LbmCalibration.Fit(Rows(data.Units.Where(u => u.Level == ValidationLevel.Postcode), u => u.Target), LbmCalibration.SignsOf(template.Yardstick!));
        return (LbmCalibration.ToModel(template, fit, period, data.TargetYear, "pc4"), fit);
    }

    private static double Shipped(Yardstick yardstick, double[] z)
    {
        var value = yardstick.Intercept;
        for (var k = 0; k < z.Length; k++)
        {
            value += yardstick.Indicators[k].Coefficient * z[k];
        }

        return value;
    }

    private static List<CalibrationRow> Rows(IEnumerable<Unit> units, Func<Unit, double> target) =>
        [.. units.Where(u => u.Complete && !double.IsNaN(target(u))).Select(u => new CalibrationRow(u.Code, u.Gemeente, u.Inhabitants, target(u), u.Scores))];

    private static AgreementRow Row(AgreementSubject subject, string id, AgreementSample sample, IReadOnlyList<Unit> units, Func<Unit, bool> include, Func<Unit, double> score)
    {
        var byLevel = new Dictionary<ValidationLevel, Agreement>();
        foreach (var level in Enum.GetValues<ValidationLevel>())
        {
            var agreement = AgreementOf(units.Where(u => u.Level == level && include(u)), score, u => u.Target);
            if (agreement.Areas >= 3)
            {
                byLevel[level] = agreement;
            }
        }

        return new AgreementRow(subject, id, sample, byLevel);
    }

    private static Agreement AgreementOf(IEnumerable<Unit> units, Func<Unit, double> score, Func<Unit, double> target)
    {
        var pairs = units.Select(u => (X: score(u), Y: target(u))).Where(p => !double.IsNaN(p.X) && !double.IsNaN(p.Y)).ToList();
        double[] x = [.. pairs.Select(p => p.X)], y = [.. pairs.Select(p => p.Y)];
        return new Agreement(Correlation.Spearman(x, y), Correlation.Pearson(x, y), pairs.Count);
    }

    private async Task<Dictionary<Unit, double>> OtherModelAsync(LivabilityModel other, Data data, CancellationToken cancellationToken)
    {
        var scored = await monitor.ScoreAsync(data.Period, other, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        var byArea = scored.Scores.Where(s => s.IsScored).ToDictionary(s => s.Area.Code, s => s.Deviation!.Value);
        var result = new Dictionary<Unit, double>();
        foreach (var unit in data.Units)
        {
            if (unit.Area is { } code)
            {
                result[unit] = byArea.GetValueOrDefault(code, double.NaN);
            }
            else
            {
                // A postcode area: the inhabitant-weighted mean of its buurten's scores (at least 80 % of its inhabitants scored).
                double sum = 0, held = 0, total = 0;
                foreach (var (buurt, inhabitants) in data.BuurtenOf.GetValueOrDefault(unit.Code) ?? [])
                {
                    total += inhabitants;
                    if (byArea.TryGetValue(buurt, out var deviation))
                    {
                        sum += inhabitants * deviation;
                        held += inhabitants;
                    }
                }

                result[unit] = total > 0 && held >= 0.8 * total ? sum / held : double.NaN;
            }
        }

        return result;
    }

    private static List<KnownAreaVerdict> Known(IReadOnlyList<Unit> units, Dictionary<Unit, double> ours, IReadOnlyDictionary<AreaCode, string?> names)
    {
        var result = new List<KnownAreaVerdict>();
        foreach (var (area, group) in KnownAreas.All)
        {
            if (units.FirstOrDefault(u => u.Area == area) is not { } unit || double.IsNaN(unit.Target) || double.IsNaN(ours[unit]))
            {
                continue;
            }

            var peers = units.Where(u => u.Area is { } a && a.Level == area.Level && u.Gemeente == unit.Gemeente && !double.IsNaN(u.Target) && !double.IsNaN(ours[u])).ToList();
            var groups = peers.Select(_ => string.Empty).ToList();
            var lbmRanks = GroupRanks.Within(groups, [.. peers.Select(u => u.Target)]);
            var ourRanks = GroupRanks.Within(groups, [.. peers.Select(u => ours[u])]);
            var index = peers.IndexOf(unit);
            result.Add(new KnownAreaVerdict(area, names.GetValueOrDefault(area), group, unit.Inhabitants, unit.Target, ours[unit], lbmRanks[index], ourRanks[index], peers.Count));
        }

        return result;
    }

    private static Disagreement Explain(Unit unit, double ours, CalibratedFit fit, Yardstick yardstick, IReadOnlyDictionary<AreaCode, string?> names)
    {
        // Our error is LBM − ours; the indicator that explains it pushes our score the other way the furthest.
        var direction = Math.Sign(unit.Target - ours);
        var (indicator, contribution) = yardstick.Indicators
            .Select((i, k) => (i.IndicatorId, Value: fit.Fit.Coefficients[k] * unit.Scores[k]))
            .MaxBy(c => -direction * c.Value);
        var dimensions = unit.Dimensions?.Values.Select((v, k) => (Name: LeefbaarometerDimensions.ShortNames[k], Value: v)).MaxBy(d => direction * d.Value);
        return new Disagreement(unit.Area!.Value, names.GetValueOrDefault(unit.Area!.Value), unit.Inhabitants, unit.Target, ours, unit.Purity, indicator, contribution, dimensions?.Name, dimensions?.Value ?? double.NaN);
    }

    private async Task<Data> LoadAsync(int period, int? targetYear, LivabilityModel model, CancellationToken cancellationToken)
    {
        var yardstick = model.Yardstick ?? throw new ArgumentException(InputWords.Words.Format("Validation.NoYardstick", model.Id), nameof(model));
        var postcodeScores = await store.LoadLeefbaarometerAsync(LeefbaarometerUnit.Postcode, null, cancellationToken).ConfigureAwait(false);
        var edition = postcodeScores.MaxBy(s => s.ImportId)?.Edition;
        var latest = postcodeScores.Where(s => s.Edition == edition).ToList();
        var years = latest.Select(s => s.Score.Year).Distinct().Order().ToList();
        if (years.Count == 0)
        {
            throw new ArgumentException(InputWords.Words["Validation.NoLeefbaarometer"]);
        }

        var target = targetYear ?? years[^1];
        if (!years.Contains(target))
        {
            throw new ArgumentException(InputWords.Words.Format("Validation.NoMeasurement", target, string.Join(", ", years)));
        }

        int? earlier = years.LastOrDefault(y => y < target) is var e and > 0 ? e : null;
        var prepared = await monitor.PrepareAsync(period, cancellationToken).ConfigureAwait(false);
        var table = prepared.Table;
        if (!table.Areas.Any(a => a.Code.Level == AreaLevel.Buurt))
        {
            throw new ArgumentException(InputWords.Words.Format("Validation.NoBuurten", period));
        }

        var division = table.Areas.Max(a => a.Year);
        var ids = yardstick.Indicators.Select(i => i.IndicatorId).ToList();
        var extras = SingleIndicators.ToList();
        var limit = model.Rules.ZScoreLimit;
        var units = new List<Unit>();

        // Postcode areas: our indicators aggregated from buurten, the Leefbaarometer as published.
        var pc4 = latest.GroupBy(s => s.Score.Code, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Target: g.FirstOrDefault(s => s.Score.Year == target)?.Score, Earlier: earlier is { } y ? g.FirstOrDefault(s => s.Score.Year == y)?.Score : null),
            StringComparer.Ordinal);
        foreach (var area in PostcodeAreas.FromBuurten(table, [.. ids.Concat(extras)], monitor.Catalog.Derived))
        {
            var lbm = pc4.GetValueOrDefault(area.Postcode);
            units.Add(UnitOf(ValidationLevel.Postcode, area.Postcode, null, area.Gemeente.ToString(), area.Inhabitants, [.. ids.Select(id => area.Values[id])], extras.ToDictionary(id => id, id => area.Values[id], StringComparer.Ordinal), lbm.Target?.Deviation, lbm.Earlier?.Deviation, lbm.Target?.Dimensions, 1));
        }

        // Wijken and gemeenten: the Leefbaarometer carried by addresses; buurten (for the well-known ones): their most common postcode's.
        var carried = new Dictionary<AreaLevel, LeefbaarometerLevel>();
        var official = new LeefbaarometerService(store, monitor);
        foreach (var level in new[] { AreaLevel.Wijk, AreaLevel.Gemeente })
        {
            carried[level] = await official.LevelAsync(level, division, cancellationToken).ConfigureAwait(false);
        }

        var population = table.Column(ReferenceDistribution.PopulationIndicator);
        var postcode = table.HasIndicator(PostcodeAreas.PostcodeIndicator) ? table.Column(PostcodeAreas.PostcodeIndicator).ToArray() : null;
        var buurtenOf = new Dictionary<string, List<(AreaCode, double)>>(StringComparer.Ordinal);
        for (var row = 0; row < table.Areas.Length; row++)
        {
            var key = table.Areas[row];
            if (key.Year != division)
            {
                continue;
            }

            var values = ids.Select(id => table.Value(key, id)).ToArray();
            var extra = extras.ToDictionary(id => id, id => table.Value(key, id), StringComparer.Ordinal);
            var code = key.Code;
            switch (code.Level)
            {
                case AreaLevel.Wijk or AreaLevel.Gemeente:
                    var value = carried[code.Level].Of(code, target);
                    var before = earlier is { } y ? carried[code.Level].Of(code, y) : null;
                    units.Add(UnitOf(code.Level == AreaLevel.Wijk ? ValidationLevel.Wijk : ValidationLevel.Gemeente, code.ToString(), code, code.Gemeente!.Value.ToString(), population[row], values, extra, value?.Deviation, before?.Deviation, value?.Dimensions, value?.Purity ?? double.NaN));
                    break;
                case AreaLevel.Buurt when postcode is not null && postcode[row] is >= 1000 and <= 9999:
                    var pc = ((int)postcode[row]).ToString("0000", CultureInfo.InvariantCulture);
                    var inhabitants = double.IsNaN(population[row]) ? 0 : population[row];
                    if (!buurtenOf.TryGetValue(pc, out var list))
                    {
                        buurtenOf[pc] = list = [];
                    }

                    list.Add((code, inhabitants));
                    var lbm = pc4.GetValueOrDefault(pc);
                    units.Add(UnitOf(null, code.ToString(), code, code.Gemeente!.Value.ToString(), population[row], values, extra, lbm.Target?.Deviation, null, lbm.Target?.Dimensions, double.NaN));
                    break;
            }
        }

        var names = (await store.LoadAreasAsync(new AreaQuery(Year: division), cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Code, a => a.Name);
        return new Data(period, target, earlier, [.. units.Where(u => u.Inhabitants >= LbmCalibration.MinimumInhabitants)], buurtenOf, names);

        Unit UnitOf(ValidationLevel? level, string code, AreaCode? area, string gemeente, double inhabitants, double[] values, Dictionary<string, double> extra, double? afw, double? earlierAfw, LeefbaarometerDimensions? dimensions, double purity)
        {
            var z = LbmCalibration.StandardScores(yardstick, values, period, limit);
            return new Unit(level, code, area, gemeente, double.IsNaN(inhabitants) ? 0 : inhabitants, z, z.All(v => !double.IsNaN(v)), extra, afw ?? double.NaN, earlierAfw ?? double.NaN, dimensions, purity);
        }
    }

    /// <summary>An area compared: a postcode area, wijk or gemeente (<see cref="Level"/>), or a buurt (no level: ranked, not correlated).</summary>
    private sealed record Unit(
        ValidationLevel? Level,
        string Code,
        AreaCode? Area,
        string Gemeente,
        double Inhabitants,
        double[] Scores,
        bool Complete,
        IReadOnlyDictionary<string, double> Extra,
        double Target,
        double EarlierTarget,
        LeefbaarometerDimensions? Dimensions,
        double Purity);

    private sealed record Data(int Period, int TargetYear, int? EarlierTargetYear, IReadOnlyList<Unit> Units, IReadOnlyDictionary<string, List<(AreaCode Buurt, double Inhabitants)>> BuurtenOf, IReadOnlyDictionary<AreaCode, string?> Names);
}
