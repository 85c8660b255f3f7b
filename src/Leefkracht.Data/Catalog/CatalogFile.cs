using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leefkracht.Data.Catalog;

// The JSON shape of Catalog/indicators.json, read by CatalogDocument.Parse.

/// <summary>The catalog file.</summary>
internal sealed record CatalogFile(IReadOnlyList<IndicatorEntry> Indicators, IReadOnlyList<IgnoredColumnEntry>? IgnoredColumns = null, IReadOnlyList<DerivedEntry>? DerivedIndicators = null);

/// <summary>An indicator: its names, unit, dimension, direction, source and the column names it is found under.</summary>
internal sealed record IndicatorEntry(
    IReadOnlyList<AliasEntry> Aliases,
    string? Id = null,
    string? Nl = null,
    string? En = null,
    string? Unit = null,
    string? Theme = null,
    string? Dimension = null,
    string? Direction = null,
    string? Source = null,
    string? Kwb = null,
    IReadOnlyList<double>? Range = null)
{
    /// <summary>The definition; the indicator's number (#1 is the first) names it in a problem.</summary>
    /// <exception cref="InvalidDataException">A text is missing or an enumeration value unknown.</exception>
    public IndicatorDefinition ToDefinition(int index) => new(
        Required(Id, "id", index),
        Required(Nl, "nl", index),
        Required(En, "en", index),
        Parse<IndicatorUnit>(Unit, "unit", index),
        Required(Theme, "theme", index),
        Dimension is null ? null : (LivabilityDimension?)Parse<LivabilityDimension>(Dimension, "dimension", index),
        Parse<Direction>(Direction, "direction", index),
        Required(Source, "source", index),
        Kwb,
        Range is [var minimum, var maximum] ? new ValueRange(minimum, maximum) : null);

    private static string Required(string? value, string property, int index) =>
        value ?? throw new InvalidDataException($"Catalog indicator #{index + 1}: '{property}' is missing or not a string.");

    private static T Parse<T>(string? value, string property, int index)
        where T : struct, Enum
    {
        var text = Required(value, property, index);
        return Enum.TryParse<T>(text, ignoreCase: false, out var parsed)
            ? parsed
            : throw new InvalidDataException($"Catalog indicator #{index + 1}: '{property}' value '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }
}

/// <summary>A column name of an indicator: a string, or an object when the column needs scaling or has 0 for missing.</summary>
[JsonConverter(typeof(AliasEntryConverter))]
internal sealed record AliasEntry(string Name, double Scale = 1.0, bool ZeroMeansMissing = false);

/// <summary>A column that is deliberately not imported, and why.</summary>
internal sealed record IgnoredColumnEntry(string Name, string Reason);

/// <summary>An indicator computed from others: numerator / denominator × factor.</summary>
internal sealed record DerivedEntry(string Id, string Numerator, double Factor, string? Denominator = null);

/// <summary>Reads an alias written as <c>"name"</c> or as <c>{"name": …, "scale": …, "zeroMeansMissing": …}</c>.</summary>
internal sealed class AliasEntryConverter : JsonConverter<AliasEntry>
{
    internal sealed record AliasObject(string Name, double Scale = 1.0, bool ZeroMeansMissing = false);

    public override AliasEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new AliasEntry(reader.GetString()!);
        }

        var alias = JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(typeof(AliasObject))) as AliasObject
            ?? throw new JsonException("An alias is a column name or an object with \"name\".");
        return new AliasEntry(alias.Name, alias.Scale, alias.ZeroMeansMissing);
    }

    public override void Write(Utf8JsonWriter writer, AliasEntry value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The catalog is read, never written.");
}
