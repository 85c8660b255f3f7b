using Leefkracht.Core.Indices;
using Leefkracht.Core.Text;
using Leefkracht.Data.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>A language choice, checked by the endpoint; request localization has set the culture from it.</summary>
/// <param name="Lang">nl (default) or en.</param>
public sealed record LanguageRequest([FromQuery] string? Lang);

/// <summary>What the store holds: years, indicators, imports and their provenance.</summary>
public static class MetaApi
{
    public static RouteGroupBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Data");
        api.MapGet("/meta", GetMeta).WithName("GetMeta").WithSummary("Years, levels, dimensions, indicators (with the years they have values) and class names");
        api.MapGet("/imports", GetImports).WithName("GetImports").WithSummary("Every import with its provenance: file, SHA-256, time, rows, values");
        return api;
    }

    internal static async Task<Results<Ok<MetaDto>, ValidationProblem>> GetMeta([AsParameters] LanguageRequest request, DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var years = await dashboard.YearsAsync();
        var counts = await dashboard.RememberAsync("indicator-years", async () =>
        {
            var byIndicator = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
            foreach (var indicator in CatalogDocument.Default.Catalog.Indicators)
            {
                var perYear = await dashboard.Store.CountValuesAsync(indicator.Id);
                byIndicator[indicator.Id] = [.. perYear.Keys.Order()];
            }

            return byIndicator;
        });
        var model = DashboardMonitor.Model;
        var indicators = CatalogDocument.Default.Catalog.Indicators
            .Where(i => counts.TryGetValue(i.Id, out var y) && y.Count > 0)
            .OrderBy(i => i.Name(), StringComparer.OrdinalIgnoreCase)
            .Select(i => new IndicatorDto(i.Id, i.Name(), Dtos.UnitName(i.Unit), i.Theme,
                i.Dimension is { } d ? DimensionNames.ShortName(d) : null, i.Direction.ToString(), i.Source, counts[i.Id]))
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
            UiText.Caveat));
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
            [.. imports.Select(i => new ImportDto(i.Id, i.FileName, i.Sha256, i.Kind, i.Shape, i.ImportedAt, i.SizeBytes, i.RowsRead, i.RowsStored, i.RowsRejected,
                i.AreasStored, i.ValuesStored, i.BoundariesStored, i.LinksStored, i.Errors, i.Warnings))]));
    }
}
