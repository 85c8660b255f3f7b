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

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
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
                                await ExternalScoresAsync(store, monitor, areaCode, cancellationToken).ConfigureAwait(false));
            await environment.Out.Profile.Out.Writer.WriteAsync(note).ConfigureAwait(false);
            var (official, provenance) = await new LeefbaarometerService(store, monitor).OfAsync(score.Area, cancellationToken).ConfigureAwait(false);
            if (LeefbaarometerText.Paragraph(official, provenance) is { Length: > 0 } paragraph)
            {
                await environment.Out.Profile.Out.Writer.WriteAsync(Environment.NewLine + paragraph).ConfigureAwait(false);
            }

            return score.IsScored ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>The headline external indices (the Wijkprofiel's SI, FI and VI) of the area, latest year first.</summary>
    private static async Task<IReadOnlyList<ExplanationWriter.ExternalScore>> ExternalScoresAsync(Data.Storage.IMonitorStore store, MonitorService monitor, AreaCode code, CancellationToken cancellationToken)
    {
        string[] headline = ["wijkprofiel_social_index", "wijkprofiel_physical_index", "wijkprofiel_safety_index"];
        var observations = await store.LoadObservationsAsync(code, null, cancellationToken).ConfigureAwait(false);
        return [.. observations
            .Where(o => headline.Contains(o.IndicatorId) && monitor.Catalog.Catalog.TryGet(o.IndicatorId, out _))
            .GroupBy(o => o.IndicatorId)
            .Select(g => g.OrderByDescending(o => o.Period).First())
            .OrderBy(o => Array.IndexOf(headline, o.IndicatorId))
            .Select(o => new ExplanationWriter.ExternalScore(o.IndicatorId, o.Period, o.Value))];
    }
}
