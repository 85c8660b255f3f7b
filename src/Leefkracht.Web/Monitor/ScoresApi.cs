using Leefkracht.Core.Indices;
using Microsoft.AspNetCore.Mvc;

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

    internal static async Task<Results<Ok<ScoreListDto>, ValidationProblem>> GetScores([AsParameters] ScoresRequest request, DashboardMonitor dashboard, ScoreLists lists)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var year = errors.Year(request.Year, await dashboard.YearsAsync());
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await lists.ScoresAsync(level, year, gemeente));
    }

    internal static async Task<Results<Ok<TrendListDto>, ValidationProblem>> GetTrends([AsParameters] TrendsRequest request, DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var years = await dashboard.YearsAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var to = errors.Year(request.To, years, "to");
        if (string.IsNullOrWhiteSpace(request.From))
        {
            errors.Add("from", ProblemText.Words["FromRequired"]);
        }

        var from = errors.Year(request.From, years, "from");
        if (!errors.Any && from == to)
        {
            errors.Add("from", ProblemText.Words.Format("SameYears", from));
        }

        var gemeente = errors.Gemeente(request.Gemeente, areas);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var trends = await dashboard.TrendAsync(from, to);
        var model = DashboardMonitor.Model;
        var rows = trends.Trends
            .Where(t => t.Area.Code.Level == level && (gemeente is null || t.Area.Code.IsWithin(gemeente.Value)))
            .OrderBy(t => t.Area.Code)
            .Select(t => new TrendRowDto(t.Area.Code.Value, areas.NameOf(t.Area), Dtos.Round(t.From.Deviation), Dtos.Round(t.To.Deviation), Dtos.Round(t.Change), t.ChangeClass,
                t.ChangeClass is { } c ? model.ChangeClasses.NameOf(c) : null,
                t.Dimensions.ToDictionary(d => DimensionNames.ShortName(d.Dimension), d => Math.Round(d.Change, 4), StringComparer.Ordinal),
                t.NotComparedReason))
            .ToList();
        return TypedResults.Ok(new TrendListDto(from, to, Dtos.LevelName(level), trends.Reference.LocalDescription(), rows));
    }

    internal static async Task<Results<Ok<WatchlistDto>, ValidationProblem>> GetWatchlist([AsParameters] WatchlistRequest request, DashboardMonitor dashboard, ScoreLists lists)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var year = errors.Year(request.Year, await dashboard.YearsAsync());
        AreaLevel? level = string.IsNullOrWhiteSpace(request.Level) ? null : errors.Level(request.Level, AreaLevel.Buurt);
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await lists.WatchlistAsync(year, level, gemeente));
    }
}
