namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht compare</c>: how our livability index (total and dimensions) relates to an external score such as the
/// Rotterdam Wijkprofiel, with rank and linear correlations and the areas on which the two disagree most.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var external = new Option<string[]>("--external") { Description = "External score indicator(s) (default: every Wijkprofiel index with values)", AllowMultipleArgumentsPerToken = true };
        var externalYear = new Option<int?>("--external-year") { Description = "Year of the external scores (default: the latest with values)" };
        var level = new Option<string>("--level") { Description = "buurt (default), wijk or gemeente", DefaultValueFactory = _ => "buurt" };
        var gemeente = CommandInput.GemeenteOption("Only the areas of this gemeente (code or name), e.g. Rotterdam");
        var format = Output.FormatOption();
        var command = new Command("compare", "Compare our livability index with external scores (Rotterdam Wijkprofiel): correlations per dimension and the largest disagreements")
        {
            external, externalYear, level, gemeente, format,
        };
        monitorOptions.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            if (MonitorOptions.ParseLevel(result.GetValue(level)) is not { } parsedLevel)
            {
                await environment.Error.WriteLineAsync($"--level '{result.GetValue(level)}' is not one of gemeente, wijk, buurt").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            if (await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) is not (true, var within)
                || await monitorOptions.YearAsync(result, environment, monitor, cancellationToken).ConfigureAwait(false) is not { } year)
            {
                return ExitCodes.InvalidInput;
            }

            var comparison = new ExternalComparison(monitor);
            var externals = result.GetValue(external) is { Length: > 0 } given ? given : null;
            foreach (var id in externals ?? [])
            {
                if (!monitor.Catalog.Catalog.TryGet(id, out _))
                {
                    await environment.Error.WriteLineAsync($"--external '{id}' is not an indicator of the catalog").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }
            }

            var periods = await monitor.PeriodsAsync(cancellationToken).ConfigureAwait(false);
            int? externalPeriod = result.GetValue(externalYear);
            if (externalPeriod is null)
            {
                foreach (var period in periods)
                {
                    if ((await comparison.ExternalIndicatorsAsync(period, within, cancellationToken).ConfigureAwait(false)).Count > 0)
                    {
                        externalPeriod = period;
                        break;
                    }
                }
            }

            var ids = externals ?? (externalPeriod is { } p ? await comparison.ExternalIndicatorsAsync(p, within, cancellationToken).ConfigureAwait(false) : []);
            if (externalPeriod is null || ids.Count == 0)
            {
                await environment.Error.WriteLineAsync("no external scores found: import the Rotterdam Wijkprofiel sheets (they are in the sample) or pass --external and --external-year").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var compared = await comparison.CompareAsync(ids, externalPeriod.Value, year, parsedLevel, within, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);
            if (compared.Correlations.All(c => c.Areas < 3))
            {
                await environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fewer than three areas have both our {year} score and the {externalPeriod} external scores{(within is null ? string.Empty : $" in {within}")}")).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            Output.Write(environment.Out, result.GetValue(format), ["ours", "external", "areas", "pearson", "spearman"], compared.Correlations.Select(c => (IReadOnlyList<object?>)[c.Ours, c.External, c.Areas, Math.Round(c.Pearson, 3), Math.Round(c.Spearman, 3)]));
            if (result.GetValue(format) == OutputFormat.Table)
            {
                foreach (var (id, worst) in compared.Disagreements)
                {
                    environment.Out.MarkupLine(Markup.Escape(texts.Format("compare_disagreements", monitor.Catalog.Catalog[id].Name(), string.Join("; ", worst.Select(d =>
                        string.Create(CultureInfo.InvariantCulture, $"{CommandInput.NameOf(names, d.Area.Code, d.Area.Year) ?? d.Area.Code.Value} ({NumberText.Signed(d.Deviation)} / {d.External:0}, {(d.RankDifference > 0 ? "+" : string.Empty)}{d.RankDifference:0} places)"))))));
                }

                environment.Out.MarkupLine(Markup.Escape(texts.Format("compare_footer", year, externalPeriod, compared.Scored.Reference.LocalDescription())));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
