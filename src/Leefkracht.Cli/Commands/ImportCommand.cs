using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Web.Monitor;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht import FILES-OR-FOLDERS</c>: import with a progress bar and a report per file.</summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (searched recursively); .gz is read directly", Arity = ArgumentArity.OneOrMore };
        var maxErrors = new Option<int>("--max-errors") { Description = "Errors a file may have and still be stored (default 0: any error rejects the file)", DefaultValueFactory = _ => 0 };
        var year = new Option<int?>("--year") { Description = "Year of the data, when neither the content nor the file name says" };
        var gemeente = new Option<string?>("--gemeente") { Description = "Gemeente (code or name) of a file that names areas instead of coding them" };
        var division = new Option<int?>("--division") { Description = "Division year the codes of a police/health/long table belong to" };
        var force = new Option<bool>("--force") { Description = "Import even if a file with the same SHA-256 was imported before" };
        var report = new Option<string?>("--report") { Description = "Also write the full reports as JSON to this file" };
        var verbose = new Option<bool>("--verbose") { Description = "Also list informational notes, not only errors and warnings" };
        var maxFile = new Option<int>("--max-file-mb") { Description = "Largest (decompressed) file accepted, in MB", DefaultValueFactory = _ => (int)(ImportLimits.Default.MaxBytes >> 20) };
        var maxLine = new Option<int>("--max-line-kb") { Description = "Longest table line accepted, in KB", DefaultValueFactory = _ => ImportLimits.Default.MaxLineBytes >> 10 };
        var maxRatio = new Option<int>("--max-ratio") { Description = "Largest expansion of a .gz file accepted (decompressed size / compressed size)", DefaultValueFactory = _ => ImportLimits.Default.MaxRatio };
        var maxFields = new Option<int>("--max-fields") { Description = "Most fields of one table line accepted", DefaultValueFactory = _ => ImportLimits.Default.MaxFields };
        var maxDepth = new Option<int>("--max-depth") { Description = "Deepest nesting of a JSON file accepted", DefaultValueFactory = _ => ImportLimits.Default.MaxJsonDepth };
        var command = new Command("import", "Import KWB tables, boundaries, long tables and crosswalks")
        {
            paths, maxErrors, year, gemeente, division, force, report, verbose, maxFile, maxLine, maxRatio, maxFields, maxDepth,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(maxErrors) < 0)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_at_least", "--max-errors", 0)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (new[] { maxFile, maxLine, maxRatio, maxFields, maxDepth }.FirstOrDefault(o => result.GetValue(o) <= 0) is { } limit)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_at_least", limit.Name, 1)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var options = new ImportOptions
            {
                MaxErrors = result.GetValue(maxErrors),
                Year = result.GetValue(year),
                Gemeente = result.GetValue(gemeente),
                Division = result.GetValue(division),
                Force = result.GetValue(force),
                Limits = ImportLimits.Default with
                {
                    MaxBytes = (long)result.GetValue(maxFile) << 20,
                    MaxLineBytes = Math.Min(result.GetValue(maxLine), int.MaxValue >> 10) << 10,
                    MaxRatio = result.GetValue(maxRatio),
                    MaxFields = result.GetValue(maxFields),
                    MaxJsonDepth = result.GetValue(maxDepth),
                },
            };
            await using var context = global.Open(result, environment);
            var (store, _, texts) = context;
            var reports = await Run(environment, store, result.GetValue(paths)!, options, texts, cancellationToken).ConfigureAwait(false);
            Print(environment, reports, texts, result.GetValue(verbose));
            if (result.GetValue(report) is { } reportPath)
            {
                await FileOutput.WriteAsync(reportPath, "[" + string.Join(",\n", reports.Select(Importer.ToJson)) + "]\n", cancellationToken).ConfigureAwait(false);
            }

            var rejected = reports.Where(r => r.Outcome == ImportOutcome.Rejected).ToList();
            foreach (var file in rejected)
            {
                await environment.Error.WriteLineAsync($"{file.File}: {texts["rejected"]}: {file.Summary}").ConfigureAwait(false);
            }

            return rejected.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Runs an import with a progress bar when the terminal is interactive; when it stored anything, then computes and
    /// stores the default year's results (<see cref="DefaultResults"/>) before it returns, so that a server started
    /// on the store answers its first profile without computing them.
    /// </summary>
    public static async Task<IReadOnlyList<ImportReport>> Run(
        CliEnvironment environment,
        Data.Storage.IMonitorStore store,
        IReadOnlyList<string> paths,
        ImportOptions options,
        Texts texts,
        CancellationToken cancellationToken)
    {
        var importer = new Importer(store, CatalogDocument.Default, environment.Clock);
        IReadOnlyList<ImportReport> reports = [];
        if (!environment.Interactive)
        {
            reports = await importer.ImportAsync(paths, options, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await environment.Out.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(texts["importing"]);
                    var progress = new Progress<ImportProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.FileCount);
                        task.Value = p.FileIndex;
                        task.Description = $"{texts["importing"]} {Markup.Escape(p.FileName)}";
                    });
                    reports = await importer.ImportAsync(paths, options, progress, cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    task.Description = texts["importing"];
                }).ConfigureAwait(false);
        }

        // The import's own process computes what a first visitor would wait for (docs/benchmarks.md,
        // "Scores and resilience stored"), so the command reports done once the store is ready to serve.
        if (reports.Any(r => r.Outcome == ImportOutcome.Stored))
        {
            PhaseTimings.Mark("import");
            await StoreDefaultResultsAsync(store, cancellationToken).ConfigureAwait(false);
        }

        return reports;
    }

    /// <summary>
    /// The step after an import that stored anything (of <c>import</c>, <c>demo</c> and <c>fetch</c>): the default
    /// year's results (<see cref="DefaultResults"/>) and the map boundaries the dashboard asks for first
    /// (<see cref="MapGeometryResults"/>), computed where they are missing for the current data.
    /// </summary>
    public static async Task StoreDefaultResultsAsync(Data.Storage.IMonitorStore store, CancellationToken cancellationToken)
    {
        if (await DefaultResults.StoreAsync(store, PhaseTimings.Mark, cancellationToken).ConfigureAwait(false) is { } year)
        {
            await MapGeometryResults.StoreAsync(store, year, cancellationToken).ConfigureAwait(false);
            PhaseTimings.Mark("store map geometry");
        }
    }

    /// <summary>Prints the reports: per file the outcome, then the findings (<paramref name="verbose"/> adds notes;
    /// <paramref name="compact"/> lists only errors one by one and counts warnings and notes by reason).</summary>
    public static void Print(CliEnvironment environment, IReadOnlyList<ImportReport> reports, Texts texts, bool verbose, bool compact = false)
    {
        var console = environment.Out;
        foreach (var report in reports)
        {
            var (mark, colour, outcome) = report.Outcome switch
            {
                ImportOutcome.Stored => ("✔", "green", texts["stored"]),
                ImportOutcome.AlreadyImported => ("=", "grey", texts["already"]),
                _ => ("✘", "red", texts["rejected"]),
            };
            console.MarkupLine($"[{colour}]{mark} {Markup.Escape(report.File)}[/] [grey]({Markup.Escape(report.Shape)})[/]");
            console.MarkupLine($"  [{colour}]{outcome}[/]: {Markup.Escape(report.Summary)}");
            if (report.Outcome != ImportOutcome.AlreadyImported)
            {
                console.MarkupLine(Markup.Escape(texts.Format("rows_line", report.RowsRead, report.RowsStored, report.RowsSkipped, report.RowsRejected, report.Errors, report.Warnings)));
            }
        }

        foreach (var report in reports)
        {
            var shown = report.Issues.Where(i => (verbose || i.Severity != IssueSeverity.Info) && (!compact || i.Severity == IssueSeverity.Error)).ToList();
            if (compact && report.IssueCounts.Any(c => c.Severity == IssueSeverity.Warning))
            {
                console.MarkupLine($"[bold]{Markup.Escape(report.File)}[/]");
                foreach (var count in report.IssueCounts.Where(c => c.Severity == IssueSeverity.Warning))
                {
                    console.MarkupLine($"  [yellow]{count.Count} × {Markup.Escape(count.Reason)}[/]");
                }
            }

            if (shown.Count == 0)
            {
                continue;
            }

            console.MarkupLine($"[bold]{Markup.Escape(report.File)}[/]");
            foreach (var issue in shown)
            {
                var colour = issue.Severity switch
                {
                    IssueSeverity.Error => "red",
                    IssueSeverity.Warning => "yellow",
                    _ => "grey",
                };
                console.MarkupLine($"  [{colour}]{Markup.Escape(issue.ToString())}[/]");
            }

            foreach (var count in report.IssueCounts.Where(c => c.Count > IssueLog.DetailLimitPerReason && (verbose || c.Severity != IssueSeverity.Info)))
            {
                console.MarkupLine($"  [grey]{Markup.Escape(texts.Format("import_more", count.Count - IssueLog.DetailLimitPerReason, count.Reason))}[/]");
            }
        }

        console.MarkupLine(texts.Format(
            "run_summary",
            reports.Count,
            reports.Count(r => r.Outcome == ImportOutcome.Stored),
            reports.Count(r => r.Outcome == ImportOutcome.AlreadyImported),
            reports.Count(r => r.Outcome == ImportOutcome.Rejected)));
    }
}
