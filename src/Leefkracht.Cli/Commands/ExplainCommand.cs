using System.CommandLine;
using Leefkracht.Data.Monitoring;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht explain CODE --year Y</c>: an area's score broken down in words and numbers.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var code = new Argument<string>("code") { Description = "Area code: GMxxxx, WKxxxxxx or BUxxxxxxxx" };
        var command = new Command("explain", "Explain an area's livability score: biggest contributors first, compared with gemeente and reference") { code };
        monitorOptions.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await CommandInput.AreaCodeAsync(result.GetValue(code), environment).ConfigureAwait(false) is not (true, { } areaCode))
            {
                return ExitCodes.InvalidInput;
            }

            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            var texts = global.TextsFor(result, environment);
            await using var store = global.OpenStore(result, environment);
            var monitor = new MonitorService(store);
            if (await monitorOptions.YearAsync(result, environment, monitor, cancellationToken).ConfigureAwait(false) is not { } year)
            {
                return ExitCodes.InvalidInput;
            }

            var scored = await monitor.ScoreAsync(year, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);
            if (scored.ScoreOf(areaCode) is not { } score)
            {
                await environment.Error.WriteLineAsync(texts.Format("no_data_for_area", areaCode, year)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            var note = ExplanationWriter.Write(
                scored,
                score.Area,
                CommandInput.NamesFor(names, score.Area),
                monitor.Catalog.Catalog,
                texts.Language);
            await environment.Out.Profile.Out.Writer.WriteAsync(note).ConfigureAwait(false);
            return score.IsScored ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
