using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;
using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Core.Text;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;

namespace Leefkracht.Web.Monitor;

/// <summary>What a map is coloured by.</summary>
/// <param name="By">total, won, fys, vrz, soc, onv, resilience, change, lisa, indicator or leefbaarometer (the official one, beside ours).</param>
/// <param name="From">For change: the earlier year.</param>
/// <param name="Indicator">For indicator (and optionally lisa): the indicator id.</param>
internal sealed record MapColouring(string By, int? From, string? Indicator)
{
    public static readonly string[] Choices = ["total", "won", "fys", "vrz", "soc", "onv", "resilience", "change", "lisa", "indicator", "leefbaarometer"];
}

/// <summary>One class of a legend.</summary>
/// <param name="Key">The class as the features carry it (1–9, 1–5, HH, …).</param>
/// <param name="Label">What it means.</param>
internal sealed record LegendEntry(string Key, string Label);

/// <summary>The legend of a layer.</summary>
/// <param name="Kind">livability (nine named classes, red to green), change, resilience, lisa, or quantiles.</param>
/// <param name="Title">What is shown.</param>
/// <param name="Reversed">Higher values are worse (the palette runs the other way).</param>
/// <param name="Entries">The classes, worst (or lowest) first.</param>
internal sealed record LayerLegend(string Kind, string Title, bool Reversed, IReadOnlyList<LegendEntry> Entries);

/// <summary>The value and class of every area, and the legend.</summary>
internal sealed record LayerValues(IReadOnlyDictionary<AreaCode, (double Value, string Class)> ByCode, LayerLegend Legend);

/// <summary>The compact boundaries of a level and division year at one detail (<see cref="CompactShapes"/>).</summary>
/// <param name="BoundaryYear">The division year of the boundaries.</param>
/// <param name="Version">Changes when the boundaries, the area names, the simplification or the encoding change: the geometry's ETag and URL.</param>
/// <param name="Json">The encoded boundaries.</param>
internal sealed record LayerShapes(int BoundaryYear, string Version, byte[] Json);

/// <summary>
/// Map layers: the chosen value joined onto simplified boundaries, as GeoJSON; or the boundaries (immutable for a
/// version, cached by the browser) and the values (small, per colouring and year) apart.
/// </summary>
internal sealed class MapLayers(DashboardMonitor dashboard, MapGeometryLoader geometry, SpatialStatistics spatial)
{
    public async Task<LayerValues> ValuesAsync(AreaLevel level, int year, MapColouring colouring, AreaCode? gemeente)
    {
        var words = UiText.Words;
        var model = DashboardMonitor.Model;
        var scale = Words.InEnglish ? model.Classes.NamesEnglish : model.Classes.Names;
        switch (colouring.By)
        {
            case "total":
                {
                    var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
                    var values = Latest(scored.Scores.Where(s => s.Area.Code.Level == level && s.IsScored), s => s.Area, s => (s.Deviation!.Value, s.Class!.Value.ToString(CultureInfo.InvariantCulture)));
                    return new LayerValues(values, Named("livability", words["Map.Livability"], scale));
                }

            case "won" or "fys" or "vrz" or "soc" or "onv":
                {
                    var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
                    var dimension = model.Dimensions.First(d => DimensionNames.ShortName(d.Dimension) == colouring.By);
                    // A dimension's contribution is its weight × its mean standard score: divided by the weight it is on the
                    // scale of the total, so the nine classes read "as good as an area of class k would be throughout".
                    var values = Latest(scored.Scores.Where(s => s.Area.Code.Level == level && s.IsScored), s => s.Area, s =>
                    {
                        var c = s.ContributionOf(dimension.Dimension);
                        return (c, model.Classes.ClassOf(c / dimension.Weight).ToString(CultureInfo.InvariantCulture));
                    });
                    return new LayerValues(values, Named("livability", DimensionNames.Of(dimension.Dimension), scale));
                }

            case "resilience":
                {
                    var resilience = await dashboard.ResilienceAsync(year).ConfigureAwait(false);
                    var values = Latest(resilience.Scores.Where(s => s.Area.Code.Level == level && s.Score is not null), s => s.Area, s => (s.Score!.Value, s.Class!.Value.ToString(CultureInfo.InvariantCulture)));
                    var names = Enumerable.Range(1, 5).Select(c => ResilienceModel.NameOf(c)).ToList();
                    return new LayerValues(values, Named("resilience", words["Map.Resilience"], names));
                }

            case "change":
                {
                    var trends = await dashboard.TrendAsync(colouring.From!.Value, year).ConfigureAwait(false);
                    var values = Latest(trends.Trends.Where(t => t.Area.Code.Level == level && t.IsCompared), t => t.Area, t => (t.Change!.Value, t.ChangeClass!.Value.ToString(CultureInfo.InvariantCulture)));
                    var title = words.Format("Map.Change", colouring.From, year);
                    return new LayerValues(values, Named("change", title, Words.InEnglish ? model.ChangeClasses.NamesEnglish : model.ChangeClasses.Names));
                }

            case "leefbaarometer":
                {
                    // The official Leefbaarometer of the areas shown for this year, its latest measurement.
                    var latest = await dashboard.LeefbaarometerLatestAsync(level, year).ConfigureAwait(false);
                    var values = latest.ToDictionary(kv => kv.Key, kv => (kv.Value.Score, kv.Value.Class.ToString(CultureInfo.InvariantCulture)));
                    var measured = latest.Values.Select(v => v.Year).DefaultIfEmpty().Max();
                    var names = Enumerable.Range(1, 9).Select(LeefbaarometerClasses.NameOf).ToList();
                    return new LayerValues(values, Named("livability", LeefbaarometerDtos.LayerTitle(measured), names));
                }

            case "lisa":
                {
                    var variable = colouring.Indicator ?? SpatialQuery.Livability;
                    var (local, _) = await spatial.LocalAsync(new SpatialQuery(variable, level, year, gemeente), "lisa").ConfigureAwait(false);
                    var values = (local?.Areas ?? []).ToDictionary(r => AreaCode.Parse(r.Code), r => (r.Value, r.Category));
                    string[] keys = ["HH", "LL", "HL", "LH", "ns", "island"];
                    var title = words.Format("Map.LisaOf", VariableName(variable));
                    return new LayerValues(values, new LayerLegend("lisa", title, false, [.. keys.Select(k => new LegendEntry(k, words[$"Map.Lisa.{k}"]))]));
                }

            default:
                {
                    var id = colouring.Indicator!;
                    var definition = CatalogDocument.Default.Catalog.TryGet(id, out var d) ? d : null;
                    var raw = await spatial.ValuesAsync(id, level, year).ConfigureAwait(false);
                    var shown = raw.Where(kv => gemeente is null || kv.Key.IsWithin(gemeente.Value)).ToDictionary();
                    var classes = QuantileClasses.Of(shown.Values);
                    var values = shown.ToDictionary(kv => kv.Key, kv => (kv.Value, classes.KeyOf(kv.Value).ToString(CultureInfo.InvariantCulture)));
                    var numbers = Words.InEnglish ? NumberFormatInfo.InvariantInfo : new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
                    var entries = classes.Labels(numbers, definition?.Unit).Select(c => new LegendEntry(c.Key.ToString(CultureInfo.InvariantCulture), c.Label)).ToList();
                    return new LayerValues(values, new LayerLegend("quantiles", VariableName(id), definition?.Direction == Direction.HigherIsWorse, entries));
                }
        }
    }

    /// <summary>
    /// The years a layer has values for at a level, counted as the map shows them: the areas of the boundaries the map
    /// draws for that year (<see cref="MapGeometryLoader"/>, the nearest boundary year) that get a value. A change or
    /// cluster layer counts the years of the total score (or of its indicator): its own years follow from them.
    /// </summary>
    public async Task<MapYearsDto> YearsAsync(AreaLevel level, MapColouring colouring, AreaCode? gemeente)
    {
        var counted = colouring.By is "change" or "lisa" ? new MapColouring(colouring.Indicator is null ? "total" : "indicator", null, colouring.Indicator) : colouring;
        var key = $"map-years:{Dtos.LevelName(level)}:{counted.By}:{counted.Indicator}:{gemeente?.Value}";
        return await dashboard.RememberAsync(key, async () =>
        {
            var years = await dashboard.YearsAsync().ConfigureAwait(false);
            var rows = new List<MapYearDto>();
            foreach (var year in years.Scorable.Order())
            {
                var shapes = await geometry.LoadAsync(level, year, MapDetail.Low).ConfigureAwait(false);
                if (shapes is null)
                {
                    continue;
                }

                var values = await ValuesAsync(level, year, counted, gemeente).ConfigureAwait(false);
                var shown = shapes.Areas.Where(a => gemeente is not { } g || a.Code.IsWithin(g)).ToList();
                var withValue = shown.Count(a => values.ByCode.ContainsKey(a.Code));
                if (withValue > 0)
                {
                    rows.Add(new MapYearDto(year, withValue, shown.Count, Math.Round((double)withValue / shown.Count, 3)));
                }
            }

            return new MapYearsDto(Dtos.LevelName(level), colouring.By, colouring.Indicator, rows);
        }).ConfigureAwait(false);
    }

    /// <summary>The boundaries the map draws for a level and year (the nearest boundary year), compact and versioned.</summary>
    public async Task<LayerShapes?> ShapesAsync(AreaLevel level, int year, MapDetail detail)
    {
        var shapes = await geometry.LoadAsync(level, year, detail).ConfigureAwait(false);
        if (shapes is null)
        {
            return null;
        }

        var version = await GeometryVersionAsync(level, shapes.BoundaryYear).ConfigureAwait(false);
        var json = await dashboard.RememberAsync(DashboardMonitor.Key("compact-geometry", (int)level, shapes.BoundaryYear, (int)detail), async () =>
            CompactShapes.Write(shapes, level, detail, await dashboard.AreasAsync().ConfigureAwait(false))).ConfigureAwait(false);
        return new LayerShapes(shapes.BoundaryYear, version, json);
    }

    /// <summary>
    /// The values of a layer without its boundaries: the areas the map shows (those of <see cref="ShapesAsync"/>'s
    /// boundaries, within the gemeente), each with its value and class or nulls, in the boundaries' order, the legend,
    /// and which boundaries to draw them on (<c>boundaryYear</c>, <c>geometryVersion</c>). The areas' <c>codes</c>
    /// are listed only for a gemeente: otherwise the values are those of every area of the boundaries, in their order.
    /// </summary>
    public async Task<byte[]?> ValuesJsonAsync(AreaLevel level, int year, MapColouring colouring, AreaCode? gemeente)
    {
        // The areas and the boundary year are the same at every detail: the coarsest is the cheapest to make.
        var shapes = await geometry.LoadAsync(level, year, MapDetail.Low).ConfigureAwait(false);
        if (shapes is null)
        {
            return null;
        }

        var version = await GeometryVersionAsync(level, shapes.BoundaryYear).ConfigureAwait(false);
        var values = await ValuesAsync(level, year, colouring, gemeente).ConfigureAwait(false);
        var shown = shapes.Areas.Where(Within(gemeente)).ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            WriteLayerMembers(writer, level, year, shapes.BoundaryYear, colouring, values.Legend);
            writer.WriteString("geometryVersion", version);
            if (gemeente is not null)
            {
                // Without a gemeente every area of the boundaries is shown, in their order, and the codes (more than
                // half of the bytes) are already in the boundaries the browser keeps.
                writer.WriteStartArray("codes");
                shown.ForEach(a => writer.WriteStringValue(a.Code.Value));
                writer.WriteEndArray();
            }

            writer.WriteStartArray("values");
            foreach (var area in shown)
            {
                if (values.ByCode.TryGetValue(area.Code, out var value))
                {
                    writer.WriteNumberValue(Math.Round(value.Value, 4));
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
            writer.WriteStartArray("classes");
            foreach (var area in shown)
            {
                writer.WriteStringValue(values.ByCode.TryGetValue(area.Code, out var value) ? value.Class : null);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The version of a level's boundaries of one division year: a hash of the data versions of those boundaries and
    /// of the area names (both in the encoding), the encoding and the program's build (which holds the simplification).
    /// </summary>
    public Task<string> GeometryVersionAsync(AreaLevel level, int boundaryYear) =>
        dashboard.RememberAsync(DashboardMonitor.Key("geometry-version", (int)level, boundaryYear), async () =>
        {
            var data = await dashboard.Store.DataVersionAsync([DataScopes.Boundaries(boundaryYear), DataScopes.Areas]).ConfigureAwait(false);
            // The encoding, the simplification and the data it is made of, not the build: a new build keeps the
            // browser's copy as long as it would send the same boundaries.
            var text = string.Create(CultureInfo.InvariantCulture, $"{CompactShapes.Format}:{StoredMapGeometry.Format}:{Dtos.LevelName(level)}:{boundaryYear}:{data}");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        });

    /// <summary>The layer as a GeoJSON FeatureCollection (<see cref="GeoJsonWriter"/>) with the legend as a foreign member.</summary>
    public async Task<byte[]?> GeoJsonAsync(AreaLevel level, int year, MapColouring colouring, AreaCode? gemeente, MapDetail detail)
    {
        var shapes = await geometry.LoadAsync(level, year, detail).ConfigureAwait(false);
        if (shapes is null)
        {
            return null;
        }

        var values = await ValuesAsync(level, year, colouring, gemeente).ConfigureAwait(false);
        var areas = await dashboard.AreasAsync().ConfigureAwait(false);
        return GeoJsonWriter.FeatureCollection(
            shapes,
            Within(gemeente),
            (writer, area) =>
            {
                writer.WriteStartObject();
                writer.WriteString("code", area.Code.Value);
                writer.WriteString("name", areas.NameOf(area));
                if (values.ByCode.TryGetValue(area.Code, out var value))
                {
                    writer.WriteNumber("value", Math.Round(value.Value, 4));
                    writer.WriteString("class", value.Class);
                }
                else
                {
                    writer.WriteNull("value");
                    writer.WriteNull("class");
                }

                writer.WriteEndObject();
            },
            writer => WriteLayerMembers(writer, level, year, shapes.BoundaryYear, colouring, values.Legend));
    }

    public static string VariableName(string variable) =>
        variable == SpatialQuery.Livability
            ? UiText.Words["Map.LivabilityVariable"]
            : CatalogDocument.Default.Catalog.TryGet(variable, out var d) ? d.Name() : variable;

    private static Func<AreaKey, bool> Within(AreaCode? gemeente) => area => gemeente is not { } g || area.Code.IsWithin(g);

    private static void WriteLayerMembers(Utf8JsonWriter writer, AreaLevel level, int year, int boundaryYear, MapColouring colouring, LayerLegend legend)
    {
        writer.WriteString("level", Dtos.LevelName(level));
        writer.WriteNumber("year", year);
        writer.WriteNumber("boundaryYear", boundaryYear);
        writer.WriteString("by", colouring.By);
        writer.WritePropertyName("legend");
        JsonSerializer.Serialize(writer, legend, JsonDefaults.Options);
    }

    private static Dictionary<AreaCode, (double, string)> Latest<T>(IEnumerable<T> rows, Func<T, AreaKey> area, Func<T, (double, string)> value)
    {
        var byCode = new Dictionary<AreaCode, (double, string)>();
        foreach (var row in rows.OrderByDescending(r => area(r).Year))
        {
            byCode.TryAdd(area(row).Code, value(row));
        }

        return byCode;
    }

    private static LayerLegend Named(string kind, string title, IReadOnlyList<string> names) =>
        new(kind, title, false, [.. names.Select((n, i) => new LegendEntry((i + 1).ToString(CultureInfo.InvariantCulture), $"{i + 1} {n}"))]);
}
