using Leefkracht.Core.Indices;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht resilience [CODE]</c>: resilience (veerkracht) — capacity against the pressure of vulnerable
/// households, location quotients, the corporatiebuurt flag — for one area (a note) or every area of a level.
/// </summary>
internal static class ResilienceCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var monitorOptions = new MonitorOptions();
        var code = new Argument<string?>("code") { Description = "Area code; leave out for a table of a whole level", Arity = ArgumentArity.ZeroOrOne };
        var level = new Option<string>("--level") { Description = "Without a code: buurt (default), wijk or gemeente", DefaultValueFactory = _ => "buurt" };
        var gemeente = CommandInput.GemeenteOption("Without a code: only the areas of this gemeente (code or name)");
        var format = Output.FormatOption();
        var command = new Command("resilience", "Resilience (veerkracht): capacity against the pressure of vulnerable households, location quotients, corporatiebuurt flag, turnover")
        {
            code, level, gemeente, format,
        };
        command.Options.Add(monitorOptions.Year);
        command.Options.Add(monitorOptions.Reference);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!ReferenceChoice.TryParse(result.GetValue(monitorOptions.Reference), out var reference, out var referenceError))
            {
                await environment.Error.WriteLineAsync($"--reference: {referenceError}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            var (codeOk, area) = await CommandInput.AreaCodeAsync(result.GetValue(code), environment).ConfigureAwait(false);
            var (gemeenteOk, within) = area is null ? await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) : (true, null);
            if (!codeOk || !gemeenteOk || await monitorOptions.YearAsync(result, environment, monitor, cancellationToken).ConfigureAwait(false) is not { } year)
            {
                return ExitCodes.InvalidInput;
            }

            var resilience = await monitor.ResilienceAsync(year, ResilienceModel.Default, reference, cancellationToken).ConfigureAwait(false);
            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            if (area is { } a)
            {
                if (resilience.ScoreOf(a) is not { } score)
                {
                    await environment.Error.WriteLineAsync(texts.Format("no_data_for_area", a, year)).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                await environment.Out.Profile.Out.Writer.WriteAsync(ResilienceWriter.Write(resilience, score.Area, CommandInput.NamesFor(names, score.Area), monitor.Catalog.Catalog)).ConfigureAwait(false);
                return score.Score is null ? ExitCodes.InvalidInput : ExitCodes.Success;
            }

            if (MonitorOptions.ParseLevel(result.GetValue(level)) is not { } parsedLevel)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", result.GetValue(level), "gemeente, wijk, buurt")).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var rows = resilience.Scores.Where(s => s.Area.Code.Level == parsedLevel && (within is null || s.Area.Code.IsWithin(within.Value))).ToList();
            if (rows.Count == 0)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("no_level_values", parsedLevel.ToString().ToLowerInvariant(), year, within is null ? string.Empty : Texts.Instance.Format("within_gemeente", within))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var outputFormat = result.GetValue(format);
            var machine = outputFormat != OutputFormat.Table;
            string[] columns = machine
                ? ["code", "name", "year", "score", "class", "class_name", "capacity", "pressure", "vulnerable_indicator", "vulnerable_share", "lq_gemeente", "lq_reference", "corporation_pct", "corporatiebuurt", "moved_more_than_once_pct", "not_scored_reason"]
                : [texts["code"], texts["name"], texts["resilience"], texts["class"], texts["vulnerable_share"], texts["lq"], texts["corporation_pct"], texts["corporatiebuurt"]];
            Output.Write(environment.Out, outputFormat, columns, rows.OrderBy(s => s.Score ?? double.MaxValue).Select(s =>
            {
                var name = CommandInput.NameOf(names, s.Area.Code, s.Area.Year);
                return machine
                    ? (IReadOnlyList<object?>)[s.Area.Code.Value, name, s.Period, s.Score, s.Class, s.Class is { } c ? ResilienceModel.NameOf(c) : null, s.Capacity, s.Pressure,
                        s.VulnerableIndicator, s.VulnerableShare, s.LocationQuotientGemeente, s.LocationQuotientCountry, s.CorporationShare, s.IsCorporatiebuurt, s.Turnover, s.NotScoredReason?.ToString()]
                    : [s.Area.Code.Value, name,
                        s.Score is { } v ? NumberText.Signed(v) : texts["not_scored"] + " *",
                        s.Class is { } k ? $"{k} {ResilienceModel.NameOf(k)}" : string.Empty,
                        s.VulnerableShare is { } share ? NumberText.Percent(share / 100, 1) : "–",
                        s.LocationQuotientGemeente is { } lq ? lq.ToString("0.00", CultureInfo.InvariantCulture) : "–",
                        s.CorporationShare is { } corp ? corp.ToString("0", CultureInfo.InvariantCulture) + " %" : "–",
                        s.IsCorporatiebuurt ? texts["yes"] : string.Empty];
            }));
            if (!machine)
            {
                Output.WriteReasons(environment.Out, rows.Select(s => s.NotScoredReason?.ToString()));
                environment.Out.MarkupLine(Markup.Escape(texts.Format("resilience_footer", rows.Count(s => s.Score is not null), rows.Count, resilience.Reference.LocalDescription())));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
