using Leefkracht.Data.Catalog;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// Builds an area's history: its score in every year on one reference (the national buurten of a base year, so that
/// the years are on one scale), and its stored indicator values per year. Shared by the API and the printed report.
/// </summary>
internal sealed class HistoryBuilder(DashboardMonitor dashboard)
{
    /// <summary>The history of <paramref name="code"/> scored on <paramref name="baseYear"/>'s reference, or null when the area is unknown.</summary>
    public async Task<AreaHistoryDto?> BuildAsync(AreaCode code, int baseYear)
    {
        var areas = await dashboard.AreasAsync();
        if (areas.Latest(code) is null)
        {
            return null;
        }

        var years = await dashboard.YearsAsync();
        var points = new List<HistoryPointDto>();
        foreach (var year in years.Scorable.Order())
        {
            var scores = await dashboard.HistoryScoresAsync(year, baseYear);
            if (scores.Where(s => s.Area.Code == code).MaxBy(s => s.Area.Year) is { } score)
            {
                points.Add(new HistoryPointDto(year, Dtos.Round(score.Deviation), score.Class, Math.Round(score.Coverage, 3), Dtos.Dimensions(score), score.NotScoredReason));
            }
        }

        var catalog = CatalogDocument.Default.Catalog;
        var observations = await dashboard.Store.LoadObservationsAsync(code);
        var series = observations
            .Where(o => catalog.TryGet(o.IndicatorId, out _))
            .GroupBy(o => o.IndicatorId)
            .Select(g => new IndicatorSeriesDto(g.Key, catalog[g.Key].Name(), Dtos.UnitName(catalog[g.Key].Unit),
                [.. g.GroupBy(o => o.Period).Select(p => p.MaxBy(o => o.Area.Year)!).OrderBy(o => o.Period).Select(o => new YearValueDto(o.Period, Math.Round(o.Value, 4)))]))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var reference = await dashboard.HistoryReferenceAsync(baseYear);
        return new AreaHistoryDto(code.Value, areas.NameOf(code), reference.LocalDescription(), points, series);
    }
}
