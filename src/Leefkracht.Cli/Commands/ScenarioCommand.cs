using System.Text.Json;
using Leefkracht.Core.Planner;
using Leefkracht.Data.Documents;
using Leefkracht.Monitor.Planner;
using Leefkracht.Web.Planner;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht scenario run|compare|optimize</c>: what-if scenarios of housing mix and placements (docs/planner.md).
/// </summary>
internal static class ScenarioCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var command = new Command("scenario", "What-if scenarios: housing mix, placements and the placement optimiser (not a forecast)");
        command.Subcommands.Add(Run(environment, global));
        command.Subcommands.Add(Compare(environment, global));
        command.Subcommands.Add(Optimize(environment, global));
        return command;
    }

    private sealed class RunOptionSet
    {
        public Option<int?> Years { get; } = new("--years") { Description = "Years to project (overrides the file)" };

        public Option<ulong?> Seed { get; } = new("--seed") { Description = "Seed of a simulation that adds spreads (5th–95th percentile) to the expected values" };

        public Option<int> Replicates { get; } = new("--replicates") { Description = "Simulated replicates with --seed", DefaultValueFactory = _ => 200 };

        public Option<OutputFormat> Format { get; } = Output.FormatOption();

        public Option<string?> Chart { get; } = new("--chart") { Description = "Also write an SVG chart to this file" };

        public void AddTo(Command command)
        {
            command.Options.Add(Years);
            command.Options.Add(Seed);
            command.Options.Add(Replicates);
            command.Options.Add(Format);
            command.Options.Add(Chart);
        }

        public RunOptions Read(ParseResult result) => new(result.GetValue(Years), result.GetValue(Seed), result.GetValue(Replicates));
    }

    private static Command Run(CliEnvironment environment, GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "Scenario file (JSON)" };
        var options = new RunOptionSet();
        var command = new Command("run", "Project a scenario file: composition, resilience and placements per buurt and year") { file };
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var texts = Texts.Instance;
            var runs = await RunAllAsync([result.GetValue(file)!], options, result, global, environment, cancellationToken).ConfigureAwait(false);
            if (runs is null)
            {
                return ExitCodes.InvalidInput;
            }

            var run = runs[0];
            switch (result.GetValue(options.Format))
            {
                case OutputFormat.Json:
                    environment.Out.Profile.Out.Writer.WriteLine(PlannerJson.Run(run).ToJsonString(PlannerJson.Options));
                    break;
                case OutputFormat.Csv:
                    WriteRows(environment, OutputFormat.Csv, run.Buurten, texts);
                    break;
                default:
                    WriteRunTable(environment, run, texts);
                    break;
            }

            return await ChartAsync(runs, options, result, environment).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Compare(CliEnvironment environment, GlobalOptions global)
    {
        var files = new Argument<string[]>("files") { Description = "Two or more scenario files; the first is the one the others are compared with", Arity = new ArgumentArity(2, 10) };
        var options = new RunOptionSet();
        var command = new Command("compare", "Compare scenarios per buurt and year (the first is the reference, e.g. the baseline)") { files };
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var texts = Texts.Instance;
            var runs = await RunAllAsync(result.GetValue(files)!, options, result, global, environment, cancellationToken).ConfigureAwait(false);
            if (runs is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (runs.Select(r => r.Scenario.BaseYear).Distinct().Count() > 1)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["scenario_base_year"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var format = result.GetValue(options.Format);
            if (format == OutputFormat.Json)
            {
                environment.Out.Profile.Out.Writer.WriteLine(PlannerJson.Compare(runs).ToJsonString(PlannerJson.Options));
            }
            else if (format == OutputFormat.Csv)
            {
                WriteRows(environment, OutputFormat.Csv, runs.SelectMany(r => r.Buurten.Select(b => ((string?)r.Name, b))), texts);
            }
            else
            {
                WriteCompareTable(environment, runs, texts);
            }

            return await ChartAsync(runs, options, result, environment).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Optimize(CliEnvironment environment, GlobalOptions global)
    {
        var gemeente = new Option<string[]>("--gemeente") { Description = "Gemeente(n) whose buurten share the placements (code or name; repeat for a region)", Required = true, AllowMultipleArgumentsPerToken = true };
        var placements = new Option<int>("--placements") { Description = "Households to place this year", Required = true };
        var cap = new Option<double>("--cap") { Description = "Maximum share of a buurt's social-rent vacancies that goes to placements", DefaultValueFactory = _ => 0.5 };
        var exclude = new Option<double?>("--exclude-above") { Description = "No placements in buurten whose vulnerable share is already at or above this (0–1)" };
        var year = new Option<int?>("--year") { Description = "Year whose state is used (default: the latest with tenure figures for the buurten)" };
        var format = Output.FormatOption();
        var command = new Command("optimize", "Spread one year's placements over the buurten with vacancies: optimised against the naive 'where the vacancies are'")
        {
            gemeente, placements, cap, exclude, year, format,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var texts = Texts.Instance;
            if (result.GetValue(placements) is var n && n < 1 || result.GetValue(cap) is not (> 0 and <= 1) || result.GetValue(exclude) is (<= 0 or > 1))
            {
                await environment.Error.WriteLineAsync(Texts.Instance["scenario_allocation_limits"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var store = context.Store;
            var gemeenten = new List<AreaCode>();
            foreach (var text in result.GetValue(gemeente)!.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                var (ok, code) = await CommandInput.GemeenteAsync(text, store, environment, cancellationToken).ConfigureAwait(false);
                if (!ok || code is null)
                {
                    return ExitCodes.InvalidInput;
                }

                gemeenten.Add(code.Value);
            }

            OptimisationRun run;
            try
            {
                run = await new PlannerService(store).OptimiseAsync(gemeenten, n, new AllocationRules(result.GetValue(cap), 1.0, result.GetValue(exclude)), result.GetValue(year), null, cancellationToken).ConfigureAwait(false);
            }
            catch (DocumentException exception)
            {
                await environment.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var outputFormat = result.GetValue(format);
            if (outputFormat == OutputFormat.Json)
            {
                environment.Out.Profile.Out.Writer.WriteLine(PlannerJson.Optimisation(run).ToJsonString(PlannerJson.Options));
                return ExitCodes.Success;
            }

            var machine = outputFormat == OutputFormat.Csv;
            var rows = run.Rows.OrderByDescending(r => r.Optimised + r.Naive).ThenByDescending(r => r.Vacancies).ToList();
            string[] columns = machine
                ? ["code", "name", "households", "social_vacancies", "capacity", "vulnerable_share", "naive", "naive_share_after", "optimised", "optimised_share_after", "reason", "excluded"]
                : [texts["code"], texts["name"], PlannerTexts.Get("vacancies"), PlannerTexts.Get("capacity"), PlannerTexts.Get("share_now"), PlannerTexts.Get("naive"), PlannerTexts.Get("optimised"), PlannerTexts.Get("reason")];
            Output.Write(environment.Out, outputFormat, columns, rows.Where(r => machine || r.Naive + r.Optimised > 0).Select(r => machine
                ? (IReadOnlyList<object?>)[r.Code, r.Name, r.Households, r.Vacancies, r.Capacity, r.ShareBefore, r.Naive, r.NaiveShareAfter, r.Optimised, r.OptimisedShareAfter, r.Reason, r.Excluded]
                : [r.Code, r.Name, r.Vacancies.ToString("0", CultureInfo.InvariantCulture), r.Capacity, Pct(r.ShareBefore),
                    $"{r.Naive} → {Pct(r.NaiveShareAfter)}", $"{r.Optimised} → {Pct(r.OptimisedShareAfter)}", PlannerTexts.Get("reason." + r.Reason)]));
            if (!machine)
            {
                environment.Out.MarkupLine(Markup.Escape(PlannerTexts.Format("optimize_footer", run.Year, rows.Count(r => r.Naive + r.Optimised > 0), rows.Count)));
                foreach (var line in run.Explanation)
                {
                    environment.Out.MarkupLine(Markup.Escape(line));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<IReadOnlyList<ScenarioRun>?> RunAllAsync(
        IReadOnlyList<string> files, RunOptionSet options, ParseResult result, GlobalOptions global, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (result.GetValue(options.Years) is < 1 or > 50 || result.GetValue(options.Replicates) is < 1 or > 10_000)
        {
            await environment.Error.WriteLineAsync(Texts.Instance["scenario_run_limits"]).ConfigureAwait(false);
            return null;
        }

        var specs = new List<ScenarioSpec>();
        var failed = false;
        foreach (var file in files)
        {
            try
            {
                specs.Add(ScenarioDocument.Read(file));
            }
            catch (Exception exception) when (exception is DocumentException or IOException or UnauthorizedAccessException)
            {
                await environment.Error.WriteLineAsync(FileOutput.ReadFailure(exception, file)).ConfigureAwait(false);
                failed = true;
            }
        }

        if (failed)
        {
            return null;
        }

        await using var context = global.Open(result, environment);
        var store = context.Store;
        var planner = new PlannerService(store);
        var runs = new List<ScenarioRun>();
        foreach (var spec in specs)
        {
            try
            {
                runs.Add(await planner.RunAsync(spec, options.Read(result), cancellationToken).ConfigureAwait(false));
            }
            catch (DocumentException exception)
            {
                await environment.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return null;
            }
        }

        return runs;
    }

    private static async Task<int> ChartAsync(IReadOnlyList<ScenarioRun> runs, RunOptionSet options, ParseResult result, CliEnvironment environment)
    {
        if (result.GetValue(options.Chart) is not { } path)
        {
            return ExitCodes.Success;
        }

        await FileOutput.WriteAsync(path, PlannerChart.Svg(runs)).ConfigureAwait(false);
        await environment.Error.WriteLineAsync(PlannerTexts.Format("chart_written", path)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static void WriteRunTable(CliEnvironment environment, ScenarioRun run, Texts texts)
    {
        var console = environment.Out;
        console.MarkupLine(Markup.Escape($"{run.Name} — {PlannerText.WhatIf}"));
        WriteSummary(console, run, texts);
        var first = run.Years[0].Year;
        var last = run.Years[^1].Year;
        var before = run.InYear(first).ToDictionary(b => b.Code);
        var changed = run.InYear(last).OrderByDescending(b => Math.Abs(b.VulnerableShare - before[b.Code].VulnerableShare)).ThenBy(b => b.Resilience ?? double.MaxValue).Take(15).ToList();
        Output.Write(console, OutputFormat.Table,
            [texts["code"], texts["name"], PlannerTexts.Format("share_in", first), PlannerTexts.Format("share_in", last), PlannerTexts.Format("resilience_in", first), PlannerTexts.Format("resilience_in", last), PlannerTexts.Get("placed_total")],
            changed.Select(b => (IReadOnlyList<object?>)[b.Code, b.Name, Pct(before[b.Code].VulnerableShare), Pct(b.VulnerableShare, b.VulnerableSpread),
                Signed(before[b.Code].Resilience), Signed(b.Resilience, b.ResilienceSpread), run.Buurten.Where(r => r.Code == b.Code).Sum(r => r.Placed).ToString("0", CultureInfo.InvariantCulture)]));
        console.MarkupLine(Markup.Escape(PlannerTexts.Format("run_footer", changed.Count, run.InYear(last).Count(), run.Reference)));
        foreach (var assumption in run.Assumptions)
        {
            console.MarkupLine(Markup.Escape("* " + assumption));
        }
    }

    private static void WriteSummary(IAnsiConsole console, ScenarioRun run, Texts texts) =>
        Output.Write(console, OutputFormat.Table,
            [texts["period"], PlannerTexts.Get("dwellings"), PlannerTexts.Get("households"), PlannerTexts.Get("vulnerable"), PlannerTexts.Get("highest"),
                PlannerTexts.Format("above_tipping", Pct(run.Scenario.Parameters.TippingShare)), PlannerTexts.Get("mean_resilience"), PlannerTexts.Get("very_vulnerable"), PlannerTexts.Get("placed")],
            run.Years.Select(y => (IReadOnlyList<object?>)[y.Year, y.Dwellings.ToString("0", CultureInfo.InvariantCulture), y.Households.ToString("0", CultureInfo.InvariantCulture),
                Pct(y.VulnerableShare), Pct(y.HighestVulnerableShare), y.BuurtenAboveTipping, Signed(y.MeanResilience), y.VeryVulnerableBuurten,
                y.Refused > 0.5 ? $"{y.Placed:0} (+{y.Refused:0} {PlannerTexts.Get("refused")})" : y.Placed.ToString("0", CultureInfo.InvariantCulture)]));

    private static void WriteCompareTable(CliEnvironment environment, IReadOnlyList<ScenarioRun> runs, Texts texts)
    {
        var console = environment.Out;
        console.MarkupLine(Markup.Escape(PlannerText.WhatIf));
        foreach (var run in runs)
        {
            console.MarkupLine(Markup.Escape($"[{run.Name}]"));
            WriteSummary(console, run, texts);
        }

        var last = runs[0].Years[^1].Year;
        var reference = runs[0].InYear(last).ToDictionary(b => b.Code);
        var others = runs.Skip(1).Select(r => r.InYear(last).ToDictionary(b => b.Code)).ToList();
        var codes = reference.Keys.OrderByDescending(c => others.Max(o => o.TryGetValue(c, out var b) ? Math.Abs(b.VulnerableShare - reference[c].VulnerableShare) : 0)).Take(15).ToList();
        string[] columns = [texts["code"], texts["name"], $"{runs[0].Name}", .. runs.Skip(1).Select(r => r.Name)];
        Output.Write(console, OutputFormat.Table, columns, codes.Select(c => (IReadOnlyList<object?>)[c, reference[c].Name, $"{Pct(reference[c].VulnerableShare)} / {Signed(reference[c].Resilience)}",
            .. others.Select(o => o.TryGetValue(c, out var b) ? $"{Pct(b.VulnerableShare)} / {Signed(b.Resilience)}" : "–")]));
        console.MarkupLine(Markup.Escape(PlannerTexts.Format("compare_footer", last, codes.Count, runs[0].Name)));
    }

    private static void WriteRows(CliEnvironment environment, OutputFormat format, IEnumerable<BuurtOutcome> rows, Texts texts) =>
        WriteRows(environment, format, rows.Select(r => ((string?)null, r)), texts);

    private static void WriteRows(CliEnvironment environment, OutputFormat format, IEnumerable<(string? Scenario, BuurtOutcome Row)> rows, Texts texts)
    {
        _ = texts;
        string[] columns = ["scenario", "code", "name", "year", "dwellings", "households", "vulnerable_share", "social_rent_share", "mid_rent_share", "private_rent_share", "owner_occupied_share",
            "placed_households", "placed", "refused", "resilience", "resilience_class", "vulnerable_share_p5", "vulnerable_share_p95", "resilience_p5", "resilience_p95"];
        Output.Write(environment.Out, format, columns, rows.Select(x =>
        {
            var b = x.Row;
            return (IReadOnlyList<object?>)[x.Scenario, b.Code, b.Name, b.Year, b.Dwellings, b.Households, b.VulnerableShare, b.SocialRentShare, b.MidRentShare, b.PrivateRentShare, b.OwnerOccupiedShare,
                b.PlacedHouseholds, b.Placed, b.Refused, b.Resilience, b.ResilienceClass, b.VulnerableSpread?.Low, b.VulnerableSpread?.High, b.ResilienceSpread?.Low, b.ResilienceSpread?.High];
        }));
    }

    private static string Pct(double share, Spread? spread = null) =>
        NumberText.Percent(share, 1) + (spread is { } s ? $" ({NumberText.Number(100 * s.Low, "0.0")}–{NumberText.Number(100 * s.High, "0.0")})" : string.Empty);

    private static string Signed(double? value, Spread? spread = null) =>
        value is not { } v ? "–" : NumberText.Number(v, "+0.00;−0.00;0.00") + (spread is { } s ? $" ({NumberText.Number(s.Low, "0.00")}…{NumberText.Number(s.High, "0.00")})" : string.Empty);

    internal static string Serialize(object value) => JsonSerializer.Serialize(value, PlannerJson.Options);
}
