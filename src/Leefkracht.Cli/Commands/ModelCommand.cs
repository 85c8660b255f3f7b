using Leefkracht.Core.Indices;
using Leefkracht.Data.Documents;
using Leefkracht.Monitor.Models;
using Leefkracht.Monitor.Validation;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht model fit</c>: estimate livability weights from the data (hedonic regression on WOZ values, or a fit
/// to any imported score) and write them as a model file; <c>leefkracht model show</c>: a model's weights.
/// </summary>
internal static class ModelCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var command = new Command("model", "Weight models: estimate one from the data (fit) or show one (show)");
        command.Subcommands.Add(Fit(environment, global));
        command.Subcommands.Add(Show(environment));
        return command;
    }

    private static Command Fit(CliEnvironment environment, GlobalOptions global)
    {
        var target = new Option<string>("--target") { Description = "lbm (the Leefbaarometer: refit the calibrated model's weights on the postcode areas), woz (log of the average WOZ value: the Leefbaarometer's behaviour model), log:ID, or any indicator id, e.g. wijkprofiel_social_index", Required = true };
        var year = new Option<int?>("--year") { Description = "Year of the predictors (default: the latest year with inhabitants)" };
        var targetYear = new Option<int?>("--target-year") { Description = "Year of the target when it differs (an external score of another year, carried onto the areas of --year)" };
        var level = new Option<string>("--level") { Description = "buurt (default), wijk or gemeente", DefaultValueFactory = _ => "buurt" };
        var gemeente = CommandInput.GemeenteOption("Only the areas of this gemeente (code or name)");
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (default 10)", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment (default 1)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Where to write the model file (JSON)", Required = true };
        var design = new Option<string?>("--design-out") { Description = "Also write the design (rows, weights, target, folds, standardised predictors) as CSV, to check the fit in another tool" };
        var command = new Command("fit", "Estimate weights by a population-weighted ridge regression with cross-validated penalty, and write the model file")
        {
            target, year, targetYear, level, gemeente, folds, seed, output, design,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            if (string.Equals(result.GetValue(target), "lbm", StringComparison.OrdinalIgnoreCase))
            {
                return await FitLeefbaarometerAsync(environment, context, result.GetValue(year), result.GetValue(targetYear), result.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            }

            var estimator = new ModelEstimator(monitor);
            if (estimator.ParseTarget(result.GetValue(target)!, out var targetError) is not { } spec)
            {
                await environment.Error.WriteLineAsync($"--target: {targetError}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (MonitorOptions.ParseLevel(result.GetValue(level)) is not { } parsedLevel)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", result.GetValue(level), "gemeente, wijk, buurt")).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) is not (true, var within))
            {
                return ExitCodes.InvalidInput;
            }

            var period = result.GetValue(year) ?? await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false);
            if (period is null)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["no_inhabited_year"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            EstimatedModel estimated;
            try
            {
                estimated = await estimator.EstimateAsync(period.Value, spec, result.GetValue(targetYear) ?? period.Value, parsedLevel, within, new EstimationOptions(result.GetValue(folds), result.GetValue(seed)), ModelDocument.HandSet.Rules, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                var reason = exception.Message.Split(" (Parameter", 2)[0];
                var levelName = parsedLevel.ToString().ToLowerInvariant();
                await environment.Error.WriteLineAsync(within is null
                    ? texts.Format("model_cannot_estimate", spec.Label, levelName, period, reason)
                    : texts.Format("model_cannot_estimate_within", spec.Label, levelName, period, within, reason)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await FileOutput.WriteAsync(result.GetValue(output)!, ModelDocument.ToJson(estimated.Model), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(design) is { } designPath)
            {
                await FileOutput.WriteAsync(designPath, ModelEstimator.DesignCsv(estimated), cancellationToken).ConfigureAwait(false);
            }

            WriteFit(environment, estimated, texts);
            environment.Out.MarkupLine(Markup.Escape(texts.Format("model_written", result.GetValue(output))));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliEnvironment environment)
    {
        var file = new Argument<string?>("file") { Description = "A shipped model id (leefkracht-lbm-calibrated, the default; leefkracht-default, the hand-set model) or a model file", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show a model's dimensions, weights, directions and reasons") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var texts = Texts.Instance;
            LivabilityModel model;
            try
            {
                model = result.GetValue(file) is { } path ? ModelDocument.Resolve(path) : ModelDocument.Default;
            }
            catch (Exception exception) when (exception is DocumentException or IOException or UnauthorizedAccessException)
            {
                await environment.Error.WriteLineAsync(FileOutput.ReadFailure(exception, result.GetValue(file))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            environment.Out.MarkupLine(Markup.Escape($"{model.Id} v{model.Version} ({model.Method}): {model.Description}"));
            var rows = model.Dimensions.SelectMany(d => d.Indicators.Select(i => (IReadOnlyList<object?>)[
                DimensionNames.Of(d.Dimension),
                d.Weight.ToString("0.000", CultureInfo.InvariantCulture),
                i.IndicatorId,
                (d.Weight * i.Weight / d.Indicators.Sum(x => x.Weight)).ToString("0.000", CultureInfo.InvariantCulture),
                i.Direction == Core.Indicators.Direction.HigherIsBetter ? "+" : "−",
                i.Reason]));
            Output.Write(environment.Out, OutputFormat.Table, [texts["dimension"], texts["weight"], texts["indicator"], texts["effective_weight"], "±", texts["reason"]], rows);
            environment.Out.MarkupLine(Markup.Escape(texts.Format("model_classes", string.Join(" | ", model.Classes.UpperBounds.Select(b => b.ToString("0.###", CultureInfo.InvariantCulture))))));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>--target lbm</c>: the calibrated model's weights estimated again against the Leefbaarometer, on the
    /// postcode areas of the store, by the method that produced the shipped model (<see cref="LbmCalibration"/>).
    /// </summary>
    private static async Task<int> FitLeefbaarometerAsync(CliEnvironment environment, CommandContext context, int? year, int? targetYear, string output, CancellationToken cancellationToken)
    {
        var (store, monitor, texts) = context;
        var period = year ?? await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false);
        if (period is null)
        {
            await environment.Error.WriteLineAsync(Texts.Instance["no_inhabited_year"]).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        LivabilityModel model;
        CalibratedFit fit;
        try
        {
            (model, fit) = await new ValidationService(store, monitor).FitAsync(period.Value, targetYear, ModelDocument.Calibrated, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException exception)
        {
            await environment.Error.WriteLineAsync(texts.Format("model_cannot_fit", exception.Message.Split(" (Parameter", 2)[0])).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        await FileOutput.WriteAsync(output, ModelDocument.ToJson(model), cancellationToken).ConfigureAwait(false);
        environment.Out.MarkupLine(Markup.Escape(texts.Format(
            "model_lbm_summary",
            model.Yardstick!.Target?.LatestMeasurement,
            fit.Rows,
            period,
            fit.LambdaFactor.ToString("0.####", CultureInfo.InvariantCulture),
            fit.RSquared.ToString("0.000", CultureInfo.InvariantCulture),
            fit.RSquaredOutOfFold.ToString("0.000", CultureInfo.InvariantCulture))));
        var rows = model.Yardstick.Indicators.OrderByDescending(i => Math.Abs(i.Coefficient)).Select(i => (IReadOnlyList<object?>)[
            i.IndicatorId,
            DimensionNames.Of(i.Dimension),
            i.Coefficient.ToString("+0.0000;−0.0000;0", CultureInfo.InvariantCulture),
            i.StandardError.ToString("0.0000", CultureInfo.InvariantCulture)]);
        Output.Write(environment.Out, OutputFormat.Table, [texts["indicator"], texts["dimension"], texts["per_sd"], texts["standard_error"]], rows);
        environment.Out.MarkupLine(Markup.Escape(texts.Format("model_written", output)));
        return ExitCodes.Success;
    }

    private static void WriteFit(CliEnvironment environment, EstimatedModel estimated, Texts texts)
    {
        var fit = estimated.Model.Fit!;
        environment.Out.MarkupLine(Markup.Escape(texts.Format("model_fit_summary", fit.Target, fit.Observations, fit.Level, fit.Period, fit.RSquared.ToString("0.000", CultureInfo.InvariantCulture), fit.RSquaredOutOfFold.ToString("0.000", CultureInfo.InvariantCulture), fit.Folds, fit.Lambda.ToString("0.###", CultureInfo.InvariantCulture))));
        var dimensionOf = estimated.Design.Predictors.ToDictionary(p => p.IndicatorId, p => p.Dimension);
        var rows = fit.Coefficients.OrderByDescending(c => Math.Abs(c.PerStandardDeviation)).Select(c => (IReadOnlyList<object?>)[
            c.IndicatorId,
            DimensionNames.Of(dimensionOf[c.IndicatorId]),
            c.PerStandardDeviation.ToString("+0.0000;−0.0000", CultureInfo.InvariantCulture),
            c.StandardError.ToString("0.0000", CultureInfo.InvariantCulture),
            (c.PerStandardDeviation / c.StandardError).ToString("0.0", CultureInfo.InvariantCulture)]);
        Output.Write(environment.Out, OutputFormat.Table, [texts["indicator"], texts["dimension"], texts["per_sd"], texts["standard_error"], "t"], rows);
        environment.Out.MarkupLine(Markup.Escape(string.Join("; ", estimated.Model.Dimensions.Select(d => $"{DimensionNames.Of(d.Dimension)} {NumberText.Percent(d.Weight, 0)}"))));
        foreach (var (id, reason) in estimated.Design.Dropped)
        {
            environment.Out.MarkupLine(Markup.Escape(texts.Format("model_dropped", id, reason)));
        }
    }
}
