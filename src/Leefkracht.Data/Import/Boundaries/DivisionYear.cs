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
                issues.Warning(null, null, "jrstatcode", Years(fromProperty), ImportWords.Reason("Year.Differs", Years(fromProperty), given));
            }

            return given;
        }

        if (fromProperty.Count == 1)
        {
            issues.Info(null, null, "jrstatcode", null, ImportWords.Reason("Year.FromProperty", fromProperty[0]));
            return fromProperty[0];
        }

        if (fromProperty.Count > 1)
        {
            issues.FileError(ImportWords.Reason("Year.Several", Years(fromProperty)));
            return null;
        }

        var inName = YearInName().Matches(fileName).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (inName.Count == 1)
        {
            issues.Info(null, null, null, null, ImportWords.Reason("Year.FromName", inName[0]));
            return inName[0];
        }

        var nameSays = inName.Count == 0 ? ImportWords.Words["Year.NameWithoutYear"] : ImportWords.Words.Format("Year.NameWithYears", Years(inName));
        issues.FileError(ImportWords.Reason("Year.Unknown", nameSays));
        return null;
    }

    private static string Years(IEnumerable<int> years) => string.Join(", ", years);

    [GeneratedRegex(@"(?<![0-9])20[0-9]{2}(?![0-9])")]
    private static partial Regex YearInName();
}
