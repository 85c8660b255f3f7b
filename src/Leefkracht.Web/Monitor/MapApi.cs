using Leefkracht.Data.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

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

/// <summary>A layer's boundaries.</summary>
/// <param name="Level">gemeente, wijk or buurt.</param>
/// <param name="Year">The division year (default: the latest year with inhabitants); the nearest boundary year within 10 years is used.</param>
/// <param name="Detail">low, medium (default), high or full: how much the boundaries are simplified.</param>
/// <param name="V">The version the values named (<c>geometryVersion</c>): with it the answer is immutable.</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record MapGeometryRequest(
    [FromRoute] string Level, [FromQuery] QueryInteger? Year, [FromQuery] string? Detail, [FromQuery] string? V, [FromQuery] string? Lang);

/// <summary>Map layers as GeoJSON, or their boundaries and values apart (docs/web.md#map-geometry).</summary>
public static class MapApi
{
    public static RouteGroupBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/map").WithTags("Map");
        api.MapGet("/{level}", GetLayer).WithName("GetMapLayer")
            .WithSummary("A GeoJSON FeatureCollection of a level's boundaries with the chosen value and class joined in; the legend is a foreign member")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        api.MapGet("/{level}/geometry", GetGeometry).WithName("GetMapGeometry")
            .WithSummary("A level's boundaries of one division year at one detail, compact (quantised, delta-encoded rings) with the areas' codes and names; immutable when asked with its version (v)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified);
        api.MapGet("/{level}/values", GetValues).WithName("GetMapValues")
            .WithSummary("A layer's values without boundaries: the areas the map shows, each with its value and class, the legend, and the boundary year and geometry version to draw them on");
        api.MapGet("/{level}/years", GetYears).WithName("GetMapYears")
            .WithSummary("The years a layer has values for at a level, with how many of the level's areas have one (coverage); years without any value are left out");
        return api;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetLayer([AsParameters] MapRequest request, DashboardMonitor dashboard, MapLayers layers)
    {
        var (errors, level, year, colouring, gemeente, detail) = await ParseAsync(request, dashboard);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var json = await layers.GeoJsonAsync(level, year, colouring, gemeente, detail);
        return json is null ? NoBoundaries(level, year) : TypedResults.File(json, "application/geo+json");
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetValues([AsParameters] MapRequest request, DashboardMonitor dashboard, MapLayers layers)
    {
        var (errors, level, year, colouring, gemeente, _) = await ParseAsync(request, dashboard);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var json = await layers.ValuesJsonAsync(level, year, colouring, gemeente);
        return json is null ? NoBoundaries(level, year) : TypedResults.File(json, "application/json");
    }

    /// <summary>
    /// The boundaries, with a strong ETag of their version (a matching If-None-Match answers 304). Asked with the
    /// current version in <c>v</c> the answer is immutable for a year: a new version has a new URL. Without it (or with
    /// an older one) the browser must ask again each time, and the ETag makes that a 304.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetGeometry([AsParameters] MapGeometryRequest request, DashboardMonitor dashboard, MapLayers layers, HttpContext context)
    {
        var errors = new RequestErrors();
        var years = await dashboard.YearsAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var year = errors.Number(request.Year, years.Default ?? 0, 1800, 2200, "year");
        var detail = Detail(request.Detail, errors);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var shapes = await layers.ShapesAsync(level, year, detail);
        if (shapes is null)
        {
            return NoBoundaries(level, year);
        }

        context.Response.Headers.CacheControl = request.V == shapes.Version ? "public, max-age=31536000, immutable" : "no-cache";
        var etag = new EntityTagHeaderValue($"\"{shapes.Version}-{detail.ToString().ToLowerInvariant()}\"");
        return TypedResults.File(shapes.Json, "application/json", entityTag: etag);
    }

    /// <summary>Whether a path is a layer's boundaries, which carry their own (strong, versioned) ETag.</summary>
    internal static bool IsGeometry(PathString path) =>
        path.StartsWithSegments("/api/v1/map", out var rest) && rest.Value is { } r && r.EndsWith("/geometry", StringComparison.Ordinal);

    private static async Task<(RequestErrors Errors, AreaLevel Level, int Year, MapColouring Colouring, AreaCode? Gemeente, MapDetail Detail)> ParseAsync(MapRequest request, DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var years = await dashboard.YearsAsync();
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var year = errors.Year(request.Year, years);
        var colouring = Colouring(request.By, request.From, request.Indicator, years, errors);
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        var detail = Detail(request.Detail, errors);
        errors.Language(request.Lang);
        return (errors, level, year, colouring, gemeente, detail);
    }

    private static MapDetail Detail(string? text, RequestErrors errors)
    {
        var detail = MapDetail.Medium;
        if (!string.IsNullOrWhiteSpace(text) && (!Enum.TryParse(text, ignoreCase: true, out detail) || int.TryParse(text, out _)))
        {
            errors.Add("detail", ProblemText.Words.Format("Detail", text));
            return MapDetail.Medium;
        }

        return detail;
    }

    private static ProblemHttpResult NoBoundaries(AreaLevel level, int year) =>
        Problems.NotFound($"no {Dtos.LevelName(level)} boundaries within 10 years of {year} in the database: import a boundary file of that level");

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
