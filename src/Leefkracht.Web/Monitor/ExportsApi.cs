using System.Text.Json;
using Leefkracht.Data.Export;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>An export.</summary>
/// <param name="Format">csv (default), xlsx or geojson.</param>
/// <param name="Level">gemeente, wijk or buurt (default buurt).</param>
/// <param name="Year">Year (default: the latest year with inhabitants).</param>
/// <param name="Gemeente">Only this gemeente's areas.</param>
/// <param name="Lang">nl (default) or en: the language of class names.</param>
/// <param name="Dialect">For CSV: excel-nl (<c>;</c>, decimal comma, UTF-8 BOM: what Dutch Excel opens) or rfc4180 (<c>,</c> and
/// a decimal point); default excel-nl when the language is nl, rfc4180 when it is en.</param>
public sealed record ExportRequest([FromQuery] string? Format, [FromQuery] string? Level, [FromQuery] string? Year, [FromQuery] string? Gemeente, [FromQuery] string? Lang, [FromQuery] string? Dialect);

/// <summary>Downloads: scores and the watchlist as CSV, Excel or GeoJSON.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exports").WithTags("Exports").RequireHeavyLimit();
        api.MapGet("/scores", ExportScores).WithName("ExportScores").WithSummary("Scores of a level and year as CSV, Excel (.xlsx) or GeoJSON (full boundaries)");
        api.MapGet("/watchlist", ExportWatchlist).WithName("ExportWatchlist").WithSummary("The watchlist as CSV or Excel");
        return api;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportScores(
        [AsParameters] ExportRequest request, DashboardMonitor dashboard, ScoreLists lists, MapGeometryLoader geometry)
    {
        var errors = new RequestErrors();
        var format = Format(request.Format, errors, "csv", "xlsx", "geojson");
        var level = errors.Level(request.Level, AreaLevel.Buurt);
        var (year, gemeente, dialect) = await CheckAsync(request, errors, dashboard);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var scores = await lists.ScoresAsync(level, year, gemeente);
        var name = string.Create(CultureInfo.InvariantCulture, $"leefkracht-scores-{scores.Level}-{year}{(gemeente is { } g ? "-" + g.Value : string.Empty)}");
        var dimensions = Dtos.DimensionIds;
        if (format == "geojson")
        {
            var shapes = await geometry.LoadAsync(level, year, MapDetail.Full);
            if (shapes is null)
            {
                return Problems.NotFound($"no {scores.Level} boundaries near {year} in the database");
            }

            var byCode = scores.Scores.ToDictionary(s => s.Code, StringComparer.Ordinal);
            var geojson = GeoJsonWriter.FeatureCollection(
                shapes,
                area => byCode.ContainsKey(area.Code.Value),
                (writer, area) => JsonSerializer.Serialize(writer, byCode[area.Code.Value], JsonDefaults.Options));
            return TypedResults.File(geojson, "application/geo+json", name + ".geojson");
        }

        // The official Leefbaarometer beside our score (own columns, never mixed into ours), with year and source.
        var official = await dashboard.LeefbaarometerLatestAsync(level, year);
        var table = new ExportTable("scores",
            ["code", "name", "year", "level", "deviation", "class", "class_name", "percentile", .. dimensions, "resilience", "resilience_class", "not_scored_reason", .. LeefbaarometerDtos.ExportColumns],
            [.. scores.Scores.Select(s => (IReadOnlyList<object?>)[s.Code, s.Name, year, scores.Level, s.Deviation, s.Class, s.ClassName, s.Percentile,
                .. dimensions.Select(d => s.Dimensions.TryGetValue(d, out var v) ? (object?)v : null), s.Resilience, s.ResilienceClass, s.NotScoredReason,
                .. LeefbaarometerDtos.ExportCells(official.GetValueOrDefault(AreaCode.Parse(s.Code)))])]);
        return File(table, format, dialect, name);
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportWatchlist([AsParameters] ExportRequest request, DashboardMonitor dashboard, ScoreLists lists)
    {
        var errors = new RequestErrors();
        var format = Format(request.Format, errors, "csv", "xlsx");
        AreaLevel? level = string.IsNullOrWhiteSpace(request.Level) ? null : errors.Level(request.Level, AreaLevel.Buurt);
        var (year, gemeente, dialect) = await CheckAsync(request, errors, dashboard);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var watchlist = await lists.WatchlistAsync(year, level, gemeente);
        var table = new ExportTable("watchlist",
            ["code", "name", "level", "gemeente", "from", "to", "risk", "score", "change", "vulnerable_share", "corporatiebuurt", "reasons"],
            [.. watchlist.Entries.Select(e => (IReadOnlyList<object?>)[e.Code, e.Name, e.Level, e.Gemeente, watchlist.From, watchlist.To, e.Risk, e.Score, e.Change, e.VulnerableShare,
                e.IsCorporatiebuurt ? "ja" : "nee", string.Join("; ", e.Reasons)])]);
        return File(table, format, dialect, string.Create(CultureInfo.InvariantCulture, $"leefkracht-watchlist-{year}"));
    }

    private static FileContentHttpResult File(ExportTable table, string format, CsvDialect dialect, string name) =>
        format == "xlsx" ? Tables.XlsxFile(table, name) : Tables.CsvFile(table, dialect, name);

    /// <summary>Checks what every list export takes besides its format and level: the year, the gemeente, the language and the CSV dialect.</summary>
    private static async Task<(int Year, AreaCode? Gemeente, CsvDialect Dialect)> CheckAsync(ExportRequest request, RequestErrors errors, DashboardMonitor dashboard)
    {
        var year = errors.Year(request.Year, await dashboard.YearsAsync());
        var gemeente = errors.Gemeente(request.Gemeente, await dashboard.AreasAsync());
        errors.Language(request.Lang);
        return (year, gemeente, errors.CsvDialect(request.Dialect));
    }

    private static string Format(string? text, RequestErrors errors, params string[] allowed)
    {
        var format = string.IsNullOrWhiteSpace(text) ? allowed[0] : text.Trim().ToLowerInvariant();
        if (!allowed.Contains(format))
        {
            errors.Add("format", ProblemText.Words.Format("Format", text, ProblemText.Either(allowed)));
            return allowed[0];
        }

        return format;
    }
}
