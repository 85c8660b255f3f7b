using Leefkracht.Core.Indices;
using Leefkracht.Data.Storage;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht score</c>: the livability index of every area of a level and year.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var level = new Option<string>("--level") { Description = "buurt (default), wijk or gemeente", DefaultValueFactory = _ => "buurt" };
        var gemeente = CommandInput.GemeenteOption();
        var format = Output.FormatOption();
        var command = new Command("score", "Livability per area: deviation from the reference, class, the five dimension contributions, coverage") { level, gemeente, format };
        monitorOptions.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (MonitorOptions.ParseLevel(result.GetValue(level)) is not { } parsedLevel)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", result.GetValue(level), "gemeente, wijk, buurt")).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (await monitorOptions.ReadAsync(result, environment).ConfigureAwait(false) is not { } choice)
            {
                return ExitCodes.InvalidInput;
            }

            PhaseTimings.Mark("model");
            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            if (await monitorOptions.YearAsync(result, environment, monitor, cancellationToken).ConfigureAwait(false) is not { } year)
            {
                return ExitCodes.InvalidInput;
            }

            PhaseTimings.Mark("open the store");

            if (await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) is not (true, var within))
            {
                return ExitCodes.InvalidInput;
            }

            var scored = await monitor.ScoreAsync(year, choice.Model, choice.Reference, cancellationToken).ConfigureAwait(false);
            PhaseTimings.Mark("score the year");
            var rows = scored.Scores.Where(s => s.Area.Code.Level == parsedLevel && (within is null || s.Area.Code.IsWithin(within.Value))).ToList();
            if (rows.Count == 0)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("no_level_values", parsedLevel.ToString().ToLowerInvariant(), year, within is null ? string.Empty : Texts.Instance.Format("within_gemeente", within))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            // Only the level's names: a buurt list needs no wijk or gemeente names, and reads a fraction of the areas.
            var names = await Names(store, parsedLevel, cancellationToken).ConfigureAwait(false);
            PhaseTimings.Mark("names");
            var outputFormat = result.GetValue(format);
            var machine = outputFormat != OutputFormat.Table;
            string[] columns = machine
                ? ["code", "name", "year", "division", "score", "percentile", "deviation", "class", "class_name", .. scored.Model.Dimensions.Select(d => DimensionNames.ShortName(d.Dimension)), "coverage", "not_scored_reason"]
                : [texts["code"], texts["name"], texts["score"], texts["percentile"], texts["deviation"], texts["class"], .. scored.Model.Dimensions.Select(d => DimensionNames.ShortName(d.Dimension)), texts["coverage"]];
            Output.Write(environment.Out, outputFormat, columns, rows.Select(s => Row(s, scored, names, texts, machine)));
            if (!machine)
            {
                Output.WriteReasons(environment.Out, rows.Select(s => s.NotScoredReason));
                environment.Out.MarkupLine(Markup.Escape(texts.Format("score_footer", rows.Count(s => s.IsScored), rows.Count, scored.Reference.LocalDescription(), scored.Model.Id, scored.Model.Version)));
            }

            PhaseTimings.Mark("output");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Task<Dictionary<AreaKey, string?>> Names(IMonitorStore store, CancellationToken cancellationToken) =>
        Names(store, null, cancellationToken);

    /// <summary>The names of the areas of one level (of every level when null), per area and division.</summary>
    public static async Task<Dictionary<AreaKey, string?>> Names(IMonitorStore store, AreaLevel? level, CancellationToken cancellationToken) =>
        (await store.LoadAreasAsync(new AreaQuery(level), cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Key, a => a.Name);

    private static IReadOnlyList<object?> Row(LivabilityScore score, ScoredYear scored, Dictionary<AreaKey, string?> names, Texts texts, bool machine)
    {
        var name = CommandInput.NameOf(names, score.Area.Code, score.Area.Year);
        var dimensions = scored.Model.Dimensions.Select(d => score.IsScored ? (object?)Round(score.ContributionOf(d.Dimension), machine) : null);
        if (machine)
        {
            return [score.Area.Code.Value, name, score.Period, score.Area.Year,
                score.Score is { } s ? Math.Round(s, 1) : null,
                score.Deviation is { } d ? Math.Round(scored.PercentileOf(d), 1) : null,
                score.Deviation, score.Class, score.Class is { } c ? scored.Model.Classes.NameOf(c) : null,
                .. dimensions, Math.Round(score.Coverage, 3), score.NotScoredReason];
        }

        return [score.Area.Code.Value, name,
            score.Score is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "–",
            score.Deviation is { } deviation ? scored.PercentileOf(deviation).ToString("0", CultureInfo.InvariantCulture) : "–",
            score.Deviation is { } dev ? NumberText.Signed(dev) : "–",
            score.Class is { } cls ? $"{cls} {scored.Model.Classes.NameOf(cls)}" : texts["not_scored"] + " *",
            .. dimensions.Select(v => v is double x ? NumberText.Signed(x) : string.Empty),
            NumberText.Percent(score.Coverage, 0)];
    }

    private static double Round(double value, bool machine) => machine ? value : Math.Round(value, 3);
}
