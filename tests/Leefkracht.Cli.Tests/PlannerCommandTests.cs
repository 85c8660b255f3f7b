namespace Leefkracht.Cli.Tests;

public sealed class PlannerCommandTests(SampleDatabase database)
{
    private static string Example(string file) => Path.Combine(TestData.RepositoryRoot, "docs", "planner", file);

    [Fact]
    public async Task ScenarioRun_InvalidFile_ExitsWithTwoAndListsThePaths()
    {
        var file = Path.Combine(Path.GetTempPath(), $"leefkracht-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] }, "placements": [ { "group": "ggz", "perYear": 0 } ] }""", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("scenario", "run", file, "--db", database.Path);

            result.ExitCode.ShouldBe(2);
            result.Error.ShouldContain("$.placements[0].perYear: a whole number from 1 to 1000000 is required, found 0");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ScenarioRun_DuplicateField_ExitsWithTwoAndNamesThePath()
    {
        // Issue 18: a field given twice crashed the command (exit 134) instead of being named.
        var file = Path.Combine(Path.GetTempPath(), $"leefkracht-duplicate-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "name": "x", "baseYear": 2023, "baseYear": 1900, "area": { "gemeenten": ["GM0344"] } }""", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("scenario", "run", file, "--db", database.Path);

            result.ExitCode.ShouldBe(2);
            result.Error.ShouldContain("is not a valid scenario:");
            result.Error.ShouldContain("$.baseYear: the field is given more than once; give it once");
        }
        finally
        {
            File.Delete(file);
        }
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
