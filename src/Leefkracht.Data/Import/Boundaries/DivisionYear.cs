using System.Text.RegularExpressions;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// Decides which year's division (gebiedsindeling) a boundary file describes: the <c>--year</c> option;
/// else the year in CBS's <c>jrstatcode</c> property (<c>2017WK198703</c>); else a single 20xx year in the
/// file name (<c>cbs_wijk_2016_nl_rd.geojson</c>); else the user has to say.
/// </summary>
internal static partial class DivisionYear
{
    /// <summary>Resolves the year and logs where it came from, or logs a file error.</summary>
    /// <returns>The year, or <see langword="null"/> after a file error.</returns>
    public static int? Resolve(int? option, IEnumerable<BoundaryFeature> features, string fileName, IssueLog issues)
    {
        var fromProperty = features
            .Select(feature => AreaProperties.Find(feature, "jrstatcode"))
            .Select(value => value is { Length: >= 4 } && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : (int?)null)
            .OfType<int>()
            .Distinct()
            .Order()
            .ToList();

        if (option is { } given)
        {
            if (fromProperty.Count > 0 && !fromProperty.SequenceEqual([given]))
            {
                issues.Warning(null, null, "jrstatcode", Years(fromProperty), $"the file's jrstatcode says {Years(fromProperty)}, but --year {given} was given; the boundaries are stored for {given}");
            }

            return given;
        }

        if (fromProperty.Count == 1)
        {
            issues.Info(null, null, "jrstatcode", null, $"division year {fromProperty[0]} taken from the jrstatcode property");
            return fromProperty[0];
        }

        if (fromProperty.Count > 1)
        {
            issues.FileError($"the jrstatcode property holds several years ({Years(fromProperty)}); split the file or pass --year");
            return null;
        }

        var inName = YearInName().Matches(fileName).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (inName.Count == 1)
        {
            issues.Info(null, null, null, null, $"division year {inName[0]} taken from the file name");
            return inName[0];
        }

        issues.FileError($"cannot tell which year's division the boundaries belong to: there is no jrstatcode property and the file name {(inName.Count == 0 ? "holds no year 20xx" : $"holds several years ({string.Join(", ", inName)})")}; pass --year");
        return null;
    }

    private static string Years(IEnumerable<int> years) => string.Join(", ", years);

    [GeneratedRegex(@"(?<![0-9])20[0-9]{2}(?![0-9])")]
    private static partial Regex YearInName();
}
