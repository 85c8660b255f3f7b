namespace Leefkracht.Data.Tests.Import;

/// <summary>
/// The import contract on a real store (SQLite or PostgreSQL, see <see cref="TestStore"/>): atomic (a bad file
/// changes nothing, checked by comparing every row before and after), idempotent (the same file twice changes
/// nothing), with provenance.
/// </summary>
public sealed class ImporterTests : StoreAndFolderTest
{
    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothing()
    {
        // Given
        await using (var store = Store.Open())
        {
            var first = await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
            first.Single().Outcome.ShouldBe(ImportOutcome.Stored);
            first.Single().AreasStored.ShouldBe(122);
        }

        var before = Store.Snapshot();

        // When
        ImportReport second;
        await using (var store = Store.Open())
        {
            second = (await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"))).Single();
        }

        // Then
        second.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        second.Summary.ShouldContain("(zelfde SHA-256); er is niets veranderd");
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Import_SameFileForced_StoresNoValueTwice()
    {
        // Given
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
        var before = Store.Snapshot("imports");

        // When
        var again = (await Stores.ImportAsync(store, new ImportOptions { Force = true }, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"))).Single();

        // Then: a second provenance record, but not one value or area changed
        again.Outcome.ShouldBe(ImportOutcome.Stored);
        again.ValuesStored.ShouldBe(0);
        again.AreasStored.ShouldBe(0);
        Store.Snapshot("imports").ShouldBe(before);
    }

    [Fact]
    public async Task Import_Provenance_RecordsFileHashTimeAndCounts()
    {
        await using var store = Store.Open();
        var report = (await Stores.ImportAsync(store, TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"))).Single();

        var record = (await store.ListImportsAsync(TestContext.Current.CancellationToken)).Single();
        record.FileName.ShouldBe("kwb2019_denhaag_GM0518_84583NED.csv");
        record.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv")))));
        record.ImportedAt.ShouldBe(Stores.FixedNow);
        record.RowsRead.ShouldBe(159);
        record.RowsStored.ShouldBe(159);
        record.ValuesStored.ShouldBe(report.ValuesStored);
        record.Kind.ShouldBe("KwbOData");
        Importer.FromJson((await store.LoadImportReportJsonAsync(record.Id, TestContext.Current.CancellationToken))!)!.File.ShouldBe(record.FileName);
    }

    [Fact]
    public async Task Import_LaterFileWithDifferentValue_ReplacesAndCountsIt()
    {
        // Given: the national selection, then a long table that corrects one value
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"));
        var correction = Folder.Write("correction_2024.csv", "area_code,year,indicator,value\nGM0344,2024,population,374239\nGM0014,2024,population,243768\n");

        // When
        var report = (await Stores.ImportAsync(store, correction)).Single();

        // Then
        report.ValuesStored.ShouldBe(1);
        report.ValuesReplaced.ShouldBe(1);
        (await store.LoadObservationsAsync(AreaCode.Parse("GM0344"), 2024, TestContext.Current.CancellationToken))
            .Single(o => o.IndicatorId == "population").ShouldSatisfyAllConditions(o => o.Value.ShouldBe(374239), o => o.SourceFile.ShouldBe("correction_2024.csv"));
    }

    public static TheoryData<string, string, int?, int?, string> MalformedInputs => new()
    {
        // name, how the real Utrecht file is damaged, expected line, expected column, expected reason (in Dutch, the default)
        { "truncated", "truncated", 62, null, "de regel heeft 40 velden, de kopregel 121 (afgebroken regel of verkeerd scheidingsteken?)" },
        { "wrong delimiter", "semicolons in data rows", null, null, "geen kopregel gevonden: bij splitsen op ';' (het scheidingsteken waar de meeste regels het over eens zijn)" },
        { "non-numeric value", "abc in p_wcorpw", 5, 46, "geen getal (verwacht een percentage voor dwellings_corporation_pct)" },
        { "unknown area code", "BU12 as code", 5, 1, "ongeldige gebiedscode: 'BU12' is geen geldige buurtcode" },
        { "empty file", "empty", null, null, "het bestand is leeg" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public async Task Import_MalformedUtrechtFile_IsRejectedAndChangesNothing(string name, string damage, int? line, int? column, string reason)
    {
        // Given: a store with real data, and a damaged copy of a real file
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("denhaag/kwb2019_denhaag_GM0518_84583NED.csv"));
        var path = Folder.Write($"kwb2023_{name.Replace(' ', '_')}.csv", Damage(TestData.SampleText("utrecht/kwb2023_utrecht_GM0344.csv"), damage));
        var before = Store.Snapshot();

        // When
        var report = (await Stores.ImportAsync(store, path)).Single();

        // Then
        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        report.Summary.ShouldNotStartWith("rejected"); // the outcome is its own field; readers say it in their words
        var issue = report.Issues.First(i => i.Severity == IssueSeverity.Error);
        issue.File.ShouldBe(Path.GetFileName(path));
        issue.Line.ShouldBe(line);
        issue.ColumnNumber.ShouldBe(column);
        issue.Reason.ShouldContain(reason);
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Import_UnknownAreaCodeInLongTable_IsRejectedAndChangesNothing()
    {
        // Given
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
        var path = Folder.Write("long_2023.csv", "area_code,year,indicator,value\nBU03440111,2023,population,1810\nBU03449999,2023,population,12\n");
        var before = Store.Snapshot();

        // When
        var report = (await Stores.ImportAsync(store, path)).Single();

        // Then
        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        report.Issues.Single(i => i.Severity == IssueSeverity.Error).ToString()
            .ShouldBe("fout in long_2023.csv, regel 3, kolom 1 (area_code), waarde 'BU03449999': onbekende gebiedscode: BU03449999 staat in geen enkele geïmporteerde indeling (importeer eerst de KWB-tabel of de grenzen die hem vastleggen)");
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Import_InvalidPolygon_IsRejectedAndChangesNothing()
    {
        // Given: a real wijk and a polygon whose ring has two distinct points
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("boundaries/cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz"));
        var path = Folder.Write("wijk_2017_broken.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"statcode":"WK034401","statnaam":"Wijk 01 West"},"geometry":{"type":"Polygon","coordinates":[[[5.09,52.09],[5.10,52.10],[5.09,52.09],[5.10,52.10]]]}}
            ]}
            """);
        var before = Store.Snapshot();

        // When
        var report = (await Stores.ImportAsync(store, path)).Single();

        // Then
        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        var issue = report.Issues.Single(i => i.Severity == IssueSeverity.Error);
        issue.Line.ShouldBe(2);
        issue.Reason.ShouldContain("object 1 (WK034401): de geometrie is niet te herstellen");
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Import_ErrorsWithinTolerance_StoresTheGoodRows()
    {
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
        var path = Folder.Write("long_2023.csv", "area_code,year,indicator,value\nBU03440111,2023,crimes_registered,113\nBU03449999,2023,population,12\n");

        var report = (await Stores.ImportAsync(store, new ImportOptions { MaxErrors = 1 }, path)).Single();

        report.Outcome.ShouldBe(ImportOutcome.Stored);
        report.RowsRead.ShouldBe(2);
        report.RowsStored.ShouldBe(1);
        report.RowsRejected.ShouldBe(1);
        report.ValuesStored.ShouldBe(1);
    }

    [Fact]
    public async Task Import_HundredMegabytesOfGarbage_IsRejectedQuicklyAndChangesNothing()
    {
        // Given: 100 MB of seeded random bytes
        await using var store = Store.Open();
        await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
        var garbage = Folder.File("garbage.csv");
        var bytes = new byte[100 * 1024 * 1024];
        new Random(2026).NextBytes(bytes);
        await File.WriteAllBytesAsync(garbage, bytes, TestContext.Current.CancellationToken);
        var before = Store.Snapshot();

        // When
        var report = (await Stores.ImportAsync(store, garbage)).Single();

        // Then
        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        report.Issues.Single().Reason.ShouldContain("geen tekst (binaire inhoud");
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Import_Folder_OrdersFilesSoNamesResolve()
    {
        // Given: Heerlen's name-only file and the national table that names its areas, in one folder;
        // alphabetically the Heerlen file comes first
        var folder = Directory.CreateDirectory(Folder.File("mixed")).FullName;
        File.Copy(TestData.Sample("heerlen/kwb2020_heerlen_GM0917_statline.csv"), Path.Combine(folder, "a_heerlen_2020.csv"));
        File.Copy(TestData.Sample("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"), Path.Combine(folder, "b_kwb2024_national.csv.gz"));
        File.Copy(TestData.Sample("national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz"), Path.Combine(folder, "0_police.csv.gz"));
        await using var store = Store.Open();

        // When
        var reports = await Stores.ImportAsync(store, folder);

        // Then
        reports.Select(r => r.File).ShouldBe(["b_kwb2024_national.csv.gz", "a_heerlen_2020.csv", "0_police.csv.gz"]);
        reports.ShouldAllBe(r => r.Outcome == ImportOutcome.Stored && r.Errors == 0);
    }

    [Fact]
    public async Task Import_MissingPath_IsReported()
    {
        await using var store = Store.Open();
        var report = (await Stores.ImportAsync(store, Folder.File("nope.csv"))).Single();
        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        report.Summary.ShouldContain("er is geen bestand of map ‘");
    }

    private static string Damage(string text, string damage)
    {
        var lines = text.Split('\n');
        switch (damage)
        {
            case "truncated":
                // Cut the file in the middle of line 62.
                var cut = string.Join('\n', lines.Take(61)).Length + 1 + (lines[61].Length / 2);
                return text[..cut];
            case "semicolons in data rows":
                return lines[0] + "\n" + string.Join('\n', lines.Skip(1).Select(l => l.Replace(',', ';')));
            case "abc in p_wcorpw":
                var fields = lines[4].Split(',');
                fields[45] = "abc";
                lines[4] = string.Join(',', fields);
                return string.Join('\n', lines);
            case "BU12 as code":
                lines[4] = "BU12" + lines[4][lines[4].IndexOf(',', StringComparison.Ordinal)..];
                return string.Join('\n', lines);
            case "empty":
                return string.Empty;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }
}
