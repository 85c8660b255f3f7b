namespace Leefkracht.Data.Tests.Import;

/// <summary>
/// An import's shape is stored as codes and worded when it is read, in the reader's language; the English sentences
/// older versions stored are read back into the same words (docs/localization.md).
/// </summary>
public sealed class ImportShapeTests : StoreAndFolderTest
{
    [Fact]
    public async Task Import_StoresTheShapeAsCodes_AndEachReaderSeesItInTheirLanguage()
    {
        // Given: the real KWB table of Utrecht, 2024, imported into a real store
        await using var store = Store.Open();
        var report = (await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2024_utrecht_GM0344.csv"))).Single();
        report.Outcome.ShouldBe(ImportOutcome.Stored);

        // When: the store's row is read back
        var stored = (await store.ListImportsAsync(TestContext.Current.CancellationToken)).Single().Shape;

        // Then: codes, no language; worded in Dutch by default and in English on request, as the report said it
        stored.ShouldStartWith("[[\"Shape.");
        var shape = ImportShape.Read(stored);
        shape.Describe().ShouldBe(report.Shape);
        shape.Describe().ShouldContain("indicatorkolommen");
        PageWords(shape.Describe()).ShouldNotContain("columns");
        using (UiLanguage.English())
        {
            shape.Describe().ShouldContain("indicator columns");
        }
    }

    [Theory]
    [InlineData(
        "GeoJSON boundaries: 2979 wijk polygons of division 2016 (RD New, converted to WGS84)",
        "GeoJSON-grenzen: 2.979 polygonen (wijk) van de indeling van 2016, RD New, omgezet naar WGS84",
        "GeoJSON boundaries: 2,979 wijk polygons of division 2016, RD New, converted to WGS84")]
    [InlineData(
        "KWB with kwb-YYYY short codes, ';'-separated; 112 indicator columns",
        "KWB met korte codes (kwb-JJJJ), gescheiden door ‘;’, 112 indicatorkolommen",
        "KWB with kwb-YYYY short codes, ‘;’-separated, 112 indicator columns")]
    [InlineData(
        "StatLine export with Dutch headers, tab-separated, 3 preamble line(s), names instead of codes; 4 indicator columns (names resolved within GM0344)",
        "StatLine-export met Nederlandse kolomkoppen, gescheiden door tabs, 3 inleidende regel(s), namen in plaats van codes, 4 indicatorkolommen, namen opgezocht binnen GM0344",
        "StatLine export with Dutch headers, tab-separated, 3 preamble line(s), names instead of codes, 4 indicator columns, names resolved within GM0344")]
    [InlineData(
        "Rotterdam Wijkprofiel sheet of 2016, ';'-separated; 2 index columns (SOC, FYS); 14 rows of Rotterdam's own groupings skipped",
        "blad van het Rotterdamse Wijkprofiel van 2016, gescheiden door ‘;’, 2 indexkolommen (SOC, FYS), 14 rijen met Rotterdams eigen indelingen overgeslagen",
        "Rotterdam Wijkprofiel sheet of 2016, ‘;’-separated, 2 index columns (SOC, FYS), 14 rows of Rotterdam's own groupings skipped")]
    [InlineData(
        "Leefbaarometer scores per wk_code, 2018, 2020; reference lbm − afw = 4.1; with dimensions",
        "scores van de Leefbaarometer per wk_code, 2018, 2020, referentie lbm − afw = 4.1, met dimensies",
        "Leefbaarometer scores per wk_code, 2018, 2020, reference lbm − afw = 4.1, with dimensions")]
    [InlineData("address-weighted crosswalk (grenswijzigingen)", "omzettabel naar adressen gewogen (grenswijzigingen)", "address-weighted crosswalk (grenswijzigingen)")]
    [InlineData("onleesbaar", "onleesbaar", "unreadable")]
    public void Read_AnOldEnglishSentence_IsWordedInTheReadersLanguage(string stored, string dutch, string english)
    {
        var shape = ImportShape.Read(stored);

        shape.Describe().ShouldBe(dutch);
        using (UiLanguage.English())
        {
            shape.Describe().ShouldBe(english);
        }

        // Stored again, it is codes: the round trip gives the same words
        ImportShape.Read(shape.Store()).Describe().ShouldBe(dutch);
    }

    [Fact]
    public void Read_TextThatIsNoneOfTheOldSentences_IsKeptAsItIs()
    {
        ImportShape.Read("a description of a later version").Describe().ShouldBe("a description of a later version");
        ImportShape.Read("[[not json").Describe().ShouldBe("[[not json");
    }

    [Fact]
    public async Task ListImports_AnOldRowWithEnglish_IsDescribedInDutch()
    {
        // Given: a store whose import row holds the English sentence an older version wrote
        await using (var store = Store.Open())
        {
            (await Stores.ImportAsync(store, TestData.Sample("boundaries/cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz"))).Single().Outcome.ShouldBe(ImportOutcome.Stored);
        }

        Store.Execute("UPDATE imports SET shape = 'GeoJSON boundaries: 2979 wijk polygons of division 2017 (WGS84)'");

        // When
        await using var reopened = Store.Open();
        var row = (await reopened.ListImportsAsync(TestContext.Current.CancellationToken)).Single();

        // Then
        ImportShape.Read(row.Shape).Describe().ShouldBe("GeoJSON-grenzen: 2.979 polygonen (wijk) van de indeling van 2017, WGS84");
    }

    private static string[] PageWords(string text) => text.Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
}
