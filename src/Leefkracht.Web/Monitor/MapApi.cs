using Leefkracht.Data.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>A map layer.</summary>
/// <param name="Level">gemeente, wijk or buurt.</param>
/// <param name="Year">Year (default: the latest year with inhabitants).</param>
/// <param name="By">total (default), won, fys, vrz, soc, onv, resilience, change, lisa or indicator.</param>
/// <param name="From">For by=change: the earlier year.</param>
/// <param name="Indicator">For by=indicator (required) and by=lisa (optional; default the total score): an indicator id.</param>
/// <param name="Gemeente">Only this gemeente's areas.</param>
/// <param name="Detail">low, medium (default), high or full: how much the boundaries are simplified.</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record MapRequest(
    [FromRoute] string Level, [FromQuery] string? Year, [FromQuery] string? By, [FromQuery] string? From, [FromQuery] string? Indicator,
    [FromQuery] string? Gemeente, [FromQuery] string? Detail, [FromQuery] string? Lang);

/// <summary>Map layers as GeoJSON.</summary>
public static class MapApi
{
    public static RouteGroupBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/map").WithTags("Map");
        api.MapGet("/{level}", GetLayer).WithName("GetMapLayer")
            .WithSummary("A GeoJSON FeatureCollection of a level's boundaries with the chosen value and class joined in; the legend is a foreign member")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        api.MapGet("/{level}/years", GetYears).WithName("GetMapYears")
            .WithSummary("The years a layer has values for at a level, with how many of the level's areas have one (coverage); years without any value are left out");
        return api;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetLayer([AsParameters] MapRequest request, DashboardMonitor dashboard, MapLayers layers)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var years = await dashboard.YearsAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var year = errors.Year(request.Year, years);
        var colouring = Colouring(request.By, request.From, request.Indicator, years, errors);
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        var detail = MapDetail.Medium;
        if (!string.IsNullOrWhiteSpace(request.Detail) && (!Enum.TryParse(request.Detail, ignoreCase: true, out detail) || int.TryParse(request.Detail, out _)))
        {
            errors.Add("detail", ProblemText.Words.Format("Detail", request.Detail));
        }

        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var json = await layers.GeoJsonAsync(level, year, colouring, gemeente, detail);
        return json is null
            ? Problems.NotFound($"no {Dtos.LevelName(level)} boundaries within 10 years of {year} in the database: import a boundary file of that level")
            : TypedResults.File(json, "application/geo+json");
    }

    internal static async Task<Results<Ok<MapYearsDto>, ValidationProblem>> GetYears([AsParameters] MapRequest request, DashboardMonitor dashboard, MapLayers layers)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var years = await dashboard.YearsAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var colouring = Colouring(request.By, request.From, request.Indicator, years, errors);
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await layers.YearsAsync(level, colouring, gemeente));
    }

    internal static MapColouring Colouring(string? by, string? from, string? indicator, YearInfo years, RequestErrors errors)
    {
        var choice = string.IsNullOrWhiteSpace(by) ? "total" : by.Trim().ToLowerInvariant();
        if (!MapColouring.Choices.Contains(choice))
        {
            errors.Add("by", ProblemText.Words.Format("Colouring", by, ProblemText.Either(MapColouring.Choices)));
            return new MapColouring("total", null, null);
        }

        int? fromYear = null;
        if (choice == "change")
        {
            if (string.IsNullOrWhiteSpace(from))
            {
                errors.Add("from", ProblemText.Words["ChangeNeedsFrom"]);
            }
            else
            {
                fromYear = errors.Year(from, years, "from");
            }
        }

        var id = indicator?.Trim();
        if (choice == "indicator" && string.IsNullOrEmpty(id))
        {
            errors.Add("indicator", ProblemText.Words["IndicatorNeeded"]);
        }
        else if (!string.IsNullOrEmpty(id) && !CatalogDocument.Default.Catalog.TryGet(id, out _) && !CatalogDocument.Default.Derived.Any(d => d.Id == id))
        {
            errors.Add("indicator", ProblemText.Words.Format("UnknownIndicator", id));
        }

        return new MapColouring(choice, fromYear, string.IsNullOrEmpty(id) ? null : id);
    }
}
