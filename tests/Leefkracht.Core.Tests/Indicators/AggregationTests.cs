using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Tests.Geography;

namespace Leefkracht.Core.Tests.Indicators;

/// <summary>
/// <see cref="Aggregation.FillFromBuurten"/> on the real KWB 2019 table of Den Haag (84583NED: 44 wijken, 114
/// buurten), where CBS publishes each wijk's own value to compare with: the wijk's values are removed, filled from its
/// buurten, and set against what CBS published for the wijk.
/// </summary>
public sealed class AggregationTests
{
    private static readonly IndicatorCatalog Catalog = new(
        [
            new("population", "Aantal inwoners", "Inhabitants", IndicatorUnit.Count, "bevolking", null, Direction.Neutral, "CBS", "a_inw"),
            new("households", "Huishoudens", "Households", IndicatorUnit.Count, "huishoudens", null, Direction.Neutral, "CBS", "a_hh"),
            new("household_size", "Gemiddelde huishoudensgrootte", "Average household size", IndicatorUnit.Count, "huishoudens", null, Direction.Neutral, "CBS", "g_hhgro"),
            new("cars_per_household", "Personenauto's per huishouden", "Cars per household", IndicatorUnit.PerHousehold, "mobiliteit", null, Direction.Neutral, "CBS", "g_pau_hh"),
            new("schools_within_3km", "Scholen binnen 3 km", "Schools within 3 km", IndicatorUnit.Count, "voorzieningen", null, Direction.Neutral, "CBS", "g_3km_sc"),
        ],
        []);

    // The 84583NED keys of those indicators.
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["AantalInwoners_5"] = "population",
        ["HuishoudensTotaal_28"] = "households",
        ["GemiddeldeHuishoudensgrootte_32"] = "household_size",
        ["PersonenautoSPerHuishouden_102"] = "cars_per_household",
        ["ScholenBinnen3Km_109"] = "schools_within_3km",
    };

    [Fact]
    public void AveragesOfWijken_FilledFromBuurten_AreWeightedMeans_CloseToWhatCbsPublishes()
    {
        // Given: the real buurten and wijken of Den Haag 2019, with the wijken's own values taken out
        var rows = DenHaag2019();
        var published = rows.Where(r => r.Code.Level == AreaLevel.Wijk).ToDictionary(r => r.Code, r => r.Values);
        var builder = new IndicatorTable.Builder(2019);
        foreach (var (code, values) in rows.Where(r => r.Code.Level == AreaLevel.Buurt))
        {
            foreach (var (indicator, value) in values)
            {
                builder.Set(new AreaKey(code, 2019), indicator, value);
            }
        }

        // When the wijken are filled from their buurten
        var (table, filled) = Aggregation.FillFromBuurten(builder.Build(), Catalog);

        // Then: household size and cars per household are the household-weighted means of the buurten, and schools
        // within 3 km the inhabitant-weighted mean: within CBS's rounding of the wijk's own figure (one decimal), where
        // a sum would be several times too large
        var compared = 0;
        foreach (var (wijk, own) in published)
        {
            var row = table.RowOf(new AreaKey(wijk, 2019));
            foreach (var (indicator, tolerance) in new[] { ("household_size", 0.1), ("cars_per_household", 0.1), ("schools_within_3km", 1.0) })
            {
                if (own.TryGetValue(indicator, out var cbs) && filled.Contains((new AreaKey(wijk, 2019), indicator)))
                {
                    table.Column(indicator)[row].ShouldBe(cbs, tolerance, $"{wijk} {indicator}");
                    compared++;
                }
            }
        }

        compared.ShouldBeGreaterThan(80);
    }

    [Fact]
    public void AnAverageOverHouseholds_WithoutHouseholdsInTheTable_IsLeftEmpty()
    {
        // Given the Den Haag buurten without their household counts
        var builder = new IndicatorTable.Builder(2019);
        foreach (var (code, values) in DenHaag2019().Where(r => r.Code.Level == AreaLevel.Buurt))
        {
            foreach (var (indicator, value) in values.Where(v => v.Key != "households"))
            {
                builder.Set(new AreaKey(code, 2019), indicator, value);
            }
        }

        var (table, filled) = Aggregation.FillFromBuurten(builder.Build(), Catalog);

        // Then no wijk gets a household size (no weights to average with), while inhabitants are still summed
        filled.ShouldNotContain(f => f.Indicator == "household_size" || f.Indicator == "cars_per_household");
        filled.ShouldContain(f => f.Indicator == "population" && f.Area.Code.Level == AreaLevel.Wijk);
        table.Column("household_size")[table.RowOf(new AreaKey(AreaCode.Parse("WK051802"), 2019))].ShouldBe(double.NaN);
    }

    /// <summary>The real Den Haag table (a test fixture): each area's code and its values of the catalog above.</summary>
    private static List<(AreaCode Code, Dictionary<string, double> Values)> DenHaag2019()
    {
        var path = Path.Combine(ProjReferencePoint.FindRepositoryRoot(), "tests", "Leefkracht.Testing", "Fixtures", "Sources", "kwb2019_denhaag_GM0518_84583NED.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var code = Array.IndexOf(header, "WijkenEnBuurten");
        var rows = new List<(AreaCode, Dictionary<string, double>)>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (key, indicator) in Keys)
            {
                if (double.TryParse(cells[Array.IndexOf(header, key)], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    values[indicator] = value;
                }
            }

            rows.Add((AreaCode.Parse(cells[code].Trim()), values));
        }

        return rows;
    }
}
