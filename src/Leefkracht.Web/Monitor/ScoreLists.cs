using Leefkracht.Core.Indices;
using Leefkracht.Data.Catalog;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// The monitor's lists as the API gives them: the scores of a level in a year and the watchlist, each optionally
/// within one gemeente. Shared by the JSON endpoints and the downloads.
/// </summary>
internal sealed class ScoreLists(DashboardMonitor dashboard)
{
    /// <summary>Livability and resilience of every area of <paramref name="level"/> in <paramref name="year"/>.</summary>
    public async Task<ScoreListDto> ScoresAsync(AreaLevel level, int year, AreaCode? gemeente)
    {
        var areas = await dashboard.AreasAsync();
        var scored = await dashboard.ScoresAsync(year);
        var resilience = await dashboard.ResilienceAsync(year);
        var resilienceByArea = resilience.Scores.ToDictionary(s => s.Area);
        var rows = scored.Scores
            .Where(s => s.Area.Code.Level == level && (gemeente is null || s.Area.Code.IsWithin(gemeente.Value)))
            .OrderBy(s => s.Area.Code)
            .Select(s =>
            {
                var score = Dtos.Score(s, scored);
                var r = resilienceByArea.GetValueOrDefault(s.Area);
                return new ScoreRowDto(s.Area.Code.Value, areas.NameOf(s.Area), score.Deviation, score.Class, score.ClassName, score.Percentile,
                    Dtos.Dimensions(s), Dtos.Round(r?.Score), r?.Class, s.NotScoredReason);
            })
            .ToList();
        return new ScoreListDto(year, Dtos.LevelName(level), scored.Reference.LocalDescription(), rows);
    }

    /// <summary>The watchlist of <paramref name="year"/>, optionally of one level and within one gemeente (empty when no earlier year compares).</summary>
    public async Task<WatchlistDto> WatchlistAsync(int year, AreaLevel? level, AreaCode? gemeente)
    {
        var areas = await dashboard.AreasAsync();
        var watchlist = await dashboard.WatchlistAsync(year, gemeente);
        var backtest = await dashboard.Leefbaarometer.BacktestAsync();
        var basis = WatchlistText.Basis(FallRiskModel.Default, backtest);
        if (watchlist is null)
        {
            return new WatchlistDto(null, year, string.Empty, 0, 0, [], WatchlistText.RiskLabel, basis, backtest?.BeatsLowestScore);
        }

        var resilience = await dashboard.ResilienceAsync(year);
        var scored = await dashboard.ScoresAsync(year);
        bool InScope(AreaKey a) => (level is null || a.Code.Level == level) && (gemeente is null || a.Code.IsWithin(gemeente.Value));
        var rows = watchlist.Entries
            .Where(e => InScope(e.Signals.Area))
            .Select(e => new WatchlistRowDto(
                e.Signals.Area.Code.Value,
                areas.NameOf(e.Signals.Area),
                Dtos.LevelName(e.Signals.Area.Code.Level),
                e.Signals.Area.Code.Gemeente is { } g && g != e.Signals.Area.Code ? areas.NameOf(new AreaKey(g, e.Signals.Area.Year)) : null,
                Math.Round(e.Risk, 4),
                Dtos.Round(e.Signals.Score),
                Dtos.Round(e.Signals.Change),
                Dtos.Round(e.Signals.VulnerableShare, 2),
                e.Signals.IsCorporatiebuurt,
                WatchlistText.Reasons(e, CatalogDocument.Default.Catalog, resilience.ScoreOf(e.Signals.Area.Code)?.VulnerableIndicator),
                scored.ScoreOf(e.Signals.Area)?.Class,
                scored.ScoreOf(e.Signals.Area)?.Class is { } c ? scored.Model.Classes.NameOf(c) : null))
            .ToList();
        return new WatchlistDto(watchlist.FromPeriod, watchlist.ToPeriod, watchlist.Reference.LocalDescription(), Math.Round(watchlist.TippingPoint, 4),
            watchlist.Signals.Count(s => InScope(s.Area)), rows, WatchlistText.RiskLabel, basis, backtest?.BeatsLowestScore);
    }
}
