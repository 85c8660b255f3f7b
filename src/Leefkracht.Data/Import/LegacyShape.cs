using System.Text.RegularExpressions;

namespace Leefkracht.Data.Import;

/// <summary>
/// The English sentences the readers stored as an import's shape before it had codes (wave 7 and earlier), read back
/// into parts so that an old store's imports are described in the reader's language too. Each pattern is one of the
/// sentences the readers built; a text none of them matches is kept as it is.
/// </summary>
internal static partial class LegacyShape
{
    /// <summary>The heads of a table's sentence, each with its code.</summary>
    private static readonly (string English, string Code)[] TableHeads =
    [
        ("KWB with kwb-YYYY short codes", "Shape.KwbShortCodes"),
        ("KWB with StatLine OData keys", "Shape.KwbOData"),
        ("national KWB selection with police and health columns", "Shape.KwbSelection"),
        ("StatLine export with Dutch headers", "Shape.StatLineExport"),
        ("area-period table (code, year, indicator columns)", "Shape.AreaPeriodTable"),
        ("table with area codes and indicator columns", "Shape.CodedTable"),
        ("long table (area, year, indicator, value)", "Shape.LongTable"),
        ("unrecognised table", "Shape.UnrecognisedTable"),
    ];

    /// <summary>Sentences without arguments.</summary>
    private static readonly Dictionary<string, string> Whole = new(StringComparer.Ordinal)
    {
        ["Rotterdam Wijkprofiel sheet"] = "Shape.Wijkprofiel",
        ["address-weighted crosswalk (grenswijzigingen)"] = "Shape.Crosswalk",
        ["Leefbaarometer scores"] = "Shape.Leefbaarometer",
        ["not recognised"] = "Shape.NotRecognised",
        ["niet herkend"] = "Shape.NotRecognised",
        ["unreadable"] = "Shape.Unreadable",
        ["onleesbaar"] = "Shape.Unreadable",
    };

    /// <summary>The parts <paramref name="text"/> was written from, or null when it is none of the old sentences.</summary>
    public static List<ShapePart>? Parse(string text)
    {
        if (Whole.TryGetValue(text, out var code))
        {
            return [Part(code)];
        }

        if (text is "GeoJSON" or "TopoJSON")
        {
            return [Part("Shape.BoundaryFile", text)];
        }

        if (Boundaries().Match(text) is { Success: true } b)
        {
            return
            [
                Part("Shape.Boundaries", b.Groups["format"].Value, Count(b, "count"), b.Groups["levels"].Value, b.Groups["year"].Value),
                Part(b.Groups["crs"].Value == "WGS84" ? "Shape.Wgs84" : "Shape.RdNew"),
            ];
        }

        if (Wijkprofiel().Match(text) is { Success: true } w)
        {
            List<ShapePart> parts =
            [
                Part("Shape.WijkprofielOf", w.Groups["period"].Value),
                Separated(w.Groups["delimiter"].Value),
                Part("Shape.IndexColumns", Count(w, "count"), w.Groups["columns"].Value),
            ];
            if (w.Groups["skipped"].Success)
            {
                parts.Add(Part("Shape.GroupingsSkipped", Count(w, "skipped")));
            }

            return parts;
        }

        if (Leefbaarometer().Match(text) is { Success: true } l)
        {
            return
            [
                Part("Shape.LeefbaarometerPer", l.Groups["unit"].Value, l.Groups["years"].Value),
                Part("Shape.LbmReference", l.Groups["constant"].Value),
                Part(l.Groups["dimensions"].Value == "with" ? "Shape.WithDimensions" : "Shape.WithoutDimensions"),
            ];
        }

        return ParseTable(text);
    }

    /// <summary>A table's sentence: its head, then its clauses in the order the readers appended them.</summary>
    private static List<ShapePart>? ParseTable(string text)
    {
        var head = TableHeads.FirstOrDefault(h => text.StartsWith(h.English, StringComparison.Ordinal));
        if (head.English is null)
        {
            return null;
        }

        var parts = new List<ShapePart> { Part(head.Code) };
        var rest = text[head.English.Length..];
        while (rest.Length > 0)
        {
            var clause = TableClause().Match(rest);
            if (!clause.Success)
            {
                return null;
            }

            parts.Add(clause.Groups["delimiter"].Success ? Separated(clause.Groups["delimiter"].Value)
                : clause.Groups["rows"].Success ? Part("Shape.OneRowPerAreaAndYear")
                : clause.Groups["preamble"].Success ? Part("Shape.Preamble", Count(clause, "preamble"))
                : clause.Groups["names"].Success ? Part("Shape.NamesInsteadOfCodes")
                : clause.Groups["indicators"].Success ? Part("Shape.IndicatorColumns", Count(clause, "indicators"))
                : Part("Shape.NamesWithin", clause.Groups["gemeente"].Value));
            rest = rest[clause.Length..];
        }

        return parts;
    }

    private static ShapePart Part(string code, params object[] arguments) => new(code, arguments);

    private static ShapePart Separated(string delimiter)
    {
        var character = delimiter == "tab" ? "\t" : delimiter.Trim('\'');
        return character == "\t" ? Part("Shape.TabSeparated") : Part("Shape.Separated", character);
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<format>GeoJSON|TopoJSON) boundaries: (?<count>\d+) (?<levels>[a-z/]*) polygons of division (?<year>\d+) \((?<crs>RD New, converted to WGS84|WGS84)\)$")]
    private static partial Regex Boundaries();

    [GeneratedRegex(@"^Rotterdam Wijkprofiel sheet of (?<period>\S+), (?<delimiter>'.'|tab)-separated; (?<count>\d+) index columns \((?<columns>.*?)\)(; (?<skipped>\d+) rows of Rotterdam's own groupings skipped)?$")]
    private static partial Regex Wijkprofiel();

    [GeneratedRegex(@"^Leefbaarometer scores per (?<unit>\S+), (?<years>[\d, ]+); reference lbm − afw = (?<constant>\S+); (?<dimensions>with|without) dimensions$")]
    private static partial Regex Leefbaarometer();

    [GeneratedRegex(@"^(, (?<delimiter>'.'|tab)-separated|(?<rows>, one row per area and year)|, (?<preamble>\d+) preamble line\(s\)|(?<names>, names instead of codes)|; (?<indicators>\d+) indicator columns| \(names resolved within (?<gemeente>[^)]+)\))")]
    private static partial Regex TableClause();
}
