using Leefkracht.Core.Indices;
using Leefkracht.Core.Text;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>A language choice, checked by the endpoint; request localization has set the culture from it.</summary>
/// <param name="Lang">nl (default) or en.</param>
public sealed record LanguageRequest([FromQuery] string? Lang);

/// <summary>The indicator catalogue of a year.</summary>
/// <param name="Year">The year whose coverage is counted (default: the latest year with inhabitants).</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record CatalogueRequest([FromQuery] string? Year, [FromQuery] string? Lang);

/// <summary>What the store holds: years, indicators, imports and their provenance.</summary>
public static class MetaApi
{
    public static RouteGroupBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Data");
        api.MapGet("/meta", GetMeta).WithName("GetMeta").WithSummary("Years, levels, dimensions, indicators (with the years they have values) and class names");
        api.MapGet("/indicators", GetCatalogue).WithName("GetIndicatorCatalogue")
            .WithSummary("The indicator catalogue: per indicator its unit, source with link, years, and per level how many areas of a year have a value");
        api.MapGet("/imports", GetImports).WithName("GetImports").WithSummary("Every import with its provenance: file, SHA-256, time, rows, values");
        return api;
    }

    internal static async Task<Results<Ok<CatalogueDto>, ValidationProblem>> GetCatalogue([AsParameters] CatalogueRequest request, DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        var years = await dashboard.YearsAsync();
        var year = errors.Year(request.Year, years);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // One pass over the year's table: per indicator and level, the areas with a value against all areas of the level.
        var counts = await dashboard.RememberAsync($"catalogue:{year}", async () =>
        {
            var table = await dashboard.Store.LoadPeriodAsync(year);
            var levels = new[] { AreaLevel.Gemeente, AreaLevel.Wijk, AreaLevel.Buurt };
            var areas = levels.ToDictionary(l => l, l => table.Areas.Count(a => a.Code.Level == l));
            var byIndicator = new Dictionary<string, IReadOnlyList<LevelCoverageDto>>(StringComparer.Ordinal);
            foreach (var id in table.IndicatorIds)
            {
                var column = table.Column(id);
                var found = new Dictionary<AreaLevel, int>();
                for (var row = 0; row < column.Length; row++)
                {
                    if (!double.IsNaN(column[row]))
                    {
                        var level = table.Areas[row].Code.Level;
                        found[level] = found.GetValueOrDefault(level) + 1;
                    }
                }

                byIndicator[id] = [.. levels.Where(found.ContainsKey).Select(l => new LevelCoverageDto(Dtos.LevelName(l), found[l], areas[l], areas[l] > 0 ? Math.Round((double)found[l] / areas[l], 3) : 0))];
            }

            return byIndicator;
        });
        var meta = await IndicatorYearsAsync(dashboard);
        var rows = CatalogDocument.Default.Catalog.Indicators
            .Where(i => meta.TryGetValue(i.Id, out var y) && y.Count > 0)
            .OrderBy(i => i.Theme, StringComparer.Ordinal).ThenBy(i => i.Name(), StringComparer.OrdinalIgnoreCase)
            .Select(i => new CatalogueEntryDto(i.Id, i.Name(), Dtos.UnitName(i.Unit), i.Theme, i.Dimension is { } d ? DimensionNames.Of(d) : null, i.Direction.ToString(),
                SourceName(i.Source), SourceLink(i.Source), i.KwbCode, meta[i.Id], counts.GetValueOrDefault(i.Id) ?? [], IndicatorDefinitions.Of(i.Id)))
            .ToList();
        return TypedResults.Ok(new CatalogueDto(year, rows));
    }

    /// <summary>
    /// A source as the user reads it: the catalog writes a derived indicator's source as its formula after "derived: "
    /// (a key the code relies on), which is shown in the user's language ("berekend: …").
    /// </summary>
    internal static string SourceName(string source) =>
        source.StartsWith(DerivedPrefix, StringComparison.Ordinal) ? UiText.Words.Format("Catalogue.Derived", source[DerivedPrefix.Length..]) : source;

    private const string DerivedPrefix = "derived: ";

    /// <summary>
    /// Where a source describes its figures: the StatLine table a source names (StatLine carries the definition of every
    /// variable), the KWB 2024 table for the Kerncijfers wijken en buurten, the Rotterdam Wijkprofiel; null otherwise.
    /// </summary>
    internal static string? SourceLink(string source)
    {
        var table = System.Text.RegularExpressions.Regex.Match(source, @"\b\d{5}NED\b");
        return table.Success ? $"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table.Value}/table"
            : source.Contains("Kerncijfers wijken en buurten", StringComparison.OrdinalIgnoreCase) ? "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED/table"
            : source.Contains("Wijkprofiel", StringComparison.OrdinalIgnoreCase) ? "https://wijkprofiel.rotterdam.nl"
            : null;
    }

    /// <summary>Every indicator's years with values, counted in one query (one per indicator took 17 s after a start on the sample).</summary>
    private static Task<Dictionary<string, IReadOnlyList<int>>> IndicatorYearsAsync(DashboardMonitor dashboard) =>
        dashboard.RememberAsync("indicator-years", async () =>
        {
            var counts = await dashboard.Store.CountAllValuesAsync();
            return CatalogDocument.Default.Catalog.Indicators.ToDictionary(
                i => i.Id, i => (IReadOnlyList<int>)(counts.TryGetValue(i.Id, out var perYear) ? [.. perYear.Keys.Order()] : []), StringComparer.Ordinal);
        });

    internal static async Task<Results<Ok<MetaDto>, ValidationProblem>> GetMeta([AsParameters] LanguageRequest request, DashboardMonitor dashboard, BaseMap baseMap)
    {
        var errors = new RequestErrors();
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var years = await dashboard.YearsAsync();
        var counts = await IndicatorYearsAsync(dashboard);
        var model = DashboardMonitor.Model;
        var indicators = CatalogDocument.Default.Catalog.Indicators
            .Where(i => counts.TryGetValue(i.Id, out var y) && y.Count > 0)
            .OrderBy(i => i.Name(), StringComparer.OrdinalIgnoreCase)
            .Select(i => new IndicatorDto(i.Id, i.Name(), Dtos.UnitName(i.Unit), i.Theme,
                i.Dimension is { } d ? DimensionNames.ShortName(d) : null, i.Direction.ToString(), SourceName(i.Source), counts[i.Id]))
            .ToList();
        return TypedResults.Ok(new MetaDto(
            years.Scorable,
            years.Default,
            ["gemeente", "wijk", "buurt"],
            [.. model.Dimensions.Select(d => new NamedDto(DimensionNames.ShortName(d.Dimension), DimensionNames.Of(d.Dimension)))],
            indicators,
            Words.InEnglish ? model.Classes.NamesEnglish : model.Classes.Names,
            Words.InEnglish ? model.ChangeClasses.NamesEnglish : model.ChangeClasses.Names,
            [.. Enumerable.Range(1, 5).Select(c => ResilienceModel.NameOf(c))],
            $"{model.Id} v{model.Version}",
            UiText.Caveat,
            new BaseMapDto(baseMap.TileUrl, baseMap.Attribution)));
    }

    internal static async Task<Ok<DataSummaryDto>> GetImports(DashboardMonitor dashboard, DataVersion version)
    {
        var summary = await dashboard.Store.SummarizeAsync();
        var imports = await dashboard.Store.ListImportsAsync();
        return TypedResults.Ok(new DataSummaryDto(
            version.Current,
            summary.Imports,
            summary.AreasByLevelAndYear.Values.Sum(),
            summary.ValuesByPeriod.Values.Sum(),
            summary.Boundaries,
            summary.CrosswalkLinks,
            [.. imports.Select(i => new ImportDto(i.Id, i.FileName, i.Sha256, i.Kind, ImportShape.Read(i.Shape).Describe(), i.ImportedAt, i.SizeBytes, i.RowsRead, i.RowsStored, i.RowsRejected,
                i.AreasStored, i.ValuesStored, i.BoundariesStored, i.LinksStored, i.Errors, i.Warnings))]));
    }
}
