using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht compare</c>: how our livability index (total and dimensions) relates to an external score such as the
/// Rotterdam Wijkprofiel or the official Leefbaarometer (<c>--external leefbaarometer</c>), with rank and linear
/// correlations and the areas on which the two disagree most.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The <c>--external</c> value that compares with the official Leefbaarometer.</summary>
    private const string Leefbaarometer = "leefbaarometer";

    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var external = new Option<string[]>("--external") { Description = "External score indicator(s) (default: every Wijkprofiel index with values), or 'leefbaarometer' for the official Leefbaarometer (Ministerie van BZK)", AllowMultipleArgumentsPerToken = true };
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
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", result.GetValue(level), "gemeente, wijk, buurt")).ConfigureAwait(false);
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
            ExternalComparisonResult? compared = null;
            int? externalPeriod = result.GetValue(externalYear);
            if (externals is [var only] && only.Equals(Leefbaarometer, StringComparison.OrdinalIgnoreCase))
            {
                // The official Leefbaarometer: kept apart from the indicators, carried from PC4 where not published per area.
                var official = new LeefbaarometerService(store, monitor);
                var scored = await monitor.ScoreAsync(year, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);
                foreach (var division in scored.Scores.Where(s => s.Area.Code.Level == parsedLevel).Select(s => s.Area.Year).Distinct())
                {
                    var measured = (await official.LevelAsync(parsedLevel, division, cancellationToken).ConfigureAwait(false)).Years;
                    externalPeriod ??= measured.Count > 0 ? measured[^1] : null;
                }

                if (externalPeriod is null)
                {
                    await environment.Error.WriteLineAsync(Texts.Instance.Format("compare_no_lbm", parsedLevel.ToString().ToLowerInvariant(), year)).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                compared = await comparison.CompareWithLeefbaarometerAsync(official, externalPeriod.Value, year, parsedLevel, within, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);
            }

            foreach (var id in compared is null ? externals ?? [] : [])
            {
                if (!monitor.Catalog.Catalog.TryGet(id, out _))
                {
                    await environment.Error.WriteLineAsync(Texts.Instance.Format("external_unknown", id)).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }
            }

            var periods = await monitor.PeriodsAsync(cancellationToken).ConfigureAwait(false);
            if (compared is null && externalPeriod is null)
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
                await environment.Error.WriteLineAsync(Texts.Instance["compare_no_external"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            compared ??= await comparison.CompareAsync(ids, externalPeriod.Value, year, parsedLevel, within, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);
            if (compared.Correlations.All(c => c.Areas < 3))
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("compare_too_few", year, externalPeriod, within is null ? string.Empty : Texts.Instance.Format("within_gemeente", within))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            Output.Write(environment.Out, result.GetValue(format), ["ours", "external", "areas", "pearson", "spearman"], compared.Correlations.Select(c => (IReadOnlyList<object?>)[c.Ours, c.External, c.Areas, Math.Round(c.Pearson, 3), Math.Round(c.Spearman, 3)]));
            if (result.GetValue(format) == OutputFormat.Table)
            {
                foreach (var (id, worst) in compared.Disagreements)
                {
                    var isOfficial = id.StartsWith(Leefbaarometer, StringComparison.Ordinal);
                    var name = isOfficial ? $"{LeefbaarometerEdition.Source} ({id})" : monitor.Catalog.Catalog[id].Name();
                    environment.Out.MarkupLine(Markup.Escape(texts.Format("compare_disagreements", name, string.Join("; ", worst.Select(d =>
                        string.Create(CultureInfo.InvariantCulture, $"{CommandInput.NameOf(names, d.Area.Code, d.Area.Year) ?? d.Area.Code.Value} ({NumberText.Signed(d.Deviation)} / {(isOfficial ? d.External.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) : d.External.ToString("0", CultureInfo.InvariantCulture))}, {(d.RankDifference > 0 ? "+" : string.Empty)}{d.RankDifference:0} places)"))))));
                }

                environment.Out.MarkupLine(Markup.Escape(texts.Format("compare_footer", year, externalPeriod, compared.Scored.Reference.LocalDescription())));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
