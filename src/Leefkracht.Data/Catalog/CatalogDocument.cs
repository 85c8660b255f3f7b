using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace Leefkracht.Data.Catalog;

/// <summary>
/// The indicator catalog as shipped in <c>Catalog/indicators.json</c>: the canonical indicators, every
/// column-name variant that maps to them, and the columns that are known not to be indicators.
/// </summary>
public sealed class CatalogDocument
{
    // The catalog is a file of the build, not user input: strict types, so a wrong one fails at its path (the options
    // are on CatalogJsonContext). Declared before Default, which reads the embedded catalog with them when the type is
    // initialised.
    private static readonly JsonSerializerOptions Options = CatalogJsonContext.Default.Options;

    private readonly FrozenDictionary<string, string> _ignoredColumns;

    private CatalogDocument(IndicatorCatalog catalog, IReadOnlyDictionary<string, string> ignoredColumns, IReadOnlyList<DerivedIndicator> derived, IReadOnlyList<ColumnAlias> aliases, IReadOnlyList<string> ignoredNames, string fingerprint)
    {
        Fingerprint = fingerprint;
        Catalog = catalog;
        Derived = derived;
        Aliases = aliases;
        IgnoredColumnNames = ignoredNames;
        _ignoredColumns = ignoredColumns.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The indicators and aliases.</summary>
    public IndicatorCatalog Catalog { get; }

    /// <summary>
    /// The first 16 hex digits of the SHA-256 of the catalog file: part of the key of every stored result computed
    /// with the catalog (derived indicators, aggregation rules), so a build with another catalog does not read them.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>Indicators computed from others (rates, shares), applied when a year is scored.</summary>
    public IReadOnlyList<DerivedIndicator> Derived { get; }

    /// <summary>Every column alias as the catalog file writes it, in catalog order (for rules over key families, such as StatLine's numbered keys).</summary>
    public IReadOnlyList<ColumnAlias> Aliases { get; }

    /// <summary>The columns ignored on purpose, as the catalog file writes their names.</summary>
    public IReadOnlyList<string> IgnoredColumnNames { get; }

    /// <summary>Why a column is deliberately not imported, or <see langword="null"/> if it is not on the list.</summary>
    public string? IgnoreReason(string header) => _ignoredColumns.GetValueOrDefault(ColumnName.Normalize(header));

    /// <summary>The catalog shipped with Leefkracht (an embedded resource).</summary>
    public static CatalogDocument Default { get; } = LoadEmbedded();

    /// <summary>Parses a catalog document.</summary>
    /// <exception cref="InvalidDataException">The document is not a valid catalog; the message says where.</exception>
    public static CatalogDocument Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var bytes = new MemoryStream();
        json.CopyTo(bytes);
        var fingerprint = Convert.ToHexString(SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)))[..16];
        bytes.Position = 0;
        CatalogFile file;
        try
        {
            file = JsonSerializer.Deserialize(bytes, Options.GetTypeInfo(typeof(CatalogFile))) as CatalogFile
                ?? throw new InvalidDataException("The indicator catalog is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The indicator catalog is not valid at {exception.Path}: {exception.Message}", exception);
        }

        var indicators = file.Indicators.Select((item, index) => item.ToDefinition(index)).ToList();
        var aliases = file.Indicators.Zip(indicators).SelectMany(pair => pair.First.Aliases.Select(a => new ColumnAlias(a.Name, pair.Second.Id, a.Scale, a.ZeroMeansMissing))).ToList();
        var ignored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in file.IgnoredColumns ?? [])
        {
            ignored[ColumnName.Normalize(column.Name)] = column.Reason;
        }

        var catalog = new IndicatorCatalog(indicators, aliases);
        var derived = (file.DerivedIndicators ?? []).Select(d => new DerivedIndicator(d.Id, d.Numerator, d.Denominator, d.Factor)).ToList();
        foreach (var definition in derived)
        {
            foreach (var id in new[] { definition.Id, definition.Numerator, definition.Denominator }.OfType<string>())
            {
                if (!catalog.TryGet(id, out _))
                {
                    throw new InvalidDataException($"Derived indicator '{definition.Id}' refers to unknown indicator '{id}'.");
                }
            }
        }

        return new CatalogDocument(catalog, ignored, derived, aliases, [.. (file.IgnoredColumns ?? []).Select(c => c.Name)], fingerprint);
    }

    private static CatalogDocument LoadEmbedded()
    {
        const string Name = "Leefkracht.Data.Catalog.indicators.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"The embedded catalog {Name} is missing from the build.");
        return Parse(stream);
    }
}
