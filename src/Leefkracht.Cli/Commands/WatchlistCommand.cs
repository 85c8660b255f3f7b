using Leefkracht.Core.Indices;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht watchlist</c>: neighbourhoods near a tipping point, ranked, with the reasons in words;
/// <c>leefkracht watchlist backtest</c>: how well the early warning would have worked on the years we have.
/// </summary>
internal static class WatchlistCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var from = new Option<int?>("--from") { Description = "Measure changes since this year (default: the earlier year that compares the most areas)" };
        var level = new Option<string?>("--level") { Description = "Only buurt, wijk or gemeente (default: all levels)" };
        var gemeente = CommandInput.GemeenteOption();
        var format = Output.FormatOption();
        var command = new Command("watchlist", "Early warning: areas near the zwak/voldoende tipping point that decline, with rising vulnerable shares or falling resilience, ranked by risk")
        {
            from, level, gemeente, format,
        };
        command.Options.Add(monitorOptions.Year);
        command.Options.Add(monitorOptions.Model);
        command.Subcommands.Add(BacktestCommand(environment, global));
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            AreaLevel? parsedLevel = null;
            if (result.GetValue(level) is { } levelText)
            {
                parsedLevel = MonitorOptions.ParseLevel(levelText);
                if (parsedLevel is null)
                {
                    await environment.Error.WriteLineAsync($"--level '{levelText}' is not one of gemeente, wijk, buurt").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }
            }

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            if (await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) is not (true, var within)
                || await monitorOptions.YearAsync(result, environment, monitor, cancellationToken).ConfigureAwait(false) is not { } year)
            {
                return ExitCodes.InvalidInput;
            }

            if (result.GetValue(from) is { } fromYear && fromYear >= year)
            {
                await environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"--from {fromYear} must be before the year of the watchlist ({year})")).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var watchlist = await new EarlyWarningService(monitor).WatchlistAsync(year, result.GetValue(from), within, parsedLevel, choice.Model, cancellationToken).ConfigureAwait(false);
            var resilience = await monitor.ResilienceAsync(year, ResilienceModel.Default, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            var outputFormat = result.GetValue(format);
            var machine = outputFormat != OutputFormat.Table;
            string[] columns = machine
                ? ["rank", "code", "name", "level", "from", "to", "risk", "score", "change", "tipping_point", "vulnerable_share", "vulnerable_share_change", "corporatiebuurt", "signals", "reasons"]
                : ["#", texts["code"], texts["name"], texts["risk"], texts["deviation"], texts["change"], texts["reasons"]];
            Output.Write(environment.Out, outputFormat, columns, watchlist.Entries.Select((entry, i) =>
            {
                var s = entry.Signals;
                var reasons = WatchlistText.Reasons(entry, monitor.Catalog.Catalog, resilience.ScoreOf(s.Area.Code)?.VulnerableIndicator);
                var name = CommandInput.NameOf(names, s.Area.Code, s.Area.Year);
                return machine
                    ? (IReadOnlyList<object?>)[i + 1, s.Area.Code.Value, name, s.Area.Code.Level.ToString().ToLowerInvariant(), s.FromPeriod, s.ToPeriod, Math.Round(entry.Risk, 4), s.Score, s.Change, s.TippingPoint, s.VulnerableShare, s.VulnerableShareChange, s.IsCorporatiebuurt,
                        string.Join(";", entry.Findings.Select(f => f.Signal.ToString())), string.Join("; ", reasons)]
                    : [(i + 1).ToString(CultureInfo.InvariantCulture), s.Area.Code.Value, name,
                        entry.Risk.ToString("P0", CultureInfo.InvariantCulture),
                        s.Score is { } v ? NumberText.Signed(v) : "–",
                        s.Change is { } c ? NumberText.Signed(c) : "–",
                        string.Join("; ", reasons)];
            }));
            if (!machine)
            {
                environment.Out.MarkupLine(Markup.Escape(texts.Format(
                    "watchlist_footer",
                    watchlist.Entries.Count,
                    watchlist.Signals.Count,
                    watchlist.FromPeriod,
                    watchlist.ToPeriod,
                    watchlist.Reference.LocalDescription(),
                    NumberText.Signed(watchlist.TippingPoint))));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BacktestCommand(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var format = Output.FormatOption();
        var command = new Command("backtest", "Backtest the early warning on the multi-year panels of the database (Heerlen 2016–2020, Haaglanden 2011–2022, health 2012–2024): precision and recall, against baselines") { format };
        command.Options.Add(monitorOptions.Model);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (_, monitor, texts) = context;
            var backtest = await new EarlyWarningService(monitor).BacktestAsync(choice.Model, cancellationToken).ConfigureAwait(false);
            var reports = backtest.Panels;
            if (reports.Count == 0)
            {
                await environment.Error.WriteLineAsync("no panel to backtest: the database holds none of the multi-year series (import the sample with 'leefkracht demo')").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var rows = reports.SelectMany(r => r.Rules.Select(p => (r, p, Outcome: "decline")).Concat(r.Tipping.Select(p => (r, p, Outcome: "tipping"))))
                .Select(x => (IReadOnlyList<object?>)[x.r.Panel, x.Outcome, x.p.Name, x.p.Cases, x.p.Declines, x.p.Flagged, x.p.TruePositives, Round(x.p.Precision), Round(x.p.Recall)])
                .ToList();
            Output.Write(environment.Out, result.GetValue(format), ["panel", "outcome", "warning", "cases", "events", "flagged", "true_positives", "precision", "recall"], rows);
            if (result.GetValue(format) == OutputFormat.Table)
            {
                foreach (var report in reports)
                {
                    environment.Out.MarkupLine(Markup.Escape(texts.Format("backtest_summary", report.Panel, report.Cases.Count, report.BaseRate.ToString("P0", CultureInfo.InvariantCulture), report.TestPeriod, Text(report.ModelAuc), Text(report.DefaultModelAuc), Text(report.TransferAuc))));
                }

                if (backtest.PooledModel is { } pooled)
                {
                    environment.Out.MarkupLine(Markup.Escape(texts.Format("backtest_pooled", backtest.PooledCases, string.Join(", ", new[] { pooled.Intercept }.Concat(pooled.Coefficients).Select(c => c.ToString("0.000", CultureInfo.InvariantCulture))))));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);

    private static string Text(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
