namespace Leefkracht.Data.Tests.Import.Tables;

public sealed class LongAndCrosswalkReaderTests
{
    [Fact]
    public void LongTable_RealValues_AreAttachedToKnownAreas()
    {
        // Given: figures from the real police and health series, as a long table with catalog ids and aliases
        const string Text = """
            area_code,year,indicator,value
            BU03440111,2021,crimes_registered,145
            BU03440111,2024,goed_ervaren_gezondheid_pct,80.5
            GM0344,2024,a_inw,374238
            """;

        // When
        var batch = Readers.ReadText(new LongTableReader(), "long.csv", Text, Readers.National2024);

        // Then
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Observations.Count.ShouldBe(3);
        batch.Value("BU03440111", "crimes_registered").ShouldBe(145);
        batch.Value("BU03440111", "good_health_pct").ShouldBe(80.5);
        batch.Observations.ShouldAllBe(o => o.Area.Year == 2024);
    }

    [Fact]
    public void LongTable_UnknownCodeAndIndicator_AreRejectedWithTheirPlace()
    {
        const string Text = """
            area_code,year,indicator,value
            BU99999999,2024,population,10
            BU03440111,2024,happiness,7
            BU0344011,2024,population,10
            """;

        var batch = Readers.ReadText(new LongTableReader(), "long.csv", Text, Readers.National2024);

        batch.RowsRejected.ShouldBe(3);
        batch.Issues.Issues[0].ShouldSatisfyAllConditions(
            i => i.Line.ShouldBe(2),
            i => i.ColumnNumber.ShouldBe(1),
            i => i.Value.ShouldBe("BU99999999"),
            i => i.Code.ShouldBe("Import.NotInAnyDivision"),
            i => i.Reason.ShouldStartWith("onbekende gebiedscode: BU99999999"));
        batch.Issues.Issues[1].ShouldSatisfyAllConditions(i => i.Line.ShouldBe(3), i => i.ColumnNumber.ShouldBe(3), i => i.Code.ShouldBe("Import.UnknownIndicator"), i => i.Reason.ShouldStartWith("onbekende indicator"));
        batch.Issues.Issues[2].Code.ShouldBe("Import.InvalidCode");
        batch.Issues.Issues[2].Reason.ShouldContain("verwacht BU gevolgd door 8 tekens");
    }

    [Fact]
    public void Crosswalk_Grenswijzigingen_ReadsAllCellsWithPrefixedCodes()
    {
        // When
        var batch = Readers.Read(new CrosswalkReader(), "crosswalks/grenswijzigingen_gemeente_wijk_2016-2024_adressen.csv.gz");

        // Then
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.CrosswalkLinks.Count.ShouldBe(91368);
        batch.CrosswalkLinks.ShouldContain(l => l.Level == AreaLevel.Gemeente && l.FromYear == 2016 && l.ToYear == 2017
            && l.From.Value == "GM0025" && l.To.Value == "GM0022" && l.Addresses == 1 && l.Variant == "pc6_huisnummer");
        batch.CrosswalkLinks.Where(l => l.Level == AreaLevel.Wijk).ShouldAllBe(l => l.From.Level == AreaLevel.Wijk && l.To.Level == AreaLevel.Wijk);
    }
}
