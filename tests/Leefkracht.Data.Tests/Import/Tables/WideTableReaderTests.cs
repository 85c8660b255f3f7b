namespace Leefkracht.Data.Tests.Import.Tables;

/// <summary>Each KWB shape found in the real data, read from the bundled sample.</summary>
public sealed class WideTableReaderTests
{
    private static readonly WideTableReader Reader = new();

    [Fact]
    public void Read_KwbShortCodes_Utrecht2023_DefinesAreasAndValues()
    {
        // When
        var batch = Readers.Read(Reader, "utrecht/kwb2023_utrecht_GM0344.csv");

        // Then
        batch.Kind.ShouldBe(FileKind.KwbShortCodes);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.RowsRead.ShouldBe(122);
        batch.Areas.Count(a => a.Level == AreaLevel.Buurt).ShouldBe(111);
        batch.Areas.Count(a => a.Level == AreaLevel.Wijk).ShouldBe(10);
        batch.Areas.ShouldAllBe(a => a.Year == 2023);
        batch.Areas.Single(a => a.Code.Value == "BU03440111").Name.ShouldBe("Welgelegen, Den Hommel");
        batch.Value("BU03440111", "woz_mean").ShouldBe(430);
        batch.Value("GM0344", "population").ShouldBe(367947);
        batch.Value("GM0344", "dwellings_corporation_pct").ShouldBe(31);
        batch.Value("GM0344", "household_size").ShouldBe(1.9);
        // Income columns of the early 2023 release are '.', which is missing, not zero.
        batch.Observations.ShouldNotContain(o => o.Area.Code.Value == "GM0344" && o.IndicatorId == "income_per_inhabitant");
    }

    [Fact]
    public void Read_KwbODataKeys_DenHaag2019_ReadsCodesWithoutNames()
    {
        var batch = Readers.Read(Reader, "denhaag/kwb2019_denhaag_GM0518_84583NED.csv");

        batch.Kind.ShouldBe(FileKind.KwbOData);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Areas.Count.ShouldBe(159);
        batch.Value("GM0518", "population").ShouldBe(537833);
        batch.Value("GM0518", "woz_mean").ShouldBe(241);
        batch.Value("GM0518", "dwellings_corporation_pct").ShouldBe(31);
        batch.Value("GM0518", "income_per_inhabitant").ShouldBe(27.1);
    }

    [Fact]
    public void Read_StatLineRNames_Amsterdam2017_TrimsPaddedCodesAndKeepsTheCountryRow()
    {
        var batch = Readers.Read(Reader, "amsterdam/kwb2017_amsterdam_GM0363_statline.csv.gz");

        batch.Kind.ShouldBe(FileKind.KwbStatLine);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Areas.ShouldContain(a => a.Code == AreaCode.Nederland && a.Name == "Nederland");
        batch.Value("NL00", "population").ShouldBe(17081507);
        batch.Value("WK036300", "woz_mean").ShouldBe(341);
        batch.Value("WK036300", "dwellings_corporation_pct").ShouldBe(12);
        batch.Value("WK036300", "household_size").ShouldBe(1.4);
        batch.Areas.Single(a => a.Code.Value == "WK036300").Name.ShouldBe("Burgwallen-Oude Zijde");
    }

    [Fact]
    public void Read_SemicolonDecimalComma_Amsterdam2020_ReadsBothDecimalMarks()
    {
        var batch = Readers.Read(Reader, "amsterdam/kwb2020_amsterdam_GM0363_selection.csv");

        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Areas.ShouldAllBe(a => a.Year == 2020);
        batch.Value("GM0363", "household_size").ShouldBe(1.8);          // written "1,8"
        batch.Value("GM0363", "woz_mean").ShouldBe(416);                // written "416.0"
        batch.Value("GM0363", "income_per_recipient").ShouldBe(39.7);
        batch.Areas.Single(a => a.Code.Value == "BU03630000").Name.ShouldBe("Kop Zeedijk");
    }

    [Fact]
    public void Read_StatLineExportWithPeriodColumn_SesWoa2019_UsesThePeriodAndPaddedCodes()
    {
        var batch = Readers.Read(Reader, "amsterdam/cbs_85163NED_ses_woa_amsterdam_2019.csv");

        batch.Kind.ShouldBe(FileKind.KwbStatLine);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Observations.ShouldAllBe(o => o.Period == 2019);
        batch.Value("GM0363", "ses_woa_score").ShouldBe(-0.1);
        batch.Value("GM0363", "households_ses").ShouldBe(457400);
        batch.Value("GM0363", "education_low_pct").ShouldBe(20.8);
    }

    [Fact]
    public void Read_NationalSelection2024_ReadsAllRegions()
    {
        var batch = Readers.Read(Reader, "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz");

        batch.Kind.ShouldBe(FileKind.KwbSelection);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Areas.Count.ShouldBe(18309);
        batch.Areas.Count(a => a.Level == AreaLevel.Buurt).ShouldBe(14574);
        batch.Areas.Count(a => a.Level == AreaLevel.Gemeente).ShouldBe(342);
        batch.Value("GM0014", "population").ShouldBe(243768);
        batch.Value("GM0014", "crimes_per_1000_5y_mean").ShouldBe(57.1);
        batch.Value("BU03440111", "good_health_pct").ShouldBe(80.5);
    }

    [Fact]
    public void Read_NamesInsteadOfCodes_Heerlen2020_ResolvesEveryNameToACode()
    {
        // Given: the national 2024 names are known
        // When
        var batch = Readers.Read(Reader, "heerlen/kwb2020_heerlen_GM0917_statline.csv", Readers.National2024);

        // Then
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.RowsRead.ShouldBe(81);
        batch.Areas.Count.ShouldBe(81);
        batch.Areas.ShouldContain(a => a.Code.Value == "GM0917" && a.Year == 2020);
        batch.Areas.ShouldContain(a => a.Code.Value == "WK091742" && a.Name == "Wijk 42 De Beitel");
        batch.Value("BU09174200", "population").ShouldBe(70);
        batch.Value("GM0917", "population").ShouldBe(87086);
    }

    [Fact]
    public void Read_Heerlen2016WithoutTheDivisionOfThatYear_ReportsTheAmbiguousWijkNumber()
    {
        // Given: only 2024 names. In 2016 CBS called WK091742 "Wijk 41 De Beitel", next to WK091741.
        // When
        var batch = Readers.Read(Reader, "heerlen/kwb2016_heerlen_GM0917_statline.csv", Readers.National2024);

        // Then: the number in the name leads to WK091741 twice, which is reported, not silently merged
        batch.Issues.Issues.ShouldContain(i => i.Severity == IssueSeverity.Error && i.Code == "Import.AreaTwice" && i.Reason.Contains("gebied WK091741 staat twee keer in 2016") && i.Line == 81);
    }

    [Fact]
    public void Read_Heerlen2016WithThe2016Division_ResolvesTheMisnumberedWijkByName()
    {
        // Given: the 2016 wijk names (as the 2016 CBS wijk boundaries provide them)
        Area[] known = [.. Readers.National2024, new(AreaCode.Parse("WK091742"), 2016, "Wijk 41 De Beitel"), new(AreaCode.Parse("WK091741"), 2016, "Wijk 41 Heerlerbaan-Schil")];

        // When
        var batch = Readers.Read(Reader, "heerlen/kwb2016_heerlen_GM0917_statline.csv", known);

        // Then
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Areas.ShouldContain(a => a.Code.Value == "WK091742" && a.Year == 2016 && a.Name == "Wijk 41 De Beitel");
        batch.Value("BU09174200", "population").ShouldBe(70);
        batch.RowsSkipped.ShouldBe(1); // "Bron: CBS"
    }

    [Fact]
    public void Read_NamesOfAnUnknownGemeente_AsksForTheGemeente()
    {
        var batch = Readers.Read(Reader, "heerlen/kwb2020_heerlen_GM0917_statline.csv");

        batch.Issues.Issues.ShouldContain(i => i.Code == "Import.NamesWithoutGemeente" && i.Reason.Contains("geef --gemeente", StringComparison.Ordinal) && i.Value == "Heerlen");
    }

    [Fact]
    public void Read_PoliceSeries_AttachesYearsToTheDivisionThatHasTheCodes()
    {
        // When
        var batch = Readers.Read(Reader, "national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz", Readers.National2024);

        // Then
        batch.Kind.ShouldBe(FileKind.AreaPeriodTable);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Areas.ShouldBeEmpty();
        batch.Observations.Count.ShouldBe(74180);
        batch.Observations.ShouldAllBe(o => o.Area.Year == 2024);
        batch.Value("BU03440111", "crimes_registered", 2021).ShouldBe(145);
        batch.Value("BU03440111", "crimes_registered", 2025).ShouldBe(181);
        batch.Issues.Issues.ShouldContain(i => i.Code == "Import.OtherDivision" && i.Reason.Contains("waarden van 2021 gekoppeld aan gebieden van de indeling van 2024"));
    }

    [Fact]
    public void Read_PoliceSeriesWithoutKnownAreas_RejectsUnknownCodes()
    {
        var batch = Readers.Read(Reader, "national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz");

        batch.RowsRejected.ShouldBe(74180);
        var first = batch.Issues.Issues.First(i => i.Severity == IssueSeverity.Error);
        first.Code.ShouldBe("Import.NotInAnyDivision");
        first.Reason.ShouldStartWith("onbekende gebiedscode: GM0014 staat in geen enkele geïmporteerde indeling");
        first.Line.ShouldBe(2);
        first.ColumnName.ShouldBe("code");
    }

    [Fact]
    public void Read_PanelWithEuroColumn_ConvertsToThousands()
    {
        var batch = Readers.Read(Reader, "national/kwb2020-2025_gemeente_housing_panel.csv.gz");

        batch.Kind.ShouldBe(FileKind.KwbShortCodes);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Value("GM0003", "woz_mean", 2020).ShouldBe(155);
        batch.Areas.Single(a => a.Code.Value == "GM0003" && a.Year == 2020).Name.ShouldBe("Appingedam");
    }

    [Fact]
    public void Read_ValueInAnotherUnit_IsOutOfRange()
    {
        // Given: WOZ in euros under the short code that means thousands of euros
        const string Text = "gwb_code_10,regio,g_wozbag\nGM0344,Utrecht,458000\n";

        // When
        var batch = Readers.ReadText(Reader, "kwb2023_test.csv", Text);

        // Then
        var issue = batch.Issues.Issues.Single(i => i.Severity == IssueSeverity.Error);
        issue.Line.ShouldBe(2);
        issue.ColumnNumber.ShouldBe(3);
        issue.Value.ShouldBe("458000");
        issue.Code.ShouldBe("Import.OutOfRange");
        issue.Reason.ShouldBe("buiten het aannemelijke bereik 0–10000 van woz_mean (duizenden euro's); staat de kolom in een andere eenheid?");
        issue.ToString().ShouldBe("fout in kwb2023_test.csv, regel 2, kolom 3 (g_wozbag), waarde '458000': " + issue.Reason);
        using var english = UiLanguage.English();
        var inEnglish = Readers.ReadText(Reader, "kwb2023_test.csv", Text).Issues.Issues.Single(i => i.Severity == IssueSeverity.Error);
        inEnglish.Code.ShouldBe("Import.OutOfRange");
        inEnglish.ToString().ShouldBe("error in kwb2023_test.csv, line 2, column 3 (g_wozbag), value '458000': outside the plausible range 0–10000 of woz_mean (thousands of euros); is the column in another unit?");
    }

    [Fact]
    public void Read_NoYearAnywhere_AsksForYear()
    {
        var batch = Readers.ReadText(Reader, "utrecht.csv", "gwb_code_10,regio,a_inw\nGM0344,Utrecht,1\n");

        batch.Issues.Issues.Single().Reason.ShouldContain("geef --year");
        Readers.ReadText(Reader, "utrecht.csv", "gwb_code_10,regio,a_inw\nGM0344,Utrecht,1\n", options: new ImportOptions { Year = 2023 })
            .Observations.Single().Period.ShouldBe(2023);
    }
}
