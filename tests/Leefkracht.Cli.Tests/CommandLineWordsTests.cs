using System.Text.RegularExpressions;

namespace Leefkracht.Cli.Tests;

/// <summary>
/// The command line's own words (docs/localization.md): help, System.CommandLine's parse errors and the commands'
/// argument errors, in Dutch by default and in English with <c>--lang en</c>, run through the real command tree.
/// </summary>
public sealed partial class CommandLineWordsTests(SampleDatabase database)
{
    [Fact]
    public async Task NoArguments_PrintsTheHelpInDutch_AndExitsWithTwo()
    {
        var result = await CliRunner.RunAsync();

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldStartWith("Beschrijving:\n  Leefkracht: monitor van leefbaarheid en veerkracht voor Nederlandse buurten\n\nGebruik:\n  leefkracht [opdracht] [opties]\n");
        result.Out.ShouldContain("\nOpties:\n");
        result.Out.ShouldContain("  -?, -h, --help  Toon hulp en gebruik\n");
        result.Out.ShouldContain("\nOpdrachten:\n");
        result.Out.ShouldContain("  fetch              Officiële gegevens (CBS StatLine, PDOK, Leefbaarometer) ophalen en in de opslag zetten\n");
        EnglishIn(result.Out).ShouldBeEmpty();
    }

    [Fact]
    public async Task NoArguments_WithLangEn_PrintsTheHelpInEnglish()
    {
        var result = await CliRunner.RunAsync("--lang", "en");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldStartWith("Description:\n  Leefkracht: livability and resilience monitor for Dutch neighbourhoods\n\nUsage:\n  leefkracht [command] [options]\n");
        result.Out.ShouldContain("  fetch              Fetch official data (CBS StatLine, PDOK, Leefbaarometer) into the store\n");
        result.Out.ShouldNotContain("Opdrachten:");
    }

    [Fact]
    public async Task ACommandThatNeedsASubcommand_ShowsItsOwnHelp()
    {
        var result = await CliRunner.RunAsync("model");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("Gebruik:\n  leefkracht model [opdracht] [opties]\n");
        result.Out.ShouldContain("  fit          Gewichten schatten met een naar inwoners gewogen ridge-regressie");
        result.Error.ShouldNotContain("Required command");
    }

    [Theory]
    [InlineData("fetch")]
    [InlineData("fetch", "politie")]
    [InlineData("show")]
    [InlineData("spatial", "lisa")]
    [InlineData("scenario", "optimize")]
    [InlineData("account", "add")]
    public async Task Help_OfACommand_IsDutch_EvenWhenItsArgumentsAreMissing(params string[] command)
    {
        var result = await CliRunner.RunAsync([.. command, "--help"]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain($"Gebruik:\n  leefkracht {string.Join(' ', command)} ");
        EnglishIn(result.Out).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nonsense_IsRefusedInDutch_WithoutAnEnglishLine()
    {
        var result = await CliRunner.RunAsync("nonsense");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("onbekende opdracht of onbekend argument: ‘nonsense’ (leefkracht --help toont wat er is)\n");
    }

    [Theory]
    [InlineData("‘abc’ is geen geldige waarde voor --year", "‘abc’ is not a valid value for --year", "areas", "--year", "abc")]
    [InlineData("de optie --year heeft een waarde nodig", "the option --year needs a value", "fetch", "politie", "--year")]
    [InlineData("‘x’ is geen toegestane waarde; kies uit: summary, trajectory, periods, areas", "‘x’ is not an allowed value; choose from: summary, trajectory, periods, areas", "kwetsbare-wijken", "--view", "x")]
    public async Task TheLibrarysParseErrors_AreWorded_InEitherLanguage(string dutch, string english, params string[] args)
    {
        var nl = await CliRunner.RunAsync(["--db", database.Path, .. args]);
        var en = await CliRunner.RunAsync(["--db", database.Path, "--lang", "en", .. args]);

        nl.ExitCode.ShouldBe(2);
        nl.Error.ShouldBe(dutch + "\n");
        en.ExitCode.ShouldBe(2);
        en.Error.ShouldBe(english + "\n");
    }

    [Theory]
    [InlineData("'BU123' is geen geldige buurtcode: verwacht BU gevolgd door 8 tekens", "'BU123' is not a valid buurt code: expected BU followed by 8 characters", "show", "BU123")]
    [InlineData("--gemeente ‘Atlantis’ is geen gemeentecode en ook niet de naam van precies één gemeente in de database", "--gemeente 'Atlantis' is neither a gemeente code nor the name of exactly one gemeente in the database", "score", "--gemeente", "Atlantis")]
    [InlineData("--level ‘district’ bestaat niet; kies uit gemeente, wijk, buurt", "--level 'district' is not one of gemeente, wijk, buurt", "score", "--level", "district")]
    [InlineData("--max-errors moet 0 of meer zijn", "--max-errors must be 0 or more", "import", "x.csv", "--max-errors", "-1")]
    [InlineData("--max-depth moet 1 of meer zijn", "--max-depth must be 1 or more", "import", "x.csv", "--max-depth", "0")]
    [InlineData("--from en --to zijn allebei 2020: een verloop heeft twee verschillende jaren nodig", "--from and --to are both 2020: a trend needs two different years", "trend", "--from", "2020", "--to", "2020")]
    [InlineData("--years moet tussen 1 en 50 liggen, --replicates tussen 1 en 10000", "--years must lie between 1 and 50, --replicates between 1 and 10000", "scenario", "run", "x.json", "--years", "0")]
    [InlineData("--external ‘nonsense’ is geen indicator uit de catalogus", "--external 'nonsense' is not an indicator of the catalog", "compare", "--external", "nonsense")]
    public async Task TheCommandsArgumentErrors_KeepTheValueAndOption_InEitherLanguage(string dutch, string english, params string[] args)
    {
        await CliRunner.ShouldRefuseAsync(dutch, [.. args, "--db", database.Path]);
        await CliRunner.ShouldRefuseAsync(english, [.. args, "--db", database.Path, "--lang", "en"]);
    }

    [Fact]
    public void EveryCommandOptionAndArgument_HasHelpWords_AndTheEnglishOnesAreTheCommandsOwn()
    {
        var symbols = HelpTexts.Symbols(CliApp.CreateRoot(CliEnvironment.System, new GlobalOptions())).ToList();
        symbols.Count.ShouldBeGreaterThan(200);

        foreach (var (symbol, path) in symbols)
        {
            string? dutch, english;
            using (UiLanguage.Dutch())
            {
                dutch = HelpTexts.Description(symbol, path);
            }

            using (UiLanguage.English())
            {
                english = HelpTexts.Description(symbol, path);
            }

            dutch.ShouldNotBeNull($"HelpTexts.resx has no words for '{path}'");
            english.ShouldBe(symbol.Description, $"HelpTexts.en.resx for '{path}' differs from the description in the code");
            dutch.ShouldNotBe(english, $"'{path}' is not translated");
        }
    }

    /// <summary>
    /// The help's description lines that read as English: two or more English words that Dutch does not use ("the",
    /// "and", "with", "default", …). The first column (command and option names, which stay as typed) is left out.
    /// </summary>
    private static List<string> EnglishIn(string help) =>
        [.. help.Split('\n').Select(line => FirstColumn().Replace(line, string.Empty)).Where(text => EnglishWords().Count(text) >= 2)];

    [GeneratedRegex(@"^  \S.*?\s{2,}")]
    private static partial Regex FirstColumn();

    [GeneratedRegex(@"\b(the|and|with|default|only|from|into|without|whose|which|these|each|every|write|folder|for|to|not|are|its)\b")]
    private static partial Regex EnglishWords();
}
