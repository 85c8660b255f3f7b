using Leefkracht.Core.Areas;
using Leefkracht.Core.Indices;
using Leefkracht.Data.Catalog;
using Leefkracht.Monitor.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Leefkracht.Web.Hosting;

namespace Leefkracht.Web.Monitor;

/// <summary>Scores of a level in a year.</summary>
/// <param name="Level">gemeente, wijk or buurt (default buurt).</param>
/// <param name="Year">Year (default: the latest year with inhabitants).</param>
/// <param name="Gemeente">Only this gemeente's areas (code or name).</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record ScoresRequest([FromQuery] string? Level, [FromQuery] string? Year, [FromQuery] string? Gemeente, [FromQuery] string? Lang);

/// <summary>Changes between two years.</summary>
/// <param name="From">The first year.</param>
/// <param name="To">The second year (default: the latest year with inhabitants).</param>
/// <param name="Level">gemeente, wijk or buurt (default buurt).</param>
/// <param name="Gemeente">Only this gemeente's areas.</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record TrendsRequest([FromQuery] string? From, [FromQuery] string? To, [FromQuery] string? Level, [FromQuery] string? Gemeente, [FromQuery] string? Lang);

/// <summary>The watchlist of a year.</summary>
/// <param name="Year">Year (default: the latest year with inhabitants).</param>
/// <param name="Level">Only this level.</param>
/// <param name="Gemeente">Only this gemeente's areas.</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record WatchlistRequest([FromQuery] string? Year, [FromQuery] string? Level, [FromQuery] string? Gemeente, [FromQuery] string? Lang);

/// <summary>Scores, trends and the watchlist.</summary>
public static class ScoresApi
{
    public static RouteGroupBuilder MapScoresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Monitor");
        api.MapGet("/scores", GetScores).WithName("GetScores").WithSummary("Livability and resilience of every area of a level in a year, optionally within one gemeente");
        api.MapGet("/trends", GetTrends).WithName("GetTrends").WithSummary("Livability change between two years on one reference, with change classes");
        api.MapGet("/watchlist", GetWatchlist).WithName("GetWatchlist").WithSummary("Early warning: areas near the tipping point that decline or whose vulnerable share rises, with the reasons");
        return api;
    }

    internal static async Task<Results<Ok<ScoreListDto>, ValidationProblem>> GetScores([AsParameters] ScoresRequest request, MonitorCache cache)
    {
        var errors = new RequestErrors();
        var areas = await cache.AreasAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var year = errors.Year(request.Year, await cache.YearsAsync());
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        var language = errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await ScoreListAsync(cache, level, year, gemeente, language));
    }

    internal static async Task<ScoreListDto> ScoreListAsync(MonitorCache cache, AreaLevel level, int year, AreaCode? gemeente, string language)
    {
        var areas = await cache.AreasAsync();
        var scored = await cache.ScoresAsync(year);
        var resilience = await cache.ResilienceAsync(year);
        var resilienceByArea = resilience.Scores.ToDictionary(s => s.Area);
        var rows = scored.Scores
            .Where(s => s.Area.Code.Level == level && (gemeente is null || s.Area.Code.IsWithin(gemeente.Value)))
            .OrderBy(s => s.Area.Code)
            .Select(s =>
            {
                var score = Dtos.Score(s, scored, language);
                var r = resilienceByArea.GetValueOrDefault(s.Area);
                return new ScoreRowDto(s.Area.Code.Value, areas.NameOf(s.Area), score.Deviation, score.Class, score.ClassName, score.Percentile,
                    Dtos.Dimensions(s), Dtos.Round(r?.Score), r?.Class, s.NotScoredReason);
            })
            .ToList();
        return new ScoreListDto(year, Dtos.LevelName(level), scored.Reference.DescriptionIn(language), rows);
    }

    internal static async Task<Results<Ok<TrendListDto>, ValidationProblem>> GetTrends([AsParameters] TrendsRequest request, MonitorCache cache)
    {
        var errors = new RequestErrors();
        var areas = await cache.AreasAsync();
        var years = await cache.YearsAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var to = errors.Year(request.To, years, "to");
        if (string.IsNullOrWhiteSpace(request.From))
        {
            errors.Add("from", "the first year is required, e.g. from=2023");
        }

        var from = errors.Year(request.From, years, "from");
        if (!errors.Any && from == to)
        {
            errors.Add("from", $"from and to are both {from}: a trend needs two different years");
        }

        var gemeente = errors.Gemeente(request.Gemeente, areas);
        var language = errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var trends = await cache.TrendAsync(from, to);
        var model = MonitorCache.Model;
        var rows = trends.Trends
            .Where(t => t.Area.Code.Level == level && (gemeente is null || t.Area.Code.IsWithin(gemeente.Value)))
            .OrderBy(t => t.Area.Code)
            .Select(t => new TrendRowDto(t.Area.Code.Value, areas.NameOf(t.Area), Dtos.Round(t.From.Deviation), Dtos.Round(t.To.Deviation), Dtos.Round(t.Change), t.ChangeClass,
                t.ChangeClass is { } c ? model.ChangeClasses.NameOf(c, language) : null,
                t.Dimensions.ToDictionary(d => DimensionNames.ShortName(d.Dimension), d => Math.Round(d.Change, 4), StringComparer.Ordinal),
                t.NotComparedReason))
            .ToList();
        return TypedResults.Ok(new TrendListDto(from, to, Dtos.LevelName(level), trends.Reference.DescriptionIn(language), rows));
    }

    internal static async Task<Results<Ok<WatchlistDto>, ValidationProblem>> GetWatchlist([AsParameters] WatchlistRequest request, MonitorCache cache)
    {
        var errors = new RequestErrors();
        var areas = await cache.AreasAsync();
        var year = errors.Year(request.Year, await cache.YearsAsync());
        AreaLevel? level = string.IsNullOrWhiteSpace(request.Level) ? null : errors.Level(request.Level, AreaLevel.Buurt);
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        var language = errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await WatchlistAsync(cache, year, level, gemeente, language));
    }

    internal static async Task<WatchlistDto> WatchlistAsync(MonitorCache cache, int year, AreaLevel? level, AreaCode? gemeente, string language)
    {
        var areas = await cache.AreasAsync();
        var watchlist = await cache.WatchlistAsync(year, gemeente);
        if (watchlist is null)
        {
            return new WatchlistDto(year, year, string.Empty, 0, 0, []);
        }

        var resilience = await cache.ResilienceAsync(year);
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
                WatchlistText.Reasons(e, CatalogDocument.Default.Catalog, resilience.ScoreOf(e.Signals.Area.Code)?.VulnerableIndicator, language)))
            .ToList();
        return new WatchlistDto(watchlist.FromPeriod, watchlist.ToPeriod, watchlist.Reference.DescriptionIn(language), Math.Round(watchlist.TippingPoint, 4),
            watchlist.Signals.Count(s => InScope(s.Area)), rows);
    }
}
