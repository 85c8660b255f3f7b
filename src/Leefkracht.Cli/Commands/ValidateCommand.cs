using System.Text;
using Leefkracht.Core.Indices;
using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Monitor.Models;
using Leefkracht.Monitor.Validation;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht validate</c>: how our livability scores agree with the Leefbaarometer — Spearman and Pearson per level
/// in and out of sample for every shipped model and for single indicators, our class against theirs, the well-known
/// kwetsbare wijken and the largest disagreements — as tables, or (<c>--format markdown</c>) as the body of
/// docs/validation.md.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var year = new Option<int?>("--year") { Description = "Year of our indicators (default: the latest year with inhabitants)" };
        var targetYear = new Option<int?>("--target-year") { Description = "Leefbaarometer measurement to compare with (default: the latest)" };
        var model = new Option<string?>("--model") { Description = "The calibrated model to validate out of sample (default: leefkracht-lbm-calibrated), a shipped id or a model file" };
        var format = new Option<string>("--format") { Description = "table (default) or markdown (the body of docs/validation.md)", DefaultValueFactory = _ => "table" };
        var output = new Option<string?>("--out") { Description = "Write the markdown to this file instead of the console" };
        var count = new Option<int>("--disagreements") { Description = "How many of the largest disagreements to list (default 15)", DefaultValueFactory = _ => 15 };
        var command = new Command("validate", "Validate our livability scores against the Leefbaarometer: correlations per level in and out of sample, classes, kwetsbare wijken, disagreements")
        {
            year, targetYear, model, format, output, count,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var markdown = result.GetValue(format) switch
            {
                "table" => false,
                "markdown" => true,
                var other => (bool?)null,
            };
            if (markdown is null)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--format", result.GetValue(format), "table, markdown")).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            LivabilityModel validated;
            try
            {
                validated = result.GetValue(model) is { } path ? ModelDocument.Resolve(path) : ModelDocument.Calibrated;
            }
            catch (Exception exception) when (exception is Data.Documents.DocumentException or IOException or UnauthorizedAccessException)
            {
                await environment.Error.WriteLineAsync(FileOutput.ReadFailure(exception, result.GetValue(model))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            var period = result.GetValue(year) ?? await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false);
            if (period is null)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["no_inhabited_year"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            ValidationReport report;
            try
            {
                report = await new ValidationService(store, monitor).ValidateAsync(period.Value, result.GetValue(targetYear), validated, result.GetValue(count), cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("validate_cannot", exception.Message.Split(" (Parameter", 2)[0])).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var writer = new ReportWriter(markdown.Value, texts, monitor);
            writer.Write(report, CommandLine(result, year, targetYear, model, output));
            if (markdown.Value && result.GetValue(output) is { } file)
            {
                await FileOutput.WriteAsync(file, writer.Markdown, cancellationToken).ConfigureAwait(false);
                environment.Out.MarkupLine(Markup.Escape(texts.Format("validate_written", file)));
            }
            else if (markdown.Value)
            {
                environment.Out.Profile.Out.Writer.Write(writer.Markdown);
            }
            else
            {
                writer.Flush(environment.Out);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The command as given (without the database setting), for the top of the generated document.</summary>
    private static string CommandLine(ParseResult result, Option<int?> year, Option<int?> targetYear, Option<string?> model, Option<string?> output)
    {
        var parts = new List<string> { "leefkracht validate" };
        if (result.GetValue(year) is { } y)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"--year {y}"));
        }

        if (result.GetValue(targetYear) is { } t)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"--target-year {t}"));
        }

        if (result.GetValue(model) is { } m)
        {
            parts.Add($"--model {m}");
        }

        parts.Add("--format markdown");
        if (result.GetValue(output) is { } o)
        {
            parts.Add($"--out {o}");
        }

        if (Core.Text.Words.InEnglish)
        {
            parts.Add("--lang en");
        }

        return string.Join(' ', parts);
    }

    /// <summary>Writes the report's sections either as Spectre tables or as markdown.</summary>
    private sealed class ReportWriter(bool markdown, Texts texts, MonitorService monitor)
    {
        private readonly StringBuilder _markdown = new();
        private readonly List<Action<IAnsiConsole>> _console = [];

        public string Markdown => _markdown.ToString();

        public void Flush(IAnsiConsole console)
        {
            foreach (var write in _console)
            {
                write(console);
            }
        }

        public void Write(ValidationReport report, string commandLine)
        {
            if (markdown)
            {
                _markdown.Append("# ").AppendLine(texts["validate_title"]).AppendLine();
                Paragraph(texts.Format("validate_generated", commandLine));
            }

            Paragraph(texts.Format("validate_intro", report.Period, report.TargetYear, report.ModelId, LeefbaarometerEdition.Source));
            Paragraph(texts.Format("validate_method", LbmCalibration.OuterFolds, LbmCalibration.MinimumInhabitants));
            var levels = Enum.GetValues<ValidationLevel>();
            Section(
                texts["validate_agreement_title"],
                [texts["validate_subject"], texts["validate_sample"], .. levels.Select(l => texts[$"validate_level_{l}"])],
                report.Agreements.Select(row => (IReadOnlyList<string>)[
                    Subject(row),
                    row.Sample == AgreementSample.OutOfTime ? texts.Format("validate_sample_OutOfTime", report.EarlierTargetYear, report.TargetYear) : texts[$"validate_sample_{row.Sample}"],
                    .. levels.Select(l => row.ByLevel.TryGetValue(l, out var a) ? Cell(a) : "—")]));
            Paragraph(texts["validate_agreement_note"]);
            if (report.Of(report.ModelId, AgreementSample.OutOfSample, ValidationLevel.Wijk) is { } wijk)
            {
                var subsets = report.WijkSubsets.ToDictionary(s => s.Subset, s => Rho(s.Agreement), StringComparer.Ordinal);
                Paragraph(
                    texts.Format(wijk.Spearman >= 0.8 ? "validate_verdict_reached" : "validate_verdict_below", Rho(wijk), subsets.GetValueOrDefault("purity"), subsets.GetValueOrDefault("large"))
                    + " " + texts[BeatsEverySingleIndicator(report) ? "validate_beats_all" : "validate_beats_not"]);
            }

            Section(
                texts["validate_subsets_title"],
                [texts["validate_subset"], texts["validate_level_Wijk"]],
                report.WijkSubsets.Select(s => (IReadOnlyList<string>)[texts[$"validate_subset_{s.Subset}"], Cell(s.Agreement)]));

            Section(
                texts["validate_groups_title"],
                [texts["dimension"], .. levels.Select(l => $"{texts["validate_alone"]}: {texts[$"validate_level_{l}"]}"), .. levels.Select(l => $"{texts["validate_without"]}: {texts[$"validate_level_{l}"]}")],
                report.Groups.Select(g => (IReadOnlyList<string>)[
                    DimensionNames.Of(g.Dimension),
                    .. levels.Select(l => g.Alone.TryGetValue(l, out var a) ? Rho(a) : "—"),
                    .. levels.Select(l => g.WithoutIt.TryGetValue(l, out var a) ? Rho(a) : "—")]));
            Paragraph(texts["validate_groups_note"]);

            Section(
                texts["validate_confusion_title"],
                [texts["validate_ours_theirs"], .. Enumerable.Range(1, 9).Select(k => k.ToString(CultureInfo.InvariantCulture))],
                report.Confusion.Counts.Select((row, i) => (IReadOnlyList<string>)[
                    $"{i + 1} {LeefbaarometerClasses.NameOf(i + 1)}",
                    .. row.Select(n => n.ToString(CultureInfo.InvariantCulture))]));
            Paragraph(texts.Format("validate_confusion_summary", Percent(report.Confusion.Exact), Percent(report.Confusion.WithinOne), report.Confusion.Total));

            Section(
                texts["validate_known_title"],
                [texts["validate_area"], texts["validate_group"], texts["validate_inhabitants"], texts["validate_lbm"], texts["validate_lbm_rank"], texts["validate_ours"], texts["validate_our_rank"], texts["validate_peers"]],
                report.KnownAreas.Select(k => (IReadOnlyList<string>)[
                    $"{k.Name} ({k.Area})",
                    texts[$"validate_group_{k.Group}"],
                    k.Inhabitants.ToString("N0", CultureInfo.CurrentCulture),
                    $"{Signed(k.LbmDeviation)} ({k.LbmClass})",
                    Percent(k.LbmRank),
                    $"{Signed(k.OurDeviation)} ({k.OurClass})",
                    Percent(k.OurRank),
                    k.Peers.ToString(CultureInfo.InvariantCulture)]));
            Paragraph(texts["validate_known_note"]);

            Section(
                texts["validate_disagreements_title"],
                [texts["validate_area"], texts["validate_inhabitants"], texts["validate_lbm"], texts["validate_ours"], texts["validate_difference"], texts["validate_purity"], texts["validate_our_indicator"], texts["validate_their_dimension"]],
                report.Disagreements.Select(d => (IReadOnlyList<string>)[
                    $"{d.Name} ({d.Area})",
                    d.Inhabitants.ToString("N0", CultureInfo.CurrentCulture),
                    Signed(d.LbmDeviation),
                    Signed(d.OurDeviation),
                    Signed(d.Difference),
                    d.Purity.ToString("0.00", CultureInfo.InvariantCulture),
                    $"{monitor.Catalog.Catalog[d.Indicator].Name()} {Signed(d.Contribution)}",
                    d.LbmDimension is { } dimension ? $"{dimension} {Signed(d.LbmDimensionValue)}" : "—"]));
            Paragraph(texts["validate_disagreements_note"]);
            Paragraph(texts["validate_gap"]);

            Paragraph(texts.Format(
                "validate_refit",
                report.Refit.Rows,
                report.Refit.LambdaFactor.ToString("0.####", CultureInfo.InvariantCulture),
                report.Refit.RSquared.ToString("0.000", CultureInfo.InvariantCulture),
                report.Refit.RSquaredOutOfFold.ToString("0.000", CultureInfo.InvariantCulture),
                string.Join(", ", report.FoldLambdas.Select(l => l.ToString("0.####", CultureInfo.InvariantCulture)))));
        }

        private string Subject(AgreementRow row) => row.Subject == AgreementSubject.Model
            ? texts.Format("validate_model", row.Id)
            : texts.Format("validate_indicator", monitor.Catalog.Catalog[row.Id].Name());

        private static string Cell(Agreement a) => double.IsNaN(a.Spearman)
            ? "—"
            : string.Create(CultureInfo.InvariantCulture, $"{a.Spearman:0.000} / {a.Pearson:0.000} ({a.Areas:N0})");

        /// <summary>Whether the validated model, out of sample, ranks closer to the Leefbaarometer than every single indicator at every level both are compared at.</summary>
        private static bool BeatsEverySingleIndicator(ValidationReport report) => report.Agreements
            .Where(a => a.Subject == AgreementSubject.Indicator)
            .All(a => a.ByLevel.All(x => report.Of(report.ModelId, AgreementSample.OutOfSample, x.Key) is { } ours && ours.Spearman > x.Value.Spearman));

        private static string Rho(Agreement a) => a.Spearman.ToString("0.000", CultureInfo.InvariantCulture);

        private static string Signed(double value) => value.ToString("+0.000;−0.000", CultureInfo.InvariantCulture);

        private static string Percent(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + " %";

        private void Paragraph(string text)
        {
            if (markdown)
            {
                _markdown.AppendLine(text).AppendLine();
            }
            else
            {
                _console.Add(console => console.MarkupLine(Markup.Escape(text)));
            }
        }

        private void Section(string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
        {
            var list = rows.ToList();
            if (!markdown)
            {
                _console.Add(console =>
                {
                    console.MarkupLine(Markup.Escape(title));
                    Output.Write(console, OutputFormat.Table, columns, list.Select(r => (IReadOnlyList<object?>)[.. r]));
                });
                return;
            }

            _markdown.Append("## ").AppendLine(title).AppendLine();
            _markdown.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
            _markdown.Append('|').AppendJoin('|', columns.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
            foreach (var row in list)
            {
                _markdown.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
            }

            _markdown.AppendLine();
        }
    }
}
