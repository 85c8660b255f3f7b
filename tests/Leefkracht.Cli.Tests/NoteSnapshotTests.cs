namespace Leefkracht.Cli.Tests;

/// <summary>
/// The notes of <c>explain</c>, <c>trend</c> and <c>resilience</c> in Dutch and English on the sample data, compared
/// byte for byte with files written by the code before its words moved into resources: the move must not change a
/// character. After a deliberate change of wording, regenerate them with <c>LEEFKRACHT_UPDATE_SNAPSHOTS=1</c> and
/// review the diff. The livability notes select the hand-set model the files were written from (the default is now the
/// calibrated model, whose notes the monitor tests check).
/// </summary>
public sealed class NoteSnapshotTests(SampleDatabase database)
{
    [Theory]
    [InlineData("explain-BU05991571-2024", "explain", "BU05991571", "--year", "2024", "--model", "leefkracht-default")]
    [InlineData("explain-GM0344-2023", "explain", "GM0344", "--year", "2023", "--model", "leefkracht-default")]
    [InlineData("explain-WK091710-2018", "explain", "WK091710", "--year", "2018", "--model", "leefkracht-default")]
    [InlineData("trend-WK091710-2016-2018", "trend", "WK091710", "--from", "2016", "--to", "2018", "--model", "leefkracht-default")]
    [InlineData("resilience-BU05991571-2024", "resilience", "BU05991571", "--year", "2024")]
    [InlineData("resilience-WK091710-2018", "resilience", "WK091710", "--year", "2018")]
    [InlineData("resilience-GM0344-2023", "resilience", "GM0344", "--year", "2023")]
    public async Task Note_InBothLanguages_MatchesTheSnapshot(string name, params string[] command)
    {
        foreach (var language in (string[])["nl", "en"])
        {
            var result = await CliRunner.RunAsync([.. command, "--db", database.Path, "--lang", language]);

            result.Error.ShouldBeEmpty();
            var path = Path.Combine(TestData.RepositoryRoot, "tests", "Leefkracht.Cli.Tests", "Snapshots", $"{name}.{language}.txt");
            if (Environment.GetEnvironmentVariable("LEEFKRACHT_UPDATE_SNAPSHOTS") == "1")
            {
                await File.WriteAllTextAsync(path, result.Out, TestContext.Current.CancellationToken);
            }

            result.Out.ShouldBe(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), $"{name} ({language})");
        }
    }
}
