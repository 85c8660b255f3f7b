namespace Leefkracht.Cli.Tests;

public sealed class PlannerCommandTests(SampleDatabase database)
{
    private static string Example(string file) => Path.Combine(TestData.RepositoryRoot, "docs", "planner", file);

    /// <summary>Runs <c>scenario run</c> on <paramref name="document"/> written to a temporary file (deleted after), with <paramref name="options"/>.</summary>
    private async Task<(CliResult Result, string FileName)> RunDocumentAsync(string document, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"leefkracht-scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document, TestContext.Current.CancellationToken);
        try
        {
            return (await CliRunner.RunAsync(["scenario", "run", file, "--db", database.Path, .. options]), Path.GetFileName(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ScenarioRun_InvalidFile_ExitsWithTwoAndListsThePaths()
    {
        var (result, _) = await RunDocumentAsync("""{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] }, "placements": [ { "group": "ggz", "perYear": 0 } ] }""");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("$.placements[0].perYear: hier hoort een geheel getal van 1 tot en met 1000000 te staan, maar er staat 0");
    }

    [Fact]
    public async Task ScenarioRun_DuplicateField_ExitsWithTwoAndNamesThePath()
    {
        // Issue 18: a field given twice crashed the command (exit 134) instead of being named.
        var (result, _) = await RunDocumentAsync("""{ "name": "x", "baseYear": 2023, "baseYear": 1900, "area": { "gemeenten": ["GM0344"] } }""");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("is geen geldig scenario:");
        result.Error.ShouldContain("$.baseYear: dit veld staat er meer dan één keer; geef het één keer");
    }

    [Fact]
    public async Task ScenarioRun_SpoiltExample_SaysWhatIsWrongInDutchByDefaultAndInEnglishWithLangEn()
    {
        // Given a worked example of docs/planner with three mistakes a user makes: a wijk where a gemeente belongs,
        // more years than the planner projects, and no placements
        var example = await File.ReadAllTextAsync(Example("placements-vacancies.json"), TestContext.Current.CancellationToken);
        var spoilt = example.Replace("\"GM0344\"", "\"WK034401\"", StringComparison.Ordinal)
            .Replace("\"years\": 10", "\"years\": 60", StringComparison.Ordinal)
            .Replace("\"perYear\": 150", "\"perYear\": 0", StringComparison.Ordinal);
        spoilt.ShouldNotBe(example);

        // When it is run without a language, and with --lang en
        var (dutch, dutchFile) = await RunDocumentAsync(spoilt);
        var (english, englishFile) = await RunDocumentAsync(spoilt, "--lang", "en");

        // Then both refuse it, each in its language, with the same paths
        dutch.ExitCode.ShouldBe(2);
        english.ExitCode.ShouldBe(2);
        dutch.Error.ShouldContain($"{dutchFile} is geen geldig scenario:");
        dutch.Error.ShouldContain("$.years: hier hoort een geheel getal van 1 tot en met 50 te staan, maar er staat 60");
        dutch.Error.ShouldContain("$.area.gemeenten[0]: WK034401 is een wijk; hier hoort een gemeente");
        dutch.Error.ShouldContain("$.placements[0].perYear: hier hoort een geheel getal van 1 tot en met 1000000 te staan, maar er staat 0");
        dutch.Error.ShouldNotContain("required");
        english.Error.ShouldContain($"{englishFile} is not a valid scenario:");
        english.Error.ShouldContain("$.years: a whole number from 1 to 50 is required, found 60");
        english.Error.ShouldContain("$.area.gemeenten[0]: WK034401 is a wijk, a gemeente is required");
        english.Error.ShouldContain("$.placements[0].perYear: a whole number from 1 to 1000000 is required, found 0");
    }

    [Fact]
    public async Task ScenarioRun_Csv_EveryBuurtAndYear()
    {
        var result = await CliRunner.RunAsync("scenario", "run", Example("placements-vacancies.json"), "--years", "2", "--format", "csv", "--db", database.Path);

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.Trim().Split('\n');
        lines[0].ShouldStartWith("scenario,code,name,year,dwellings,households,vulnerable_share");
        lines.Length.ShouldBe(1 + (3 * 109)); // 111 buurten, two without households or dwellings
    }

    [Fact]
    public async Task ScenarioOptimize_Utrecht_ExplainsInEnglish()
    {
        var result = await CliRunner.RunAsync("scenario", "optimize", "--gemeente", "Utrecht", "--placements", "150", "--cap", "0.5", "--year", "2023", "--lang", "en", "--db", database.Path);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("Placements in 2023:");
        result.Out.ShouldContain("Optimised: 150 of 150 placements");
        result.Out.ShouldContain("What-if scenario, not a forecast");
    }

    [Fact]
    public async Task ScenarioCompare_Json_LabelledAsWhatIf()
    {
        var result = await CliRunner.RunAsync("scenario", "compare", Example("baseline.json"), Example("midrent-weakest.json"), "--years", "3", "--format", "json", "--db", database.Path);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("\"whatIf\": true");
        result.Out.ShouldContain("\"comparedWith\": \"Basis (geen ingreep)\"");
    }
}
