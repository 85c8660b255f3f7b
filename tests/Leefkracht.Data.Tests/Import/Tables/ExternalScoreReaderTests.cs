namespace Leefkracht.Data.Tests.Import.Tables;

/// <summary>The Rotterdam Wijkprofiel sheets and the ELAN wijk profiles of Haaglanden, as the sample holds them.</summary>
public sealed class ExternalScoreReaderTests
{
    [Fact]
    public void Wijkprofiel_SocialIndex2016_IsAttachedToRotterdamsCbsBuurten()
    {
        // When
        var batch = Readers.Read(new WijkprofielReader(), "rotterdam/wijkprofiel_datastructuur_2016__si_2016.csv.gz", Readers.National2024);

        // Then: 63 wijken are CBS buurten; the 23 gebieden, city and Rotterdam's own combinations are skipped
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Kind.ShouldBe(FileKind.ExternalScores);
        batch.RowsRead.ShouldBe(86);
        batch.RowsSkipped.ShouldBe(23);
        batch.Observations.Select(o => o.Area.Code).Distinct().Count().ShouldBe(63);
        batch.Observations.ShouldAllBe(o => o.Period == 2016 && o.Area.Year == 2024);
        batch.Value("BU05991571", "wijkprofiel_social_index").ShouldBe(78.85551727144293); // Tarwewijk, wijk 71
        batch.Value("BU05991571", "wijkprofiel_social_subjective").ShouldBe(84.519891480009);
        batch.Value("BU05990111", "wijkprofiel_social_index").ShouldBeGreaterThan(0); // Oude Westen, wijk 11
    }

    [Fact]
    public void Wijkprofiel_WijkWithAnotherCbsName_IsFoundByItsNumberWithANote()
    {
        var batch = Readers.Read(new WijkprofielReader(), "rotterdam/wijkprofiel_datastructuur_2016__vi_2016.csv.gz", Readers.National2024);

        // "Zuiderpark en Zuidrand" (wijk 78) is CBS buurt BU05991578 "Zuiderpark"
        batch.Value("BU05991578", "wijkprofiel_safety_index").ShouldBe(67.84170269397346);
        batch.Issues.Issues.ShouldContain(i => i.Value == "Zuiderpark en Zuidrand" && i.Reason.Contains("gevonden aan het nummer (BU05991578 'Zuiderpark')", StringComparison.Ordinal));
        batch.Issues.Issues.ShouldContain(i => i.Value == "3004 OudMathenesse/Witte Dorp" && i.Code == "Import.WijkprofielGrouping" && i.Reason.StartsWith("eigen indeling van Rotterdam", StringComparison.Ordinal));
    }

    [Fact]
    public void Wijkprofiel_IsDetectedFromItsContent()
    {
        var detection = FileKindDetector.Detect(Leefkracht.Data.Import.Text.SourceFile.Read(TestData.Sample("rotterdam/wijkprofiel_datastructuur_2016__fi_obj_2014.csv.gz")), Leefkracht.Data.Catalog.CatalogDocument.Default);

        detection.Reader.ShouldBeOfType<WijkprofielReader>();
        detection.Phase.ShouldBe(ImportPhase.ReferringTables);
    }

    [Fact]
    public void Wijkprofiel_WithoutYearOrWithUnknownWijk_SaysWhere()
    {
        // Given: the year cell is empty, and a wijk that no CBS buurt matches
        const string Text = """
            ,,in hoefijzer = 1,1,1
            naam gebied (voormalig deelgemeente),wijknr,BUURT85,SI,SIs
            ,,,Sociale Index,Sociale Index subjectief
            Charlois,71,Tarwewijk,78.8,84.5
            """;
        const string UnknownWijk = """
            ,2016,in hoefijzer = 1,1,1
            naam gebied (voormalig deelgemeente),wijknr,BUURT85,SI,SIs
            ,,,Sociale Index,Sociale Index subjectief
            Charlois,97,Nergenshuizen,78.8,84.5
            Charlois,71,Tarwewijk,abc,84.5
            """;

        // When
        var noYear = Readers.ReadText(new WijkprofielReader(), "wp.csv", Text, Readers.National2024);
        var unknown = Readers.ReadText(new WijkprofielReader(), "wp.csv", UnknownWijk, Readers.National2024);

        // Then
        noYear.Issues.Issues.Single().ShouldSatisfyAllConditions(
            i => i.Line.ShouldBe(1),
            i => i.ColumnNumber.ShouldBe(2),
            i => i.Reason.ShouldContain("tweede cel van regel 1"));
        unknown.Issues.ErrorCount.ShouldBe(2);
        unknown.Issues.Issues[0].ShouldSatisfyAllConditions(i => i.Line.ShouldBe(4), i => i.Value.ShouldBe("Nergenshuizen"), i => i.Reason.ShouldContain("geen CBS-buurt van GM0599 heet 'Nergenshuizen' of heeft een code die eindigt op 97"));
        unknown.Issues.Issues[1].ShouldSatisfyAllConditions(i => i.Line.ShouldBe(5), i => i.ColumnNumber.ShouldBe(4), i => i.Value.ShouldBe("abc"));
    }

    [Fact]
    public void Elan_FractionsArePercentagesAndZerosAreMissing()
    {
        // Given: the Den Haag 2019 KWB and the national 2024 table define the wijken ELAN refers to
        var known = Readers.National2024.Concat(Readers.Read(new WideTableReader(), "denhaag/kwb2019_denhaag_GM0518_84583NED.csv").Areas);

        // When
        var batch = Readers.Read(new WideTableReader(), "denhaag/elan_haaglanden_wijk_social_health_2009-2022.csv.gz", known);

        // Then
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Kind.ShouldBe(FileKind.AreaPeriodTable);
        batch.RowsSkipped.ShouldBe(2); // "WK1916--, Wijk onbekend" in 2009 and 2010
        batch.Issues.Issues.ShouldContain(i => i.Value == "WK1916--" && i.Code == "Import.Placeholder" && i.Reason.StartsWith("vervangende code", StringComparison.Ordinal));
        batch.Value("WK051838", "persons_low_income_pct", 2022).ShouldBe(7.903123008285533, 1e-12);
        batch.Value("WK051838", "population_elan", 2022).ShouldBe(47070);

        // ELAN writes 0 for the low-income share of 2009 (not yet available): no value, not a zero
        batch.Observations.ShouldNotContain(o => o.Area.Code.Value == "WK051838" && o.Period == 2009 && o.IndicatorId == "persons_low_income_pct");
        batch.Issues.Issues.ShouldContain(i => i.Code == "Import.ZerosAsMissing" && i.Reason.Contains("nullen gelezen als ontbrekend", StringComparison.Ordinal));

        // Den Haag's wijken exist in the 2019 division, the neighbouring gemeenten' only in 2024
        batch.Observations.Where(o => o.Area.Code.Value.StartsWith("WK0518", StringComparison.Ordinal) && o.Period <= 2019).ShouldAllBe(o => o.Area.Year == 2019);
        batch.Observations.Where(o => o.Area.Code.Value.StartsWith("WK0603", StringComparison.Ordinal)).ShouldAllBe(o => o.Area.Year == 2024);
    }
}
