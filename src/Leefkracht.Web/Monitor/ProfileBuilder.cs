using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;
using Leefkracht.Data.Catalog;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Web.Monitor;

/// <summary>Builds an area's profile from the cached year results.</summary>
internal sealed class ProfileBuilder(DashboardMonitor dashboard)
{
    private static IndicatorCatalog Catalog => CatalogDocument.Default.Catalog;

    /// <summary>The profile, or null when the code has no row in the year.</summary>
    public async Task<AreaProfileDto?> BuildAsync(AreaCode code, int year)
    {
        StartupTimings.Mark("profile: start");
        var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
        StartupTimings.Mark("profile: scores");
        var score = scored.ScoreOf(code);
        if (score is null)
        {
            return null;
        }

        var areas = await dashboard.AreasAsync().ConfigureAwait(false);
        StartupTimings.Mark("profile: areas");
        var area = score.Area;
        var table = scored.Prepared.Table;
        var gemeente = code.Level is AreaLevel.Wijk or AreaLevel.Buurt ? code.Gemeente : null;
        var wijk = code.Level == AreaLevel.Buurt ? code.Parent : null;
        var gemeenteRow = gemeente is { } g ? Row(table, g, area.Year) : -1;

        var dimensions = score.Dimensions.Select(d => new DimensionDto(
            DimensionNames.ShortName(d.Dimension),
            DimensionNames.Of(d.Dimension),
            Math.Round(d.Contribution, 4),
            Math.Round(d.Coverage, 3),
            [.. d.Indicators.OrderByDescending(i => Math.Abs(i.Contribution)).Select(i => new IndicatorContributionDto(
                i.IndicatorId,
                Catalog[i.IndicatorId].Name(),
                Dtos.UnitName(Catalog[i.IndicatorId].Unit),
                Math.Round(i.Value, 3),
                Math.Round(i.ReferenceMean, 3),
                ValueAt(table, i.IndicatorId, gemeenteRow),
                Rounded(Aggregation.National(table, Catalog, i.IndicatorId, area.Year)),
                Math.Round(i.StandardScore, 4),
                Math.Round(i.Weight, 4),
                Math.Round(i.Contribution, 4),
                scored.Prepared.Aggregated.Contains((area, i.IndicatorId)),
                i.Estimated,
                IndicatorDefinitions.Of(i.IndicatorId)))])).ToList();

        StartupTimings.Mark("profile: dimensions");
        // The store's Nederland row has the country's figures but is never scored (a country is not in a reference of buurten).
        var country = Dtos.Compared(scored, AreaCode.Nederland, area.Year, areas) is { Deviation: not null } own ? own : National(scored, area.Year);
        var comparison = new ComparisonDto(
            Dtos.Compared(scored, wijk, area.Year, areas),
            Dtos.Compared(scored, gemeente, area.Year, areas),
            country);

        StartupTimings.Mark("profile: comparison");
        var resilienceYear = await dashboard.ResilienceAsync(year).ConfigureAwait(false);
        var resilience = resilienceYear.ScoreOf(code) is { } r ? Resilience(r) : null;
        StartupTimings.Mark("profile: resilience");
        var warning = await WarningAsync(area, year).ConfigureAwait(false);
        StartupTimings.Mark("profile: warning");
        var names = new ExplanationWriter.AreaNames(areas.NameOf(area), wijk is { } w ? areas.NameOf(new AreaKey(w, area.Year)) : null, gemeente is { } gm ? areas.NameOf(new AreaKey(gm, area.Year)) : null);
        var note = ExplanationWriter.Write(scored, area, names, Catalog);
        StartupTimings.Mark("profile: note");
        var (lbmValues, lbmProvenance) = await dashboard.Leefbaarometer.OfAsync(area).ConfigureAwait(false);
        StartupTimings.Mark("profile: leefbaarometer");
        return new AreaProfileDto(
            Dtos.Area(area, areas),
            year,
            scored.Reference.LocalDescription(),
            Dtos.Score(score, scored),
            dimensions,
            comparison,
            resilience,
            Flags(score, resilience, dimensions, warning),
            warning,
            note,
            UiText.Caveat,
            LeefbaarometerDtos.From(lbmValues, lbmProvenance));
    }

    /// <summary>The areas most like this one (same level, nationally) and how they score, or null when the code has no row in the year.</summary>
    public async Task<SimilarAreasDto?> SimilarAsync(AreaCode code, int year, int count = 10)
    {
        var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
        if (scored.ScoreOf(code) is not { } score)
        {
            return null;
        }

        var areas = await dashboard.AreasAsync().ConfigureAwait(false);
        var table = scored.Prepared.Table;
        var variables = SimilarAreas.Variables.Select(v => v.IndicatorId).Where(id => Catalog.TryGet(id, out _)).ToList();
        IReadOnlyDictionary<string, double?> ValuesOf(AreaKey area) =>
            variables.ToDictionary(id => id, id => ValueAt(table, id, table.RowOf(area)), StringComparer.Ordinal);
        var own = ValuesOf(score.Area);
        var similar = SimilarAreas.Find(table, score.Area, count).Select(s => scored.ScoreOf(s.Area) is { } other
            ? new SimilarAreaDto(Dtos.Area(s.Area, areas), Math.Round(s.Distance, 3), Dtos.Round(other.Deviation), other.Class, other.Class is { } c ? scored.Model.Classes.NameOf(c) : null, ValuesOf(s.Area))
            : new SimilarAreaDto(Dtos.Area(s.Area, areas), Math.Round(s.Distance, 3), null, null, null, ValuesOf(s.Area)));
        return new SimilarAreasDto(
            Dtos.Area(score.Area, areas),
            year,
            UiText.Words["Similar.Method"],
            [.. variables.Select(id => new SimilarityVariableDto(id, Catalog[id].Name(), Dtos.UnitName(Catalog[id].Unit), own[id]))],
            [.. similar]);
    }

    private async Task<WarningDto?> WarningAsync(AreaKey area, int year)
    {
        var watchlist = await dashboard.WatchlistAsync(year, area.Code.Level == AreaLevel.Gemeente ? null : area.Code.Gemeente).ConfigureAwait(false);
        var entry = watchlist?.Entries.FirstOrDefault(e => e.Signals.Area.Code == area.Code);
        if (watchlist is null || entry is null)
        {
            return null;
        }

        var resilience = await dashboard.ResilienceAsync(year).ConfigureAwait(false);
        var vulnerable = resilience.ScoreOf(area.Code)?.VulnerableIndicator;
        return new WarningDto(watchlist.FromPeriod, Math.Round(entry.Risk, 4), Dtos.Round(entry.Signals.Change), WatchlistText.Reasons(entry, Catalog, vulnerable));
    }

    private static ResilienceDto Resilience(ResilienceScore r) => new(
        Dtos.Round(r.Score),
        r.Class,
        r.Class is { } c ? ResilienceModel.NameOf(c) : null,
        Dtos.Round(r.Capacity),
        Dtos.Round(r.Pressure),
        r.VulnerableIndicator is { } id ? Catalog[id].Name() : null,
        Dtos.Round(r.VulnerableShare, 2),
        Dtos.Round(r.LocationQuotientGemeente, 3),
        Dtos.Round(r.LocationQuotientCountry, 3),
        Dtos.Round(r.CorporationShare, 2),
        r.IsCorporatiebuurt,
        Dtos.Round(r.Turnover, 2),
        [.. r.Contributions.OrderByDescending(c => Math.Abs(c.Contribution)).Select(c => new ResilienceContributionDto(
            c.IndicatorId, Catalog[c.IndicatorId].Name(), Math.Round(c.Value, 3), Math.Round(c.StandardScore, 4), Math.Round(c.Contribution, 4)))],
        r.NotScoredReason?.ToString());

    private static List<FlagDto> Flags(LivabilityScore score, ResilienceDto? resilience, IReadOnlyList<DimensionDto> dimensions, WarningDto? warning)
    {
        var words = UiText.Words;
        var flags = new List<FlagDto>();
        if (score.NotScoredReason is { } reason)
        {
            flags.Add(new FlagDto("not-scored", words["Flag.NotScored"] + reason));
        }
        else if (score.Coverage < 0.8)
        {
            flags.Add(new FlagDto("low-coverage", words.Format("Flag.LowCoverage", score.Coverage)));
        }

        if (resilience?.IsCorporatiebuurt == true)
        {
            flags.Add(new FlagDto("corporatiebuurt", words.Format("Flag.Corporatiebuurt", resilience.CorporationShare)));
        }

        if (dimensions.SelectMany(d => d.Indicators).Any(i => i.FromBuurten))
        {
            flags.Add(new FlagDto("from-buurten", words["Flag.FromBuurten"]));
        }

        if (warning is not null)
        {
            flags.Add(new FlagDto("watchlist", words.Format("Flag.Watchlist", string.Join("; ", warning.Reasons))));
        }

        return flags;
    }

    /// <summary>
    /// The country's score when the store has no row for it: the population-weighted mean of the gemeenten's deviations
    /// and dimension contributions (every gemeente is scored on the same reference as the area, so this is the score of
    /// the average inhabitant), classed on the same scale; no score when the scored gemeenten hold less than 80 % of the
    /// inhabitants. docs/web.md#the-nederland-row.
    /// </summary>
    private static ComparedScoreDto National(ScoredYear scored, int division)
    {
        var table = scored.Prepared.Table;
        var population = table.HasIndicator("population") ? table.Column("population").ToArray() : [];
        double total = 0, weight = 0, sum = 0;
        var dimensions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var score in scored.Scores.Where(s => s.Area.Code.Level == AreaLevel.Gemeente && s.Area.Year == division))
        {
            var row = table.RowOf(score.Area);
            var inhabitants = row >= 0 && row < population.Length && population[row] > 0 ? population[row] : 0;
            total += inhabitants;
            if (score.Deviation is not { } deviation || inhabitants == 0)
            {
                continue;
            }

            weight += inhabitants;
            sum += inhabitants * deviation;
            foreach (var (id, contribution) in Dtos.Dimensions(score))
            {
                dimensions[id] = dimensions.GetValueOrDefault(id) + (inhabitants * contribution);
            }
        }

        var name = UiText.Words["Profile.Netherlands"];
        if (weight == 0 || weight < 0.8 * total)
        {
            return new ComparedScoreDto(AreaCode.Nederland.Value, name, null, null, null, new Dictionary<string, double>());
        }

        var mean = sum / weight;
        var @class = scored.Model.Classes.ClassOf(mean);
        return new ComparedScoreDto(
            AreaCode.Nederland.Value, name, Math.Round(mean, 4), @class, scored.Model.Classes.NameOf(@class),
            dimensions.ToDictionary(d => d.Key, d => Math.Round(d.Value / weight, 4), StringComparer.Ordinal));
    }

    private static double? Rounded(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);

    private static int Row(IndicatorTable table, AreaCode code, int division)
    {
        var row = table.RowOf(new AreaKey(code, division));
        return row >= 0 ? row : table.Areas.Select((a, i) => (a, i)).Where(x => x.a.Code == code).Select(x => x.i).DefaultIfEmpty(-1).Max();
    }

    private static double? ValueAt(IndicatorTable table, string id, int row) =>
        row >= 0 && table.HasIndicator(id) && table.Column(id)[row] is var v && !double.IsNaN(v) ? Math.Round(v, 3) : null;
}
