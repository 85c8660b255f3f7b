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

    private static object?[] Row(LivabilityScore score, ScoredYear scored, Dictionary<AreaKey, string?> names, Texts texts, bool machine)
    {
        var name = CommandInput.NameOf(names, score.Area.Code, score.Area.Year);
        var dimensions = scored.Model.Dimensions;
        if (machine)
        {
            var cells = new object?[11 + dimensions.Count];
            cells[0] = score.Area.Code.Value;
            cells[1] = name;
            cells[2] = score.Period;
            cells[3] = score.Area.Year;
            cells[4] = score.Score is { } s ? Math.Round(s, 1) : null;
            cells[5] = score.Deviation is { } d ? Math.Round(scored.PercentileOf(d), 1) : null;
            cells[6] = score.Deviation;
            cells[7] = score.Class;
            cells[8] = score.Class is { } c ? scored.Model.Classes.NameOf(c) : null;
            for (var i = 0; i < dimensions.Count; i++)
            {
                cells[9 + i] = score.IsScored ? score.ContributionOf(dimensions[i].Dimension) : null;
            }

            cells[^2] = Math.Round(score.Coverage, 3);
            cells[^1] = score.NotScoredReason;
            return cells;
        }

        // The table's cells are texts already: one array per row, without the LINQ it was built with (14,574 rows of a
        // buurt list, most of them run as unoptimised first-tier code).
        var shown = new object?[7 + dimensions.Count];
        shown[0] = score.Area.Code.Value;
        shown[1] = name;
        shown[2] = score.Score is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "–";
        shown[3] = score.Deviation is { } deviation ? scored.PercentileOf(deviation).ToString("0", CultureInfo.InvariantCulture) : "–";
        shown[4] = score.Deviation is { } dev ? NumberText.Signed(dev) : "–";
        shown[5] = score.Class is { } cls ? $"{cls} {scored.Model.Classes.NameOf(cls)}" : texts["not_scored"] + " *";
        for (var i = 0; i < dimensions.Count; i++)
        {
            shown[6 + i] = score.IsScored ? NumberText.Signed(Math.Round(score.ContributionOf(dimensions[i].Dimension), 3)) : string.Empty;
        }

        shown[^1] = NumberText.Percent(score.Coverage, 0);
        return shown;
    }
}
