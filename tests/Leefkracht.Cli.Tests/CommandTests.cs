using System.Text.Json;
using Leefkracht.Core.Areas;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Monitoring;

[assembly: AssemblyFixture(typeof(Leefkracht.Cli.Tests.SampleDatabase))]

namespace Leefkracht.Cli.Tests;

/// <summary>The commands of the README, run against a database filled from the whole sample by <c>demo</c>.</summary>
public sealed class CommandTests(SampleDatabase database)
{
    [Fact]
    public void Demo_WholeSample_ImportsEveryFileWithoutErrors()
    {
        database.Demo.Error.ShouldBeEmpty();
        database.Demo.ExitCode.ShouldBe(0);
        database.Demo.Out.ShouldContain(" 0 afgewezen.");
        database.Demo.Out.ShouldNotContain("✘");
    }

    [Fact]
    public async Task Demo_StoresTheDefaultYearsScoresResilienceWatchlistsAndLeefbaarometerBeforeItReports_SoAServerReadsThem()
    {
        // The demo's import computed and stored them in its own process (issue 17): a service opened afterwards, as a
        // freshly started server's is, reads the default year's scores and resilience and computes nothing.
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = MonitorStores.Open(database.Path, TimeProvider.System, TestStore.Schema);
        var monitor = new MonitorService(store);
        var year = (await monitor.DefaultYearAsync(cancellationToken)).ShouldNotBeNull();
        var scored = await monitor.ScoreAsync(year, DefaultResults.Model, ReferenceChoice.National, cancellationToken);
        await monitor.ResilienceAsync(year, DefaultResults.Resilience, ReferenceChoice.National, cancellationToken);

        // And the watchlists a profile shows: the national one and its gemeente's (Utrecht's, for BU03440111).
        var warnings = new EarlyWarningService(monitor);
        await warnings.WatchlistAsync(year, null, null, null, DefaultResults.Model, cancellationToken);
        await warnings.WatchlistAsync(year, null, AreaCode.Parse("GM0344"), null, DefaultResults.Model, cancellationToken);

        // And the Leefbaarometer series beside the score: the year's wijken, carried from the sample's PC4 file.
        var wijken = await new LeefbaarometerService(store, monitor).LevelAsync(AreaLevel.Wijk, year, cancellationToken);

        scored.Scores.Count(s => s.IsScored).ShouldBeGreaterThan(10_000);
        wijken.Values.Count.ShouldBeGreaterThan(3_000);
        monitor.StoredResultsComputed.ShouldBe(0);
    }

    [Fact]
    public async Task Demo_SecondRun_ChangesNothing()
    {
        var again = await CliRunner.RunAsync("demo", "--no-serve", "--db", database.Path, "--sample", CliRunner.Sample);

        again.ExitCode.ShouldBe(0);
        again.Out.ShouldContain(" 0 opgeslagen, ");
        again.Out.ShouldContain("al geïmporteerd");
    }

    [Fact]
    public async Task Import_AgainInEitherLanguage_ReportsInThatLanguageOnly()
    {
        // Given a file the demo imported
        var file = Path.Combine(CliRunner.Sample, "utrecht", "kwb2023_utrecht_GM0344.csv");

        // When it is imported again, in Dutch and in English
        var dutch = await CliRunner.RunAsync("import", file, "--db", database.Path);
        var english = await CliRunner.RunAsync("import", file, "--db", database.Path, "--lang", "en");

        // Then each report is in one language: the outcome and the sentence after it
        dutch.ExitCode.ShouldBe(0, dutch.Error);
        dutch.Out.ShouldContain("al geïmporteerd: als #");
        dutch.Out.ShouldContain("(zelfde SHA-256); er is niets veranderd");
        dutch.Out.ShouldNotContain("already");
        dutch.Out.ShouldNotContain("nothing changed");
        english.ExitCode.ShouldBe(0, english.Error);
        english.Out.ShouldContain("already imported: as #");
        english.Out.ShouldContain("(same SHA-256); nothing changed");
        english.Out.ShouldNotContain("geïmporteerd");
    }

    [Fact]
    public async Task Areas_Buurten2024_ListsMoreThan14000()
    {
        // When
        var output = await CliRunner.OutputAsync("areas", "--db", database.Path, "--level", "buurt", "--year", "2024", "--format", "csv");

        // Then
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Code,Naam,Niveau,Indeling,Gemeente");
        (lines.Length - 1).ShouldBeGreaterThan(14000);
        lines.ShouldContain("BU03440111,\"Welgelegen, Den Hommel\",buurt,2024,GM0344 Utrecht");
    }

    [Fact]
    public async Task Areas_FilteredByGemeenteName_ListsItsWijken()
    {
        var output = await CliRunner.OutputAsync("areas", "--db", database.Path, "--level", "wijk", "--year", "2023", "--gemeente", "Utrecht", "--format", "json");

        var rows = JsonDocument.Parse(output).RootElement;
        rows.GetArrayLength().ShouldBe(10);
        rows[0].GetProperty("Code").GetString().ShouldBe("WK034401");
    }

    [Fact]
    public async Task Show_UtrechtBuurt2023_ShowsItsKwbFigures()
    {
        // When
        var output = await CliRunner.OutputAsync("show", "BU03440111", "--db", database.Path, "--year", "2023");

        // Then
        output.ShouldContain("Welgelegen, Den Hommel (BU03440111, buurt)");
        output.ShouldContain("Gemeente: GM0344 Utrecht");
        output.ShouldContain("Aantal inwoners");
        output.ShouldContain("1.810");
        output.ShouldContain("Gemiddelde WOZ-waarde van woningen");
        output.ShouldContain("In bezit woningcorporatie");
        output.ShouldContain("kwb2023_utrecht_GM0344.csv");
    }

    [Fact]
    public async Task Show_InEnglishAsCsv_UsesEnglishNamesAndInvariantNumbers()
    {
        var output = await CliRunner.OutputAsync("show", "GM0344", "--db", database.Path, "--year", "2023", "--lang", "en", "--format", "csv");

        output.ShouldContain("GM0344,2023,2023,household_size,Average household size,1.9,Count,kwb2023_utrecht_GM0344.csv");
    }

    [Fact]
    public async Task Show_CodeThatDoesNotExist_SuggestsNeighbours()
    {
        // BU03440101 does not exist in any CBS division we have; Utrecht's wijk 01 starts at BU03440111.
        var result = await CliRunner.RunAsync("show", "BU03440101", "--db", database.Path, "--year", "2023");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Onbekend gebied: BU03440101");
        result.Error.ShouldContain("BU03440111 Welgelegen, Den Hommel");
    }

    [Fact]
    public async Task Show_MalformedCode_IsInvalidInput()
    {
        await CliRunner.ShouldRefuseAsync("'BU1234' is geen geldige buurtcode: verwacht BU gevolgd door 8 tekens", "show", "BU1234", "--db", database.Path);
        await CliRunner.ShouldRefuseAsync("'BU1234' is not a valid buurt code: expected BU followed by 8 characters", "show", "BU1234", "--db", database.Path, "--lang", "en");
    }

    [Fact]
    public async Task UnknownArgument_IsRefusedInTheUsersLanguage()
    {
        await CliRunner.ShouldRefuseAsync("onbekende opdracht of onbekend argument: ‘--jaartal’", "areas", "--db", database.Path, "--jaartal", "2024");
        await CliRunner.ShouldRefuseAsync("unrecognized command or argument ‘--jaartal’", "areas", "--db", database.Path, "--jaartal", "2024", "--lang", "en");
    }

    [Fact]
    public async Task Areas_UnknownLevel_IsInvalidInput()
    {
        await CliRunner.ShouldRefuseAsync("--level ‘district’ bestaat niet; kies uit land, gemeente, wijk, buurt", "areas", "--db", database.Path, "--level", "district");
        await CliRunner.ShouldRefuseAsync("--level 'district' is not one of land, gemeente, wijk, buurt", "areas", "--db", database.Path, "--level", "district", "--lang", "en");
    }

    [Fact]
    public async Task Import_BadFile_ExitsWithTwoAndSaysWhy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leefkracht-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "long_2024.csv");
        await File.WriteAllTextAsync(file, "area_code,year,indicator,value\nBU03440111,2024,population,abc\n", TestContext.Current.CancellationToken);

        // A rejected file changes nothing, so the shared database can take it.
        var result = await CliRunner.RunAsync("import", file, "--db", database.Path);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("fout in long_2024.csv, regel 2, kolom 4 (value), waarde 'abc': geen getal (waarde van population)");
        result.Error.ShouldContain("long_2024.csv: afgewezen: 1 fout(en), meer dan de toegestane 0 (--max-errors); er is niets opgeslagen");
        result.Out.ShouldNotContain("rejected: rejected"); // the outcome is said once (issue 18)
        result.Out.ShouldContain("afgewezen: 1 fout(en)");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Import_DamagedCbsFile_SaysWhereAndWhatInDutchByDefaultAndInEnglishWithLangEn()
    {
        // Given the real Utrecht KWB file of the sample with 'abc' where line 5 has its share of corporation dwellings
        var folder = Path.Combine(Path.GetTempPath(), "leefkracht-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var lines = (await File.ReadAllTextAsync(Path.Combine(CliRunner.Sample, "utrecht", "kwb2023_utrecht_GM0344.csv"), TestContext.Current.CancellationToken)).Split('\n');
        var fields = lines[4].Split(',');
        fields[45] = "abc";
        lines[4] = string.Join(',', fields);
        var file = Path.Combine(folder, "kwb2023_utrecht_damaged.csv");
        await File.WriteAllTextAsync(file, string.Join('\n', lines), TestContext.Current.CancellationToken);

        // When it is imported without a language and with --lang en (rejected, so the shared database is unchanged)
        var dutch = await CliRunner.RunAsync("import", file, "--db", database.Path);
        var english = await CliRunner.RunAsync("import", file, "--db", database.Path, "--lang", "en");

        // Then both name the file, line, column and value, and say what is wrong in the reader's language
        dutch.ExitCode.ShouldBe(2);
        dutch.Out.ShouldContain("fout in kwb2023_utrecht_damaged.csv, regel 5, kolom 46 (p_wcorpw), waarde 'abc': geen getal (verwacht een percentage voor dwellings_corporation_pct)");
        dutch.Out.ShouldNotContain("not a number");
        english.ExitCode.ShouldBe(2);
        english.Out.ShouldContain("error in kwb2023_utrecht_damaged.csv, line 5, column 46 (p_wcorpw), value 'abc': not a number (expected a percentage for dwellings_corporation_pct)");
        english.Out.ShouldNotContain("geen getal");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Imports_ListsProvenanceOfEveryFile()
    {
        var result = await CliRunner.RunAsync("imports", "--db", database.Path, "--format", "json");

        var rows = JsonDocument.Parse(result.Out).RootElement;
        rows.GetArrayLength().ShouldBe(Directory.EnumerateFiles(CliRunner.Sample, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".md", StringComparison.Ordinal)));
        rows.EnumerateArray().ShouldAllBe(r => r.GetProperty("sha256").GetString()!.Length == 64);
    }
}
