using System.Globalization;
using System.Text.Json.Nodes;

namespace Leefkracht.Testing;

/// <summary>
/// Nabijheid voorzieningen 2024 (86134NED) in the fake StatLine feed: the table's keys as a public reader of it names
/// them (<c>Fixtures/Sources/nabijheid-keys</c>), with the real 2024 distances of one gemeente's areas where the
/// bundled KWB 2024 selection has them.
/// </summary>
public sealed partial class FakeSources
{
    /// <summary>The 2024 Nabijheid voorzieningen table.</summary>
    public const string Nabijheid2024 = "86134NED";

    /// <summary>The bundled KWB 2024 selection for every area (CBS 85984NED), whose distances the fake serves.</summary>
    public const string Kwb2024Selection = "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz";

    /// <summary>
    /// The keys of 86134NED whose figures the fake serves, and the selection's column with the real figure. The KWB
    /// 2024 figures are the nabijheid statistics CBS carries into the Kerncijfers; whether 86134NED gives exactly
    /// these figures could not be checked here. The selection has no distance to childcare, so
    /// <c>AfstandTotKinderdagverblijf_52</c>, like every other key, is served without figures.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Nabijheid2024Figures { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AfstandTotHuisartsenpraktijk_5"] = "afstandHuisarts",
        ["AfstandTotGroteSupermarkt_24"] = "afstandSupermarkt",
        ["AfstandTotSchool_60"] = "afstandSchool",
        ["Binnen3Km_62"] = "scholenBinnen3km",
    };

    /// <summary>The keys of a year's Nabijheid table as the public source in its key file names them.</summary>
    public static List<string> NabijheidKeys(int year) =>
        [.. File.ReadLines(Directory.GetFiles(Fixture("nabijheid-keys"), $"nabijheid{year}_*NED_keys.txt").Single())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>The unit StatLine states for a topic of this table: km for a distance, aantal for a count within a radius.</summary>
    public static string? NabijheidUnit(string key) =>
        key.StartsWith("AfstandTot", StringComparison.Ordinal) ? "km" : key.StartsWith("Binnen", StringComparison.Ordinal) ? "aantal" : null;

    /// <summary>Serves 86134NED for the areas of <paramref name="gemeente"/> (GMxxxx), in StatLine's format and pages.</summary>
    public void ServeNabijheid2024(string gemeente)
    {
        var keys = NabijheidKeys(2024);
        var rows = SampleRows(Kwb2024Selection).Where(r => r["gm_code"] == gemeente).Select((r, index) =>
        {
            // The title is the region dimension's, not a column of the data set.
            var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["ID"] = index.ToString(CultureInfo.InvariantCulture), [TitleColumn] = r["name"] };
            foreach (var key in keys)
            {
                row[key] = key == "WijkenEnBuurten" ? r["code"] : Nabijheid2024Figures.TryGetValue(key, out var column) ? r[column] : ".";
            }

            return row;
        }).ToList();

        // DataProperties in StatLine's shape; the titles are the keys (the table's own titles were not at hand).
        var properties = new JsonArray();
        for (var i = 0; i < keys.Count; i++)
        {
            var type = keys[i] == "WijkenEnBuurten" ? "GeoDetail" : "Topic";
            properties.Add(new JsonObject { ["odata.type"] = $"Cbs.OData.{type}", ["ID"] = i, ["Position"] = i, ["ParentID"] = null, ["Type"] = type, ["Key"] = keys[i], ["Title"] = keys[i], ["Description"] = string.Empty, ["Unit"] = NabijheidUnit(keys[i]) });
        }

        Serve(Nabijheid2024, rows, properties);
    }
}
