using System.CommandLine;
using Leefkracht.Cli.Commands;

namespace Leefkracht.Cli;

/// <summary>Builds the <c>leefkracht</c> command tree and runs it.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Leefkracht: livability and resilience monitor for Dutch neighbourhoods")
        {
            global.Database,
            global.Language,
        };
        root.Subcommands.Add(ImportCommand.Create(environment, global));
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
        root.Subcommands.Add(SpatialCommand.Create(environment, global));
        root.Subcommands.Add(SegregationCommand.Create(environment, global));
        root.Subcommands.Add(ScenarioCommand.Create(environment, global));
        root.Subcommands.Add(ServeCommand.Create(environment, global));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await environment.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = environment.Out.Profile.Out.Writer, Error = environment.Error }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await environment.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
