using Leefkracht.Data.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>A spatial statistic.</summary>
/// <param name="Variable">livability (default: the total score) or an indicator id.</param>
/// <param name="Level">gemeente, wijk or buurt (default buurt).</param>
/// <param name="Year">Year (default: the latest year with inhabitants).</param>
/// <param name="Gemeente">Only this gemeente's areas (default: the whole country).</param>
public sealed record SpatialRequest([FromQuery] string? Variable, [FromQuery] string? Level, [FromQuery] string? Year, [FromQuery] string? Gemeente);

/// <summary>Spatial statistics: global Moran's I, LISA and Getis-Ord Gi* (fuzzy contiguity, 999 permutations, FDR).</summary>
public static class SpatialApi
{
    public static RouteGroupBuilder MapSpatialApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/spatial").WithTags("Spatial").RequireHeavyLimit();
        api.MapGet("/moran", GetMoran).WithName("GetMoran").WithSummary("Global Moran's I: is the variable clustered?");
        api.MapGet("/lisa", GetLisa).WithName("GetLisa").WithSummary("Local Moran (LISA) per area: HH/LL clusters and HL/LH outliers after FDR");
        api.MapGet("/gistar", GetGiStar).WithName("GetGiStar").WithSummary("Getis-Ord Gi* per area: hot and cold spots after FDR");
        return api;
    }

    internal static async Task<Results<Ok<MoranDto>, ValidationProblem>> GetMoran([AsParameters] SpatialRequest request, DashboardMonitor dashboard, SpatialStatistics spatial)
    {
        var (query, problem) = await ReadAsync(request, dashboard);
        if (problem is not null)
        {
            return problem;
        }

        var (result, reason) = await spatial.MoranAsync(query!);
        return result is null ? Invalid(reason!) : TypedResults.Ok(result);
    }

    internal static Task<Results<Ok<LocalStatisticsDto>, ValidationProblem>> GetLisa([AsParameters] SpatialRequest request, DashboardMonitor dashboard, SpatialStatistics spatial) =>
        LocalAsync(request, dashboard, spatial, "lisa");

    internal static Task<Results<Ok<LocalStatisticsDto>, ValidationProblem>> GetGiStar([AsParameters] SpatialRequest request, DashboardMonitor dashboard, SpatialStatistics spatial) =>
        LocalAsync(request, dashboard, spatial, "gistar");

    private static async Task<Results<Ok<LocalStatisticsDto>, ValidationProblem>> LocalAsync(SpatialRequest request, DashboardMonitor dashboard, SpatialStatistics spatial, string statistic)
    {
        var (query, problem) = await ReadAsync(request, dashboard);
        if (problem is not null)
        {
            return problem;
        }

        var (result, reason) = await spatial.LocalAsync(query!, statistic);
        return result is null ? Invalid(reason!) : TypedResults.Ok(result);
    }

    private static ValidationProblem Invalid(string reason)
    {
        var errors = new RequestErrors();
        errors.Add("variable", reason);
        return errors.ToProblem();
    }

    private static async Task<(SpatialQuery? Query, ValidationProblem? Problem)> ReadAsync(SpatialRequest request, DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        var variable = string.IsNullOrWhiteSpace(request.Variable) ? SpatialQuery.Livability : request.Variable.Trim();
        if (variable != SpatialQuery.Livability && !CatalogDocument.Default.Catalog.TryGet(variable, out _) && !CatalogDocument.Default.Derived.Any(d => d.Id == variable))
        {
            errors.Add("variable", ProblemText.Words.Format("Variable", variable));
        }

        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var year = errors.Year(request.Year, await dashboard.YearsAsync());
        var gemeente = errors.Gemeente(request.Gemeente, await dashboard.AreasAsync());
        return errors.Any ? (null, errors.ToProblem()) : (new SpatialQuery(variable, level, year, gemeente), null);
    }
}
