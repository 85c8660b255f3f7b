using System.Text.Json;
using Leefkracht.Data.Catalog;

namespace Leefkracht.Fetch.StatLine;

/// <summary>One column of a StatLine table as its <c>DataProperties</c> describe it.</summary>
/// <param name="Key">The column key in <c>TypedDataSet</c> (for example <c>AantalInwoners_5</c>).</param>
/// <param name="Title">CBS's title.</param>
/// <param name="Type">Topic, Dimension, GeoDimension, …</param>
/// <param name="Unit">The unit CBS states, if any.</param>
public sealed record StatLineProperty(string Key, string Title, string Type, string? Unit);

/// <summary>What a column is for Leefkracht.</summary>
public enum ColumnFate
{
    /// <summary>Maps to an indicator of the catalog.</summary>
    Indicator,

    /// <summary>The area code, name or level: read, not stored as a value.</summary>
    Structural,

    /// <summary>Known and deliberately not imported (the catalog says why).</summary>
    Ignored,

    /// <summary>Not in the catalog: reported, its values are not imported.</summary>
    Unknown,
}

/// <summary>A column and what becomes of it.</summary>
/// <param name="Property">The column.</param>
/// <param name="Fate">What becomes of it.</param>
/// <param name="Target">The indicator id, or the catalog's reason for ignoring it.</param>
/// <param name="CatalogName">
/// The name the catalog knows the column by (the key itself, or the same key of another year), so the importer reads
/// the assembled file with the catalog's own alias and scale.
/// </param>
public sealed record ColumnMapping(StatLineProperty Property, ColumnFate Fate, string? Target, string CatalogName);

/// <summary>
/// A table's <c>DataProperties</c> read against the indicator catalog, before any data are fetched, so every column
/// of every year is accounted for: an indicator, structural, deliberately ignored, or unknown (and then reported).
/// </summary>
public sealed class StatLineColumns
{
    // The KWB tables' region columns; the importer reads them as code, gemeente name and level.
    private static readonly HashSet<string> StructuralKeys = new(StringComparer.OrdinalIgnoreCase) { "WijkenEnBuurten", "Codering_3", "SoortRegio_2", "Gemeentenaam_1" };

    private StatLineColumns(IReadOnlyList<ColumnMapping> columns) => Columns = columns;

    /// <summary>Every column with data (topics and dimensions), in the table's order.</summary>
    public IReadOnlyList<ColumnMapping> Columns { get; }

    /// <summary>The columns the catalog does not know.</summary>
    public IReadOnlyList<ColumnMapping> Unknown => [.. Columns.Where(c => c.Fate == ColumnFate.Unknown)];

    /// <summary>The catalog's name of each key that the catalog knows under another year's number.</summary>
    public IReadOnlyDictionary<string, string> CatalogNames =>
        Columns.Where(c => c.CatalogName != c.Property.Key).ToDictionary(c => c.Property.Key, c => c.CatalogName, StringComparer.Ordinal);

    /// <summary>How many columns map to an indicator.</summary>
    public int IndicatorCount => Columns.Count(c => c.Fate == ColumnFate.Indicator);

    /// <summary>Reads the <c>value</c> array of a <c>DataProperties</c> answer (or a bare array) and maps it.</summary>
    /// <exception cref="JsonException">The document is not JSON.</exception>
    /// <exception cref="InvalidDataException">The JSON is not a DataProperties list; the message names the path.</exception>
    public static StatLineColumns Read(ReadOnlySpan<byte> json, CatalogDocument catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var document = JsonDocument.Parse(json.ToArray());
        var list = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement
            : document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value
            : throw new InvalidDataException("$: expected a DataProperties list (an array, or an object with a 'value' array)");
        var properties = new List<StatLineProperty>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var type = Text(item, "Type") ?? throw new InvalidDataException($"$.value[{index}].Type: missing");
            var key = Text(item, "Key") ?? string.Empty;
            // Topic groups are headings without a column (their Key is empty).
            if (key.Length > 0 && type is not "TopicGroup")
            {
                properties.Add(new StatLineProperty(key, Text(item, "Title") ?? key, type, Text(item, "Unit")));
            }

            index++;
        }

        return Map(properties, catalog);
    }

    /// <summary>
    /// Maps a list of columns (from DataProperties, or the key list of a year's documentation). StatLine numbers a
    /// table's keys by position (<c>GemiddeldeWoningwaarde_35</c> in 2019 is <c>GemiddeldeWoningwaarde_34</c> in
    /// 2013), so a key the catalog does not know is matched on its stem (the key without the number) — see
    /// <see cref="StatLineKeys"/>.
    /// </summary>
    public static StatLineColumns Map(IEnumerable<StatLineProperty> properties, CatalogDocument catalog)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(catalog);
        var list = properties.ToList();
        var keys = StatLineKeys.For(catalog).Match([.. list.Where(p => !IsStructural(p)).Select(p => p.Key)]);
        var columns = new List<ColumnMapping>();
        foreach (var property in list)
        {
            var name = keys.GetValueOrDefault(property.Key, property.Key);
            if (IsStructural(property))
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Structural, null, property.Key));
            }
            else if (catalog.Catalog.TryResolveColumn(name, out var alias))
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Indicator, alias.IndicatorId, name));
            }
            else if (catalog.IgnoreReason(name) is { } reason)
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Ignored, reason, name));
            }
            else
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Unknown, null, property.Key));
            }
        }

        return new StatLineColumns(columns);
    }

    /// <summary>The columns of a table as another rule mapped them (<see cref="NabijheidColumns"/>).</summary>
    internal static StatLineColumns Of(IReadOnlyList<ColumnMapping> columns) => new(columns);

    /// <summary>The region columns: the code, gemeente name, level and other dimensions.</summary>
    internal static bool IsStructural(StatLineProperty property) =>
        StructuralKeys.Contains(property.Key) || property.Type is "Dimension" or "GeoDimension" or "TimeDimension";

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
