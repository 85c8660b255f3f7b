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
        var command = new Command("watchlist", "Early warning: areas ranked by their chance of sliding to zwak or worse within four years (Leefbaarometer scale), with the reasons and the risk's backtest")
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
                    await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", levelText, "gemeente, wijk, buurt")).ConfigureAwait(false);
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
                await environment.Error.WriteLineAsync(Texts.Instance.Format("watchlist_from_after", fromYear, year)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var watchlist = await new EarlyWarningService(monitor).WatchlistAsync(year, result.GetValue(from), within, parsedLevel, choice.Model, cancellationToken).ConfigureAwait(false);
            var resilience = await monitor.ResilienceAsync(year, ResilienceModel.Default, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            var outputFormat = result.GetValue(format);
            var machine = outputFormat != OutputFormat.Table;
            string[] columns = machine
                ? ["rank", "code", "name", "level", "from", "to", "risk", "score", "change", "lbm_level", "lbm_momentum_per_year", "tipping_point", "vulnerable_share", "vulnerable_share_change", "corporatiebuurt", "signals", "reasons"]
                : ["#", texts["code"], texts["name"], WatchlistText.RiskLabel, texts["deviation"], texts["change"], texts["reasons"]];
            Output.Write(environment.Out, outputFormat, columns, watchlist.Entries.Select((entry, i) =>
            {
                var s = entry.Signals;
                var reasons = WatchlistText.Reasons(entry, monitor.Catalog.Catalog, resilience.ScoreOf(s.Area.Code)?.VulnerableIndicator);
                var name = CommandInput.NameOf(names, s.Area.Code, s.Area.Year);
                return machine
                    ? (IReadOnlyList<object?>)[i + 1, s.Area.Code.Value, name, s.Area.Code.Level.ToString().ToLowerInvariant(), watchlist.FromPeriod, s.ToPeriod, Math.Round(entry.Risk, 4), s.Score, s.Change, Round(entry.Level), Round(entry.MomentumPerYear), s.TippingPoint, s.VulnerableShare, s.VulnerableShareChange, s.IsCorporatiebuurt,
                        string.Join(";", entry.Findings.Select(f => f.Signal.ToString())), string.Join("; ", reasons)]
                    : [(i + 1).ToString(CultureInfo.InvariantCulture), s.Area.Code.Value, name,
                        NumberText.Percent(entry.Risk, 1),
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
                    watchlist.FromPeriod?.ToString(CultureInfo.InvariantCulture) ?? "–",
                    watchlist.ToPeriod,
                    watchlist.Reference.LocalDescription(),
                    NumberText.Signed(watchlist.TippingPoint))));
                var backtest = await new LeefbaarometerService(store, monitor).BacktestAsync(cancellationToken).ConfigureAwait(false);
                foreach (var line in WatchlistText.Basis(watchlist.Model, backtest))
                {
                    environment.Out.MarkupLine(Markup.Escape(line));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BacktestCommand(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var format = Output.FormatOption();
        var panels = new Option<bool>("--panels") { Description = "Backtest the former rules and model on the multi-year panels instead (Heerlen 2016–2020, Haaglanden 2011–2022, health 2012–2024)" };
        var command = new Command("backtest", "Backtest the watchlist's risk on the Leefbaarometer PC4 series (signals 2012/2014 → outcomes 2016/2018): precision@k and recall against the base rate and the naive rules") { format, panels };
        command.Options.Add(monitorOptions.Model);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            if (result.GetValue(panels))
            {
                return await PanelsAsync(environment, monitor, texts, choice.Model, result.GetValue(format), cancellationToken).ConfigureAwait(false);
            }

            if (await new LeefbaarometerService(store, monitor).BacktestAsync(cancellationToken).ConfigureAwait(false) is not { } backtest)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["watchlist_no_pc4"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var ks = FallRiskBacktest.Ks;
            string[] columns = ["signal_year", "outcome_year", "outcome", "ranking", "cases", "events", "base_rate", "auc", .. ks.SelectMany(k => new[] { $"p@{k}", $"r@{k}" })];
            Output.Write(environment.Out, result.GetValue(format), columns, backtest.Rankings.Select(r => (IReadOnlyList<object?>)
                [r.SignalYear, r.SignalYear + FallRiskBacktest.Horizon, r.Outcome, r.Ranking, r.Cases, r.Events, Round(r.BaseRate), Round(r.Auc), .. r.AtK.SelectMany(a => new object?[] { Round(a.Precision), Round(a.Recall) })]));
            if (result.GetValue(format) == OutputFormat.Table)
            {
                var m = backtest.Model;
                environment.Out.MarkupLine(Markup.Escape(texts.Format("backtest_model", FallRiskBacktest.TrainingYear, backtest.TrainingCases, Text(m.Intercept), Text(m.Level), Text(m.Momentum), Text(m.BaseRate))));
                foreach (var line in WatchlistText.Basis(m, backtest))
                {
                    environment.Out.MarkupLine(Markup.Escape(line));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> PanelsAsync(CliEnvironment environment, MonitorService monitor, Texts texts, LivabilityModel model, OutputFormat format, CancellationToken cancellationToken)
    {
        var backtest = await new EarlyWarningService(monitor).BacktestAsync(model, cancellationToken).ConfigureAwait(false);
        var reports = backtest.Panels;
        if (reports.Count == 0)
        {
            await environment.Error.WriteLineAsync(Texts.Instance["watchlist_no_panel"]).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var rows = reports.SelectMany(r => r.Rules.Select(p => (r, p, Outcome: "decline")).Concat(r.Tipping.Select(p => (r, p, Outcome: "tipping"))))
            .Select(x => (IReadOnlyList<object?>)[x.r.Panel, x.Outcome, x.p.Name, x.p.Cases, x.p.Declines, x.p.Flagged, x.p.TruePositives, Round(x.p.Precision), Round(x.p.Recall)])
            .ToList();
        Output.Write(environment.Out, format, ["panel", "outcome", "warning", "cases", "events", "flagged", "true_positives", "precision", "recall"], rows);
        if (format == OutputFormat.Table)
        {
            foreach (var report in reports)
            {
                environment.Out.MarkupLine(Markup.Escape(texts.Format("backtest_summary", report.Panel, report.Cases.Count, NumberText.Percent(report.BaseRate, 0), report.TestPeriod, Text(report.ModelAuc), Text(report.DefaultModelAuc), Text(report.TransferAuc))));
            }

            if (backtest.PooledModel is { } pooled)
            {
                environment.Out.MarkupLine(Markup.Escape(texts.Format("backtest_pooled", backtest.PooledCases, string.Join(", ", new[] { pooled.Intercept }.Concat(pooled.Coefficients).Select(c => c.ToString("0.000", CultureInfo.InvariantCulture))))));
            }
        }

        return ExitCodes.Success;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);

    private static double? Round(double? value) => value is { } v ? Round(v) : null;

    private static string Text(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
