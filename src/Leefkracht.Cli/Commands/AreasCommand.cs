using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht areas</c>: list areas by level, division year, gemeente or name.</summary>
internal static class AreasCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var level = new Option<string?>("--level") { Description = "gemeente, wijk or buurt (or land)" };
        var year = new Option<int?>("--year") { Description = "Division (indeling) year" };
        var gemeente = new Option<string?>("--gemeente") { Description = "Only areas in this gemeente (code such as GM0344, or name)" };
        var search = new Option<string?>("--search") { Description = "Only areas whose name contains this text" };
        var format = Output.FormatOption();
        var command = new Command("areas", "List areas (code, name, level, division year)") { level, year, gemeente, search, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            AreaLevel? parsedLevel = null;
            if (result.GetValue(level) is { } levelText)
            {
                if (!Enum.TryParse<AreaLevel>(levelText, ignoreCase: true, out var l) || int.TryParse(levelText, out _))
                {
                    await environment.Error.WriteLineAsync(Texts.Instance.Format("option_not_one_of", "--level", levelText, "land, gemeente, wijk, buurt")).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                parsedLevel = l;
            }

            await using var context = global.Open(result, environment);
            var (store, _, texts) = context;
            AreaCode? within = null;
            if (result.GetValue(gemeente) is { } gemeenteText)
            {
                within = await ResolveGemeente(store, gemeenteText, cancellationToken).ConfigureAwait(false);
                if (within is null)
                {
                    await environment.Error.WriteLineAsync(Texts.Instance.Format("gemeente_unknown", gemeenteText)).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }
            }

            var areas = await store.LoadAreasAsync(new AreaQuery(parsedLevel, result.GetValue(year), within, result.GetValue(search)), cancellationToken).ConfigureAwait(false);
            var names = (await store.LoadAreasAsync(new AreaQuery(AreaLevel.Gemeente), cancellationToken).ConfigureAwait(false))
                .GroupBy(a => a.Code)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).Select(a => a.Name).FirstOrDefault(n => n is not null));
            Output.Write(
                environment.Out,
                result.GetValue(format),
                [texts["code"], texts["name"], texts["level"], texts["year"], texts["gemeente"]],
                areas.Select(a => (IReadOnlyList<object?>)[
                    a.Code.Value,
                    a.Name,
                    a.Level.ToString().ToLowerInvariant(),
                    a.Year,
                    a.Code.Gemeente is { } gm ? $"{gm} {names.GetValueOrDefault(gm)}".Trim() : null,
                ]));
            if (result.GetValue(format) == OutputFormat.Table)
            {
                environment.Out.MarkupLine(texts.Format("areas_found", areas.Count));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A gemeente code, or the code of the one gemeente with exactly this name.</summary>
    public static async Task<AreaCode?> ResolveGemeente(IMonitorStore store, string text, CancellationToken cancellationToken)
    {
        if (AreaCode.TryParse(text, out var code))
        {
            return code.Level == AreaLevel.Gemeente ? code : null;
        }

        return await GemeenteNamedAsync(store, text.Trim(), cancellationToken).ConfigureAwait(false)
            ?? (GemeenteAliases.GemeenteNamed(text) is { } official ? await GemeenteNamedAsync(store, official, cancellationToken).ConfigureAwait(false) : null);
    }

    // The one gemeente the store names exactly so (case ignored), or null when none or more than one does.
    private static async Task<AreaCode?> GemeenteNamedAsync(IMonitorStore store, string name, CancellationToken cancellationToken)
    {
        var matches = (await store.LoadAreasAsync(new AreaQuery(AreaLevel.Gemeente, NameContains: name), cancellationToken).ConfigureAwait(false))
            .Where(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Code)
            .Distinct()
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
