using Leefkracht.Cli.Commands;

namespace Leefkracht.Cli;

/// <summary>Builds the <c>leefkracht</c> command tree and runs it.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        var root = CreateRoot(environment, global);
        HelpTexts.Install(root, environment);
        var parsed = root.Parse(args);
        PhaseTimings.Mark("start-up, command line");

        // --lang sets the UI culture, and only that: it picks the words (.resx); numbers are formatted as each writer
        // always did. Set here, in this async method, it holds for the command and is undone when the run returns.
        // Set before the parse errors are told, so that they too are in the user's language.
        CultureInfo.CurrentUICulture = global.UiCulture(parsed, environment);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            // A command that needs a subcommand and got nothing else (a bare `leefkracht`, `leefkracht model`): its help
            // says what there is. With an unknown word beside it (`leefkracht nonsense`), that word is the error.
            if (parsed.Errors.All(ParseErrorText.IsMissingCommand))
            {
                HelpTexts.Write(parsed.CommandResult.Command, environment);
                return ExitCodes.InvalidInput;
            }

            foreach (var error in parsed.Errors.Where(e => !ParseErrorText.IsMissingCommand(e)))
            {
                await environment.Error.WriteLineAsync(ParseErrorText.Word(error)).ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        try
        {
            // The default handler would print a stack trace and return 1 before the catches below could say what to do.
            var exitCode = await parsed.InvokeAsync(
                new InvocationConfiguration { Output = environment.Out.Profile.Out.Writer, Error = environment.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
            PhaseTimings.Mark("close");
            return exitCode;
        }
        catch (Exception exception) when (Data.Storage.StoreFailure.Of(exception) is { } failure)
        {
            // Unreachable server, refused login, damaged file, busy or read-only database: in words, with the driver's
            // own text as the detail and what to do (never a password: locations are shown without it).
            await environment.Error.WriteLineAsync(Texts.Instance.Format("failure", failure.Message)).ConfigureAwait(false);
            return failure.Unavailable ? ExitCodes.StoreUnavailable : ExitCodes.Failure;
        }
        catch (FileProblemException exception)
        {
            await environment.Error.WriteLineAsync(Texts.Instance.Format("failure", exception.Message)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (Data.Files.FileWords.IsFileProblem(exception))
        {
            // A file the command did not name itself (the path is in the system's text, kept as the detail).
            await environment.Error.WriteLineAsync(Texts.Instance.Format("failure", Data.Files.FileWords.Describe(exception, path: null))).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            // A mistake in the program that input reached: a line in words, with the program's English text as the detail.
            await environment.Error.WriteLineAsync(Texts.Instance.Format("unexpected", exception.Message)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree: the global options and every command (the help's words are checked against it).</summary>
    internal static RootCommand CreateRoot(CliEnvironment environment, GlobalOptions global)
    {
        var root = new RootCommand("Leefkracht: livability and resilience monitor for Dutch neighbourhoods")
        {
            global.Database,
            global.Language,
        };
        root.Subcommands.Add(ImportCommand.Create(environment, global));
        root.Subcommands.Add(FetchCommand.Create(environment, global));
        root.Subcommands.Add(AreasCommand.Create(environment, global));
        root.Subcommands.Add(ShowCommand.Create(environment, global));
        root.Subcommands.Add(ImportsCommand.Create(environment, global));
        root.Subcommands.Add(DemoCommand.Create(environment, global));
        root.Subcommands.Add(ScoreCommand.Create(environment, global));
        root.Subcommands.Add(ExplainCommand.Create(environment, global));
        root.Subcommands.Add(TrendCommand.Create(environment, global));
        root.Subcommands.Add(ResilienceCommand.Create(environment, global));
        root.Subcommands.Add(ModelCommand.Create(environment, global));
        root.Subcommands.Add(WatchlistCommand.Create(environment, global));
        root.Subcommands.Add(CompareCommand.Create(environment, global));
        root.Subcommands.Add(ValidateCommand.Create(environment, global));
        root.Subcommands.Add(KwetsbareWijkenCommand.Create(environment, global));
        root.Subcommands.Add(SpatialCommand.Create(environment, global));
        root.Subcommands.Add(SegregationCommand.Create(environment, global));
        root.Subcommands.Add(ScenarioCommand.Create(environment, global));
        root.Subcommands.Add(ServeCommand.Create(environment, global));
        root.Subcommands.Add(BackupCommand.Create(environment, global));  // server mode (issue 7): backup and restore
        root.Subcommands.Add(RestoreCommand.Create(environment, global));
        root.Subcommands.Add(AccountCommand.Create(environment, global));  // wijkaanpak: bootstrap accounts
        return root;
    }
}
