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
        var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
        var score = scored.ScoreOf(code);
        if (score is null)
        {
            return null;
        }

        var areas = await dashboard.AreasAsync().ConfigureAwait(false);
        var area = score.Area;
        var table = scored.Prepared.Table;
        var gemeente = code.Level is AreaLevel.Wijk or AreaLevel.Buurt ? code.Gemeente : null;
        var wijk = code.Level == AreaLevel.Buurt ? code.Parent : null;
        var gemeenteRow = gemeente is { } g ? Row(table, g, area.Year) : -1;
        var countryRow = Row(table, AreaCode.Nederland, area.Year);

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
                ValueAt(table, i.IndicatorId, countryRow),
                Math.Round(i.StandardScore, 4),
                Math.Round(i.Weight, 4),
                Math.Round(i.Contribution, 4),
                scored.Prepared.Aggregated.Contains((area, i.IndicatorId)),
                i.Estimated))])).ToList();

        var country = Dtos.Compared(scored, AreaCode.Nederland, area.Year, areas)
            ?? new ComparedScoreDto(AreaCode.Nederland.Value, UiText.Words["Profile.Netherlands"], 0, null, null, new Dictionary<string, double>());
        var comparison = new ComparisonDto(
            Dtos.Compared(scored, wijk, area.Year, areas),
            Dtos.Compared(scored, gemeente, area.Year, areas),
            country);

        var resilienceYear = await dashboard.ResilienceAsync(year).ConfigureAwait(false);
        var resilience = resilienceYear.ScoreOf(code) is { } r ? Resilience(r) : null;
        var warning = await WarningAsync(area, year).ConfigureAwait(false);
        var names = new ExplanationWriter.AreaNames(areas.NameOf(area), wijk is { } w ? areas.NameOf(new AreaKey(w, area.Year)) : null, gemeente is { } gm ? areas.NameOf(new AreaKey(gm, area.Year)) : null);
        var note = ExplanationWriter.Write(scored, area, names, Catalog);
        var (lbmValues, lbmProvenance) = await dashboard.Leefbaarometer.OfAsync(area).ConfigureAwait(false);
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

    private static int Row(IndicatorTable table, AreaCode code, int division)
    {
        var row = table.RowOf(new AreaKey(code, division));
        return row >= 0 ? row : table.Areas.Select((a, i) => (a, i)).Where(x => x.a.Code == code).Select(x => x.i).DefaultIfEmpty(-1).Max();
    }

    private static double? ValueAt(IndicatorTable table, string id, int row) =>
        row >= 0 && table.HasIndicator(id) && table.Column(id)[row] is var v && !double.IsNaN(v) ? Math.Round(v, 3) : null;
}
