using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Leefkracht.Data.Catalog;

/// <summary>
/// The indicator catalog as shipped in <c>Catalog/indicators.json</c>: the canonical indicators, every
/// column-name variant that maps to them, and the columns that are known not to be indicators.
/// </summary>
public sealed class CatalogDocument
{
    private readonly FrozenDictionary<string, string> _ignoredColumns;

    private CatalogDocument(IndicatorCatalog catalog, IReadOnlyDictionary<string, string> ignoredColumns, IReadOnlyList<DerivedIndicator> derived)
    {
        Catalog = catalog;
        Derived = derived;
        _ignoredColumns = ignoredColumns.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The indicators and aliases.</summary>
    public IndicatorCatalog Catalog { get; }

    /// <summary>Indicators computed from others (rates, shares), applied when a year is scored.</summary>
    public IReadOnlyList<DerivedIndicator> Derived { get; }

    /// <summary>Why a column is deliberately not imported, or <see langword="null"/> if it is not on the list.</summary>
    public string? IgnoreReason(string header) => _ignoredColumns.GetValueOrDefault(ColumnName.Normalize(header));

    /// <summary>The catalog shipped with Leefkracht (an embedded resource).</summary>
    public static CatalogDocument Default { get; } = LoadEmbedded();

    /// <summary>Parses a catalog document.</summary>
    /// <exception cref="InvalidDataException">The document is not a valid catalog; the message says where.</exception>
    public static CatalogDocument Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var indicators = new List<IndicatorDefinition>();
        var aliases = new List<ColumnAlias>();
        var index = 0;
        foreach (var item in root.GetProperty("indicators").EnumerateArray())
        {
            var id = Required(item, "id", index);
            ValueRange? range = null;
            if (item.TryGetProperty("range", out var r) && r.ValueKind == JsonValueKind.Array)
            {
                range = new ValueRange(r[0].GetDouble(), r[1].GetDouble());
            }

            indicators.Add(new IndicatorDefinition(
                id,
                Required(item, "nl", index),
                Required(item, "en", index),
                ParseEnum<IndicatorUnit>(item, "unit", index),
                Required(item, "theme", index),
                item.TryGetProperty("dimension", out var d) && d.ValueKind == JsonValueKind.String
                    ? ParseEnum<LivabilityDimension>(item, "dimension", index)
                    : null,
                ParseEnum<Direction>(item, "direction", index),
                Required(item, "source", index),
                item.TryGetProperty("kwb", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null,
                range));
            foreach (var alias in item.GetProperty("aliases").EnumerateArray())
            {
                aliases.Add(alias.ValueKind == JsonValueKind.Object
                    ? new ColumnAlias(
                        alias.GetProperty("name").GetString()!,
                        id,
                        alias.TryGetProperty("scale", out var scale) ? scale.GetDouble() : 1.0,
                        alias.TryGetProperty("zeroMeansMissing", out var zero) && zero.GetBoolean())
                    : new ColumnAlias(alias.GetString()!, id));
            }

            index++;
        }

        var ignored = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("ignoredColumns", out var ignoredColumns))
        {
            foreach (var column in ignoredColumns.EnumerateArray())
            {
                ignored[ColumnName.Normalize(column.GetProperty("name").GetString()!)] = column.GetProperty("reason").GetString()!;
            }
        }

        var catalog = new IndicatorCatalog(indicators, aliases);
        var derived = new List<DerivedIndicator>();
        if (root.TryGetProperty("derivedIndicators", out var derivedIndicators))
        {
            foreach (var item in derivedIndicators.EnumerateArray())
            {
                var definition = new DerivedIndicator(
                    item.GetProperty("id").GetString()!,
                    item.GetProperty("numerator").GetString()!,
                    item.TryGetProperty("denominator", out var denominator) && denominator.ValueKind == JsonValueKind.String ? denominator.GetString() : null,
                    item.GetProperty("factor").GetDouble());
                foreach (var id in new[] { definition.Id, definition.Numerator, definition.Denominator }.OfType<string>())
                {
                    if (!catalog.TryGet(id, out _))
                    {
                        throw new InvalidDataException($"Derived indicator '{definition.Id}' refers to unknown indicator '{id}'.");
                    }
                }

                derived.Add(definition);
            }
        }

        return new CatalogDocument(catalog, ignored, derived);
    }

    private static CatalogDocument LoadEmbedded()
    {
        const string Name = "Leefkracht.Data.Catalog.indicators.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"The embedded catalog {Name} is missing from the build.");
        return Parse(stream);
    }

    private static string Required(JsonElement item, string property, int index) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"Catalog indicator #{index + 1}: '{property}' is missing or not a string.");

    private static T ParseEnum<T>(JsonElement item, string property, int index)
        where T : struct, Enum
    {
        var text = Required(item, property, index);
        return Enum.TryParse<T>(text, ignoreCase: false, out var value)
            ? value
            : throw new InvalidDataException($"Catalog indicator #{index + 1}: '{property}' value '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
