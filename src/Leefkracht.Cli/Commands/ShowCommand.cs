using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht show CODE [--year Y]</c>: every stored indicator of an area, grouped by theme.</summary>
internal static class ShowCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var code = new Argument<string>("code") { Description = "Area code: GMxxxx, WKxxxxxx or BUxxxxxxxx" };
        var year = new Option<int?>("--year") { Description = "Only values describing this year (default: all years)" };
        var format = Output.FormatOption();
        var command = new Command("show", "Show all indicators of an area") { code, year, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            var text = result.GetValue(code)!;
            if (!AreaCode.TryParse(text, out var area, out var error))
            {
                await environment.Error.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, _, texts) = context;
            var divisions = await store.LoadAreasAsync(new AreaQuery(area.Level, Within: area), cancellationToken).ConfigureAwait(false);
            divisions = [.. divisions.Where(a => a.Code == area)];
            if (divisions.Count == 0)
            {
                await environment.Error.WriteLineAsync(texts.Format("unknown_area", area, store.Location)).ConfigureAwait(false);
                var suggestions = await Suggestions(store, area, cancellationToken).ConfigureAwait(false);
                if (suggestions.Count > 0)
                {
                    await environment.Error.WriteLineAsync($"{texts["did_you_mean"]}: {string.Join("; ", suggestions)}").ConfigureAwait(false);
                }

                return ExitCodes.InvalidInput;
            }

            var period = result.GetValue(year);
            var observations = await store.LoadObservationsAsync(area, period, cancellationToken).ConfigureAwait(false);
            var catalog = CatalogDocument.Default.Catalog;
            var outputFormat = result.GetValue(format);
            if (outputFormat != OutputFormat.Table)
            {
                Output.Write(
                    environment.Out,
                    outputFormat,
                    ["code", "division", "period", "indicator", "name", "value", "unit", "source"],
                    observations.Select(o => (IReadOnlyList<object?>)[
                        o.Area.Code.Value, o.Area.Year, o.Period, o.IndicatorId,
                        catalog[o.IndicatorId].Name(), o.Value, catalog[o.IndicatorId].Unit.ToString(), o.SourceFile,
                    ]));
                return observations.Count > 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
            }

            await PrintHeader(environment.Out, store, area, divisions, texts, cancellationToken).ConfigureAwait(false);
            if (observations.Count == 0)
            {
                await environment.Error.WriteLineAsync(texts.Format("no_values", area, period is { } p ? $" ({p})" : string.Empty)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            PrintValues(environment.Out, observations, texts);
            environment.Out.MarkupLine($"[grey]{Markup.Escape(texts["caveat"])}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task PrintHeader(IAnsiConsole console, IMonitorStore store, AreaCode area, IReadOnlyList<Area> divisions, Texts texts, CancellationToken cancellationToken)
    {
        var latest = divisions.OrderByDescending(d => d.Year).First(d => d.Name is not null || d == divisions[^1]);
        console.MarkupLine($"[bold]{Markup.Escape(latest.Name ?? area.Value)}[/] ({area}, {area.Level.ToString().ToLowerInvariant()})");
        var names = divisions.Where(d => d.Name is not null).GroupBy(d => d.Name).Select(g => $"{g.Key} ({string.Join(", ", g.Select(d => d.Year))})");
        console.MarkupLine($"[grey]{Markup.Escape(texts["year"])}: {Markup.Escape(string.Join("; ", names))}[/]");
        for (var parent = area.Parent; parent is { Level: not AreaLevel.Land } p; parent = p.Parent)
        {
            var parentArea = (await store.LoadAreasAsync(new AreaQuery(p.Level, Within: p), cancellationToken).ConfigureAwait(false))
                .Where(a => a.Code == p && a.Name is not null)
                .OrderByDescending(a => a.Year)
                .FirstOrDefault();
            console.MarkupLine($"[grey]{Markup.Escape(texts[p.Level.ToString().ToLowerInvariant()])}: {p} {Markup.Escape(parentArea?.Name ?? string.Empty)}[/]");
        }
    }

    private static void PrintValues(IAnsiConsole console, IReadOnlyList<StoredObservation> observations, Texts texts)
    {
        var catalog = CatalogDocument.Default.Catalog;
        var columns = observations.Select(o => (o.Period, Division: o.Area.Year)).Distinct().OrderBy(c => c.Period).ThenBy(c => c.Division).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn(texts["indicator"]).AddColumn(texts["unit"]);
        foreach (var (period, division) in columns)
        {
            table.AddColumn(new TableColumn(period == division ? $"{period}" : $"{period} ({texts["year"].ToLowerInvariant()} {division})").RightAligned());
        }

        var byIndicator = observations.GroupBy(o => o.IndicatorId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var theme in catalog.Indicators.Where(i => byIndicator.ContainsKey(i.Id)).GroupBy(i => i.Theme))
        {
            table.AddRow(new Markup($"[bold]{Markup.Escape(texts["theme." + theme.Key])}[/]"));
            foreach (var indicator in theme)
            {
                var values = byIndicator[indicator.Id];
                var cells = new List<string> { Markup.Escape(indicator.Name()), Markup.Escape(NumberText.Unit(indicator.Unit, texts)) };
                cells.AddRange(columns.Select(c => values.FirstOrDefault(v => v.Period == c.Period && v.Area.Year == c.Division) is { } v
                    ? NumberText.Format(v.Value, indicator.Unit)
                    : string.Empty));
                table.AddRow(cells.ToArray());
            }
        }

        console.Write(table);
        console.MarkupLine($"[grey]{Markup.Escape(texts["sources"])}:[/]");
        foreach (var source in observations.GroupBy(o => o.SourceFile).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var years = string.Join(", ", source.Select(o => o.Period).Distinct().Order());
            console.MarkupLine($"[grey]  {Markup.Escape(source.Key)} ({years}; {source.Select(o => o.IndicatorId).Distinct().Count()} indicators)[/]");
        }
    }

    /// <summary>Areas whose codes share the longest prefix with an unknown code (same wijk, else same gemeente).</summary>
    private static async Task<List<string>> Suggestions(IMonitorStore store, AreaCode unknown, CancellationToken cancellationToken)
    {
        foreach (var within in new[] { unknown.Parent, unknown.Gemeente }.OfType<AreaCode>().Where(c => c.Level != AreaLevel.Land).Distinct())
        {
            var nearby = (await store.LoadAreasAsync(new AreaQuery(unknown.Level, Within: within), cancellationToken).ConfigureAwait(false))
                .GroupBy(a => a.Code)
                .Select(g => g.OrderByDescending(a => a.Year).First())
                .OrderBy(a => a.Code)
                .Take(5)
                .Select(a => $"{a.Code} {a.Name}".Trim())
                .ToList();
            if (nearby.Count > 0)
            {
                return nearby;
            }
        }

        return [];
    }
}
