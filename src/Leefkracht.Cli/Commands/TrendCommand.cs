using Leefkracht.Core.Indices;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht trend CODE --from Y1 --to Y2</c>: how an area's livability changed, on one reference; without a code,
/// the change of every area of a level (<c>--level</c>, <c>--gemeente</c>).
/// </summary>
internal static class TrendCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var code = new Argument<string?>("code") { Description = "Area code (GMxxxx, WKxxxxxx, BUxxxxxxxx); leave out for a table of a whole level", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<int>("--from") { Description = "The first year", Required = true };
        var to = new Option<int>("--to") { Description = "The second year", Required = true };
        var level = new Option<string>("--level") { Description = "Without a code: buurt (default), wijk or gemeente", DefaultValueFactory = _ => "buurt" };
        var gemeente = CommandInput.GemeenteOption("Without a code: only the areas of this gemeente (code or name)");
        var format = Output.FormatOption();
        var command = new Command("trend", "Livability change between two years on one reference, with change classes (1 strong decline … 5 no change … 9 strong improvement)")
        {
            code, from, to, level, gemeente, format,
        };
        command.Options.Add(monitorOptions.Model);
        command.Options.Add(monitorOptions.Reference);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (fromYear, toYear) = (result.GetValue(from), result.GetValue(to));
            if (fromYear == toYear)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("trend_same_years", fromYear)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            var years = await monitor.ScorableYearsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var year in new[] { fromYear, toYear }.Where(y => !years.Contains(y)))
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("year_not_scorable", year, string.Join(", ", years.Order()))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var (codeOk, area) = await CommandInput.AreaCodeAsync(result.GetValue(code), environment).ConfigureAwait(false);
            var (gemeenteOk, within) = area is null ? await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) : (true, null);
            if (!codeOk || !gemeenteOk)
            {
                return ExitCodes.InvalidInput;
            }

            var trends = await monitor.TrendAsync(fromYear, toYear, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);

            // A national base year with too little data (say 2016: health figures only) cannot carry a livability score;
            // unless the user chose a reference, fall back to the gemeente's own buurten in the base year.
            var fallbackGemeente = (area ?? within)?.Gemeente;
            if (result.GetValue(monitorOptions.Reference) is null && fallbackGemeente is { } gm
                && LivabilityIndex.ReferenceCoverage(choice.Model, trends.Reference).Share < choice.Model.Rules.MinimumReferenceCoverage)
            {
                trends = await monitor.TrendAsync(fromYear, toYear, choice.Model, ReferenceChoice.OfGemeente(gm), cancellationToken).ConfigureAwait(false);
                environment.Out.MarkupLine(Markup.Escape(texts.Format("trend_reference_fallback", fromYear, gm)));
            }

            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            return area is { } a
                ? await WriteArea(environment, trends, a, names, monitor, texts, result.GetValue(format)).ConfigureAwait(false)
                : await WriteLevel(environment, trends, result.GetValue(level), within, names, texts, result.GetValue(format)).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> WriteArea(CliEnvironment environment, TrendYears trends, AreaCode code, Dictionary<AreaKey, string?> names, MonitorService monitor, Texts texts, OutputFormat format)
    {
        if (trends.TrendOf(code) is not { } trend)
        {
            await environment.Error.WriteLineAsync(texts.Format("no_data_for_area", code, trends.ToPeriod)).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (format == OutputFormat.Json)
        {
            var json = new
            {
                code = code.Value,
                name = CommandInput.NameOf(names, code, trend.Area.Year),
                from = trends.FromPeriod,
                to = trends.ToPeriod,
                reference = trends.Reference.LocalDescription(),
                fromDeviation = trend.From.Deviation,
                toDeviation = trend.To.Deviation,
                change = trend.Change,
                changeClass = trend.ChangeClass,
                changeClassName = trend.ChangeClass is { } k ? trends.Model.ChangeClasses.NameOf(k) : null,
                dimensions = trend.Dimensions.Select(d => new { dimension = DimensionNames.ShortName(d.Dimension), from = d.From, to = d.To, change = d.Change }),
                indicators = trend.Indicators.Select(i => new { id = i.IndicatorId, fromValue = i.FromValue, toValue = i.ToValue, change = i.Change }),
                onlyInOneYear = trend.OnlyInOneYear,
                rebuiltFrom = trends.Lineage.TryGetValue(trend.Area, out var lineage) && lineage.ThroughCrosswalk ? lineage.Sources.Select(s => new { code = s.Source.Code.Value, division = s.Source.Year, share = s.Share }) : null,
                notComparedReason = trend.NotComparedReason,
            };
            Output.WriteJson(environment.Out, json);
        }
        else
        {
            var note = TrendWriter.Write(
                trends,
                trend.Area,
                CommandInput.NamesFor(names, trend.Area),
                monitor.Catalog.Catalog);
            await environment.Out.Profile.Out.Writer.WriteAsync(note).ConfigureAwait(false);
        }

        return trend.IsCompared ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static async Task<int> WriteLevel(CliEnvironment environment, TrendYears trends, string? levelText, AreaCode? within, Dictionary<AreaKey, string?> names, Texts texts, OutputFormat format)
    {
        if (MonitorOptions.ParseLevel(levelText) is not { } level)
        {
            await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", levelText, "gemeente, wijk, buurt")).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var rows = trends.Trends.Where(t => t.Area.Code.Level == level && (within is null || t.Area.Code.IsWithin(within.Value))).ToList();
        if (rows.Count == 0)
        {
            await environment.Error.WriteLineAsync(Texts.Instance.Format("no_level_values", level.ToString().ToLowerInvariant(), trends.ToPeriod, within is null ? string.Empty : Texts.Instance.Format("within_gemeente", within))).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var machine = format != OutputFormat.Table;
        var dimensions = trends.Model.Dimensions.Select(d => d.Dimension).ToList();
        string[] columns = machine
            ? ["code", "name", "from", "to", "from_deviation", "to_deviation", "change", "change_class", "change_class_name", .. dimensions.Select(d => "d_" + DimensionNames.ShortName(d)), "rebuilt_through_crosswalk", "not_compared_reason"]
            : [texts["code"], texts["name"], trends.FromPeriod.ToString(CultureInfo.InvariantCulture), trends.ToPeriod.ToString(CultureInfo.InvariantCulture), texts["change"], texts["change_class"], .. dimensions.Select(d => "Δ" + DimensionNames.ShortName(d))];
        Output.Write(environment.Out, format, columns, rows.OrderBy(t => t.Change ?? double.MaxValue).Select(t =>
        {
            var name = CommandInput.NameOf(names, t.Area.Code, t.Area.Year);
            var changes = dimensions.Select(d => t.Dimensions.FirstOrDefault(x => x.Dimension == d)?.Change);
            var rebuilt = trends.Lineage.TryGetValue(t.Area, out var lineage) && lineage.ThroughCrosswalk;
            return machine
                ? (IReadOnlyList<object?>)[t.Area.Code.Value, name, t.FromPeriod, t.ToPeriod, t.From.Deviation, t.To.Deviation, t.Change, t.ChangeClass, t.ChangeClass is { } c ? trends.Model.ChangeClasses.NameOf(c) : null, .. changes.Cast<object?>(), rebuilt, t.NotComparedReason]
                : [t.Area.Code.Value, name,
                    t.From.Deviation is { } f ? NumberText.Signed(f) : "–",
                    t.To.Deviation is { } d ? NumberText.Signed(d) : "–",
                    t.Change is { } ch ? NumberText.Signed(ch) : texts["not_compared"] + " *",
                    t.ChangeClass is { } k ? $"{k} {trends.Model.ChangeClasses.NameOf(k)}" : string.Empty,
                    .. changes.Select(v => v is { } x ? NumberText.Signed(x) : string.Empty)];
        }));
        if (!machine)
        {
            Output.WriteReasons(environment.Out, rows.Select(t => t.NotComparedReason));
            environment.Out.MarkupLine(Markup.Escape(texts.Format("trend_footer", rows.Count(t => t.IsCompared), rows.Count, trends.Reference.LocalDescription(), trends.Model.Id, trends.Model.Version)));
        }

        return ExitCodes.Success;
    }
}
