using System.Text;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// Finds the area code and name among a feature's properties, whatever tool wrote the file: CBS/PDOK
/// (<c>statcode</c>, <c>statnaam</c>), the CBS Wijk- en Buurtkaart shapefiles (<c>BU_CODE</c>, <c>WK_CODE</c>,
/// <c>GM_CODE</c>, <c>…_NAAM</c>), older derived files (<c>WKC</c>, <c>WKN</c>, <c>GMC</c>, <c>GMN</c>) and
/// generic ones (<c>code</c>, <c>name</c>, the feature <c>id</c>). Property names are compared case-insensitively.
/// </summary>
internal static class AreaProperties
{
    // The finest level first: a buurt record of the Wijk- en Buurtkaart also carries its WK_CODE and GM_CODE.
    private static readonly string[] SpecificCodes = ["statcode", "BU_CODE", "WK_CODE", "WKC"];

    // Only when none of the above is present, or every buurt of a file would claim its gemeente's code.
    private static readonly string[] GemeenteCodes = ["GM_CODE", "GMC"];

    private static readonly string[] GenericCodes = ["code"];

    /// <summary>Every property name <see cref="TryResolveCode"/> looks at, in order, for messages.</summary>
    public static string CandidateList { get; } = string.Join(", ", [.. SpecificCodes, .. GemeenteCodes, .. GenericCodes, "id"]);

    /// <summary>
    /// The first candidate property whose value is a valid CBS code: <c>statcode</c>, <c>BU_CODE</c>,
    /// <c>WK_CODE</c>, <c>WKC</c>; then <c>GM_CODE</c>, <c>GMC</c> (only if none of those is present);
    /// then <c>code</c>, the feature id and an <c>id</c> property.
    /// </summary>
    /// <param name="feature">The feature.</param>
    /// <param name="code">The code found.</param>
    /// <param name="error">Why no code was found: the first candidate that was present and why it is not a code, or that none was present.</param>
    public static bool TryResolveCode(BoundaryFeature feature, out AreaCode code, out (string? Property, string? Value, string Reason) error)
    {
        (string? Property, string? Value, string Reason)? firstInvalid = null;
        var hasSpecific = SpecificCodes.Any(name => Find(feature, name) is not null);
        var candidates = SpecificCodes
            .Concat(hasSpecific ? [] : GemeenteCodes)
            .Concat(GenericCodes)
            .Select(name => (Property: name, Value: Find(feature, name)))
            .Append((Property: "id", Value: feature.Id))
            .Append((Property: "id", Value: Find(feature, "id")));
        foreach (var (property, value) in candidates)
        {
            if (value is null)
            {
                continue;
            }

            if (AreaCode.TryParse(value, out code, out var reason))
            {
                error = default;
                return true;
            }

            firstInvalid ??= (property, value, reason);
        }

        code = default;
        error = firstInvalid ?? (null, null, ImportWords.Words.Format("Boundary.NoCodeProperty", CandidateList));
        return false;
    }

    /// <summary>
    /// The area's name: <c>statnaam</c>, else the name property of the code's level (<c>BU_NAAM</c>;
    /// <c>WK_NAAM</c>, <c>WKN</c>; <c>GM_NAAM</c>, <c>GMN</c>), else <c>name</c> or <c>naam</c>.
    /// </summary>
    public static string? NameOf(BoundaryFeature feature, AreaCode code)
    {
        string[] levelNames = code.Level switch
        {
            AreaLevel.Buurt => ["BU_NAAM"],
            AreaLevel.Wijk => ["WK_NAAM", "WKN"],
            AreaLevel.Gemeente => ["GM_NAAM", "GMN"],
            _ => [],
        };
        return ((string[])["statnaam", .. levelNames, "name", "naam"])
            .Select(name => Find(feature, name))
            .FirstOrDefault(value => value is not null)?.Trim();
    }

    /// <summary>
    /// The gemeente a wijk or buurt feature names in <c>GMC</c>/<c>GMN</c> or <c>GM_CODE</c>/<c>GM_NAAM</c>, when
    /// it gives both a valid code and a name; <see langword="null"/> otherwise.
    /// </summary>
    public static (AreaCode Code, string Name)? GemeenteOf(BoundaryFeature feature, AreaCode code)
    {
        if (code.Level is not (AreaLevel.Wijk or AreaLevel.Buurt))
        {
            return null;
        }

        foreach (var (codeProperty, nameProperty) in (ReadOnlySpan<(string, string)>)[("GMC", "GMN"), ("GM_CODE", "GM_NAAM")])
        {
            if (Find(feature, codeProperty) is { } text
                && Find(feature, nameProperty) is { } name
                && AreaCode.TryParse(text, out var gemeente)
                && gemeente.Level == AreaLevel.Gemeente)
            {
                return (gemeente, name.Trim());
            }
        }

        return null;
    }

    /// <summary>The properties as <c>name='value'</c> pairs, for messages (at most 200 characters).</summary>
    public static string Describe(BoundaryFeature feature)
    {
        if (feature.Properties.Count == 0)
        {
            return feature.Id is null ? ImportWords.Words["Boundary.NoProperties"] : ImportWords.Words.Format("Boundary.NoPropertiesId", feature.Id);
        }

        var text = new StringBuilder();
        foreach (var (name, value) in feature.Properties)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(name).Append('=').Append(value is null ? "null" : $"'{value}'");
            if (text.Length > 200)
            {
                return string.Concat(text.ToString().AsSpan(0, 197), "...");
            }
        }

        return text.ToString();
    }

    /// <summary>The first property with this name (case-insensitive) whose value is not blank.</summary>
    internal static string? Find(BoundaryFeature feature, string name)
    {
        foreach (var (key, value) in feature.Properties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
