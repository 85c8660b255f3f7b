using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>Query of the area list.</summary>
/// <param name="Q">Part of a name, or the start of a code.</param>
/// <param name="Level">gemeente, wijk or buurt.</param>
/// <param name="Gemeente">Only areas in this gemeente (code or name).</param>
/// <param name="Year">Only areas of this division year (default: each code in its latest division).</param>
/// <param name="Limit">At most this many (1–1000, default 50).</param>
public sealed record AreaListRequest(
    [FromQuery] string? Q, [FromQuery] string? Level, [FromQuery] string? Gemeente, [FromQuery] QueryInteger? Year, [FromQuery] QueryInteger? Limit);

/// <summary>An area in a year.</summary>
/// <param name="Code">Area code.</param>
/// <param name="Year">Year of the data (default: the latest year with inhabitants).</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record AreaRequest([FromRoute] string Code, [FromQuery] string? Year, [FromQuery] string? Lang)
{
    /// <summary>The area and the year (default: the latest with inhabitants), with the language checked; the 400 for every bad parameter, null when all are good.</summary>
    internal async Task<(AreaCode Code, int Year, ValidationProblem? Problem)> CheckAsync(DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        var code = errors.Code(Code);
        var year = errors.Year(Year, await dashboard.YearsAsync());
        errors.Language(Lang);
        return (code ?? default, year, errors.Any ? errors.ToProblem() : null);
    }
}

/// <summary>Areas, their profiles and histories.</summary>
public static class AreasApi
{
    public static RouteGroupBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/areas").WithTags("Areas");
        api.MapGet("/", ListAreas).WithName("ListAreas").WithSummary("List, filter and search areas by name or code");
        api.MapGet("/{code}", GetProfile).WithName("GetAreaProfile")
            .WithSummary("An area's profile: score, class, dimension and indicator contributions, comparison with wijk, gemeente and country, resilience, flags and early warning");
        api.MapGet("/{code}/history", GetHistory).WithName("GetAreaHistory").WithSummary("An area's scores over all years on one reference, and its stored indicator values per year");
        api.MapGet("/{code}/similar", GetSimilar).WithName("GetSimilarAreas")
            .WithSummary("The areas of the same level most like this one nationally (population, urbanity, housing; docs/web.md#similar-areas) and how they score");
        return api;
    }

    internal static async Task<Results<Ok<AreaListDto>, ValidationProblem>> ListAreas([AsParameters] AreaListRequest request, DashboardMonitor dashboard)
    {
        var areas = await dashboard.AreasAsync();
        var errors = new RequestErrors();
        AreaLevel? level = string.IsNullOrWhiteSpace(request.Level) ? null : errors.Level(request.Level, AreaLevel.Buurt);
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        var year = string.IsNullOrWhiteSpace(request.Year?.Text) ? (int?)null : errors.Number(request.Year, 0, 1990, 2100, "year");
        var limit = errors.Number(request.Limit, 50, 1, 1000, "limit");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var all = areas.Search(request.Q, level, gemeente, year, int.MaxValue);
        return TypedResults.Ok(new AreaListDto(all.Count, [.. all.Take(limit).Select(h => Dtos.Area(h.Area.Key, areas) with { Alias = h.Alias })]));
    }

    internal static Task<Results<Ok<AreaProfileDto>, ValidationProblem, ProblemHttpResult>> GetProfile([AsParameters] AreaRequest request, DashboardMonitor dashboard, ProfileBuilder profiles) =>
        InYearAsync(request, dashboard, profiles.BuildAsync);

    internal static async Task<Results<Ok<AreaHistoryDto>, ValidationProblem, ProblemHttpResult>> GetHistory([AsParameters] AreaRequest request, DashboardMonitor dashboard, HistoryBuilder histories)
    {
        var (code, baseYear, problem) = await request.CheckAsync(dashboard);
        if (problem is not null)
        {
            return problem;
        }

        var history = await histories.BuildAsync(code, baseYear);
        return history is null ? Problems.UnknownArea(code, await dashboard.AreasAsync()) : TypedResults.Ok(history);
    }

    internal static Task<Results<Ok<SimilarAreasDto>, ValidationProblem, ProblemHttpResult>> GetSimilar([AsParameters] AreaRequest request, DashboardMonitor dashboard, ProfileBuilder profiles) =>
        InYearAsync(request, dashboard, (code, year) => profiles.SimilarAsync(code, year));

    /// <summary>An answer about an area in a year: the parameters checked (400), then the answer, or 404 when the area has no row in the year.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> InYearAsync<T>(AreaRequest request, DashboardMonitor dashboard, Func<AreaCode, int, Task<T?>> build)
        where T : class
    {
        StartupTimings.Mark("request: in");
        var (code, year, problem) = await request.CheckAsync(dashboard);
        StartupTimings.Mark("request: checked");
        if (problem is not null)
        {
            return problem;
        }

        var answer = await build(code, year);
        StartupTimings.Mark("request: answered");
        return answer is null ? Problems.UnknownArea(code, await dashboard.AreasAsync(), year) : TypedResults.Ok(answer);
    }
}
