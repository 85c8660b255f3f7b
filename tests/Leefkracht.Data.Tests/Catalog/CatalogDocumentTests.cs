using System.Text;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Data.Tests.Catalog;

public sealed class CatalogDocumentTests
{
    private static readonly IndicatorCatalog Catalog = CatalogDocument.Default.Catalog;

    [Theory]
    [InlineData("p_wcorpw")]                                                                // kwb-2023 xlsx short code
    [InlineData("InBezitWoningcorporatie_42")]                                              // OData key, KWB 2019 (84583NED)
    [InlineData("InBezitWoningcorporatie_49")]                                              // OData key, KWB 2024 (85984NED)
    [InlineData("Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....")] // R make.names of the StatLine header
    [InlineData("Wonen_Woningen_naar_eigendom_Huurwoningen_In_bezit_woningcorporatie")]     // flattened StatLine path (Heerlen)
    public void TryResolveColumn_EveryVariantOfCorporationShare_IsTheSameIndicator(string header)
    {
        Catalog.TryResolveColumn(header, out var alias).ShouldBeTrue();
        alias!.IndicatorId.ShouldBe("dwellings_corporation_pct");
        Catalog[alias.IndicatorId].Unit.ShouldBe(IndicatorUnit.Percent);
        Catalog[alias.IndicatorId].Dimension.ShouldBe(LivabilityDimension.Woningvoorraad);
    }

    [Theory]
    [InlineData("a_inw", "population")]
    [InlineData("AantalInwoners_5", "population")]
    [InlineData("g_ink_pi", "income_per_inhabitant")]
    [InlineData("p_hh_li", "households_lowest_40pct_income_pct")]
    [InlineData("p_hh_osm", "households_social_minimum_pct")]
    [InlineData("Inkomen_Inkomen_van_huishoudens_40proc_huishoudens_met_laagste_inkomen", "households_lowest_40pct_income_pct")]
    [InlineData("Inkomen|Inkomen van huishoudens|40% huishoudens met laagste inkomen", "households_lowest_40pct_income_pct")]
    [InlineData("Zorg_Wmo_cliënten_", "wmo_clients")]
    [InlineData("Zorg_Wmo_clienten", "wmo_clients")]
    [InlineData("Appartement_48", "electricity_apartment")]
    [InlineData("Appartement_56", "gas_apartment")]
    public void TryResolveColumn_KnownVariant_MapsToIndicator(string header, string indicator)
    {
        Catalog.TryResolveColumn(header, out var alias).ShouldBeTrue();
        alias!.IndicatorId.ShouldBe(indicator);
    }

    [Fact]
    public void TryResolveColumn_EuroColumnOfThePanel_IsScaledToThousands()
    {
        Catalog.TryResolveColumn("g_wozbag_euro", out var alias).ShouldBeTrue();
        alias!.IndicatorId.ShouldBe("woz_mean");
        alias.Scale.ShouldBe(0.001);
    }

    [Theory]
    [InlineData("utrecht/kwb2023_utrecht_GM0344.csv")]
    [InlineData("utrecht/kwb2024_utrecht_GM0344.csv")]
    [InlineData("denhaag/kwb2019_denhaag_GM0518_84583NED.csv")]
    [InlineData("amsterdam/kwb2017_amsterdam_GM0363_statline.csv.gz")]
    [InlineData("amsterdam/kwb2019_amsterdam_GM0363_statline.csv.gz")]
    [InlineData("amsterdam/kwb2020_amsterdam_GM0363_selection.csv")]
    [InlineData("amsterdam/kwb2024_amsterdam_GM0363_selection.csv")]
    [InlineData("amsterdam/cbs_85163NED_ses_woa_amsterdam_2019.csv")]
    [InlineData("heerlen/kwb2016_heerlen_GM0917_statline.csv")]
    [InlineData("heerlen/kwb2017_heerlen_GM0917_statline.csv")]
    [InlineData("heerlen/kwb2018_heerlen_GM0917_statline.csv")]
    [InlineData("heerlen/kwb2019_heerlen_GM0917_statline.csv")]
    [InlineData("heerlen/kwb2020_heerlen_GM0917_statline.csv")]
    [InlineData("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz")]
    [InlineData("national/kwb2024_nl_all_regions_population.csv.gz")]
    [InlineData("national/kwb2020-2025_gemeente_housing_panel.csv.gz")]
    [InlineData("national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz")]
    [InlineData("national/rivm_50150NED_goed_ervaren_gezondheid_2012-2024.csv.gz")]
    public void Header_OfEverySampleTable_IsFullyMapped(string sample)
    {
        // Given: the real header row of a sample file
        var text = TestData.SampleText(sample);
        var records = CsvParser.Records(text, CsvParser.DetectDelimiter(text)!.Value).Take(30).ToList();
        var log = new Leefkracht.Data.Import.IssueLog(sample);

        // When
        var layout = TableLayout.Find(records, CatalogDocument.Default, log);

        // Then: every column is an indicator, a structural column or deliberately ignored; none unknown
        layout.ShouldNotBeNull();
        (layout.CodeColumn ?? layout.NameColumn).ShouldNotBeNull();
        layout.Indicators.Count.ShouldBeGreaterThan(0);
        log.Issues.Where(i => i.Reason.Contains("not in the indicator catalog", StringComparison.Ordinal)).ShouldBeEmpty();
        log.Issues.Where(i => i.Reason.Contains("already supplies", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Parse_AliasesThatCollideAfterNormalisation_AreRefused()
    {
        // Given: two indicators claiming the same column name in different spellings
        const string Json = """
            { "indicators": [
              { "id": "a", "nl": "A", "en": "A", "unit": "Count", "theme": "t", "dimension": null, "direction": "Neutral", "source": "s", "aliases": ["Zorg_Wmo_cliënten"] },
              { "id": "b", "nl": "B", "en": "B", "unit": "Count", "theme": "t", "dimension": null, "direction": "Neutral", "source": "s", "aliases": ["zorg wmo clienten"] }
            ] }
            """;

        // When
        var exception = Should.Throw<ArgumentException>(() => CatalogDocument.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Json))));

        // Then
        exception.Message.ShouldContain("same column name after normalisation");
    }

    [Fact]
    public void Parse_UnknownUnit_SaysWhichIndicator()
    {
        const string Json = """{ "indicators": [ { "id": "a", "nl": "A", "en": "A", "unit": "Furlongs", "theme": "t", "direction": "Neutral", "source": "s", "aliases": [] } ] }""";
        Should.Throw<InvalidDataException>(() => CatalogDocument.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Json))))
            .Message.ShouldContain("indicator #1: 'unit' value 'Furlongs'");
    }

    [Fact]
    public void Default_EveryIndicator_HasDutchAndEnglishNamesAndASource()
    {
        Catalog.Indicators.Count.ShouldBeGreaterThan(130);
        Catalog.Indicators.ShouldAllBe(i => i.NameNl.Length > 0 && i.NameEn.Length > 0 && i.Source.Length > 0);
        Catalog.Indicators.Where(i => i.Unit == IndicatorUnit.Percent).ShouldAllBe(i => i.Range != null && i.Range.Maximum == 100);
    }

    [Fact]
    public void Documentation_ListsEveryIndicator()
    {
        var docs = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "indicators.md"));
        Catalog.Indicators.Where(i => !docs.Contains($"| `{i.Id}` |", StringComparison.Ordinal)).Select(i => i.Id).ShouldBeEmpty();
    }
}
