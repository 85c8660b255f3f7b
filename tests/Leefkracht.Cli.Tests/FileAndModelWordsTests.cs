namespace Leefkracht.Cli.Tests;

/// <summary>
/// A broken model file, a missing one and an output file that cannot be written, said in Dutch (the default) and in
/// English (<c>--lang en</c>): the path and the JSON path stay as written, the system's own text stays as the detail.
/// </summary>
public sealed class FileAndModelWordsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ModelShow_TheShippedModelWithAWrongWeightAndIndicator_ListsItsProblemsInDutchAndEnglish()
    {
        // Given: the shipped hand-set model, with its two dimensions of weight 0.20 raised to 0.50 and one indicator renamed
        var shipped = await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "src", "Leefkracht.Monitor", "Models", "leefkracht-default.json"), TestContext.Current.CancellationToken);
        var broken = shipped
            .Replace("\"weight\": 0.20,", "\"weight\": 0.50,", StringComparison.Ordinal)
            .Replace("\"id\": \"dwellings_single_family_pct\"", "\"id\": \"dwellings_with_a_view_pct\"", StringComparison.Ordinal);
        var file = _folder.Write("eigen-model.json", broken);

        // When
        var dutch = await CliRunner.RunAsync("model", "show", file);
        var english = await CliRunner.RunAsync("model", "show", file, "--lang", "en");

        // Then
        dutch.ExitCode.ShouldBe(2);
        dutch.Error.ShouldStartWith("eigen-model.json is geen geldig leefbaarheidsmodel:");
        dutch.Error.ShouldContain("$.dimensions[0].indicators[1].id: ‘dwellings_with_a_view_pct’ staat niet in de indicatorcatalogus");
        dutch.Error.ShouldContain("$.dimensions[*].weight: de gewichten van de dimensies moeten samen 1 zijn, ze zijn samen 1.6");
        english.ExitCode.ShouldBe(2);
        english.Error.ShouldStartWith("eigen-model.json is not a valid livability model:");
        english.Error.ShouldContain("$.dimensions[0].indicators[1].id: 'dwellings_with_a_view_pct' is not in the indicator catalog");
        english.Error.ShouldContain("$.dimensions[*].weight: the dimension weights must sum to 1, they sum to 1.6");
    }

    [Fact]
    public async Task ModelShow_AMissingFile_NamesThePathInDutchAndEnglish_AndKeepsTheSystemsText()
    {
        var missing = _folder.File("bestaat-niet.json");

        var dutch = await CliRunner.RunAsync("model", "show", missing);
        var english = await CliRunner.RunAsync("model", "show", missing, "--lang", "en");

        dutch.ExitCode.ShouldBe(2);
        dutch.Error.ShouldStartWith($"het bestand ‘{missing}’ bestaat niet (melding van het systeem: Could not find file");
        english.ExitCode.ShouldBe(2);
        english.Error.ShouldStartWith($"the file ‘{missing}’ does not exist (the system says: Could not find file");
    }

    [Fact]
    public async Task Import_AMissingPathAndAReportInAMissingFolder_AreSaidInDutchAndEnglish()
    {
        // Given: a store, a path that names nothing, and a report file in a folder that does not exist
        using var store = TestStore.Create();
        var nothing = _folder.File("nergens.csv");
        var report = Path.Combine(_folder.Path, "geen-map", "rapport.json");

        // When
        var dutch = await CliRunner.RunAsync("import", nothing, "--report", report, "--db", store.Setting);
        var english = await CliRunner.RunAsync("import", nothing, "--report", report, "--db", store.Setting, "--lang", "en");

        // Then: the report cannot be written (exit 1, the path named); the missing input is in the words of the run
        dutch.ExitCode.ShouldBe(1);
        dutch.Out.ShouldContain("er is geen bestand of map ‘");
        dutch.Error.ShouldStartWith($"fout: de map van ‘{report}’ bestaat niet (melding van het systeem: Could not find a part of the path");
        english.ExitCode.ShouldBe(1);
        english.Out.ShouldContain("there is no file or folder ‘");
        english.Error.ShouldStartWith($"error: the folder of ‘{report}’ does not exist (the system says: Could not find a part of the path");
        File.Exists(report).ShouldBeFalse();
    }
}
