using Leefkracht.Monitor.Spatial;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht segregation --group G --gemeente GM… [--year Y]</c>: dissimilarity, isolation, exposure, Theil's H and
/// location quotients of a group over the buurten of each gemeente, for one year or every year with data.
/// </summary>
internal static class SegregationCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var group = new Option<string>("--group")
        {
            Description = "low_income, social_minimum, corporation, or a percentage indicator such as dwellings_owner_occupied_pct; several (same base) separated by commas give the multigroup Theil H",
            Required = true,
        };
        var gemeente = new Option<string[]>("--gemeente") { Description = "Gemeenten (codes or names; repeat or separate with commas)", Required = true, AllowMultipleArgumentsPerToken = true };
        var year = new Option<int?>("--year") { Description = "Year of the data (default: every year with data for the group)" };
        var perBuurt = new Option<bool>("--per-buurt") { Description = "List the location quotient of every buurt instead of the indices per gemeente" };
        var format = Output.FormatOption();
        var command = new Command("segregation", "Segregation of a group over the buurten of gemeenten: D, isolation, exposure, Theil's H, location quotients")
        {
            group, gemeente, year, perBuurt, format,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            var errors = new List<string>();
            var groups = new List<SegregationGroup>();
            foreach (var name in result.GetValue(group)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (SegregationGroup.Resolve(name, monitor.Catalog.Catalog) is { } resolved)
                {
                    groups.Add(resolved);
                }
                else
                {
                    errors.Add(Texts.Instance.Format("segregation_group", name, string.Join(", ", SegregationGroup.Named.Keys)));
                }
            }

            if (groups.Select(g => g.BaseIndicator).Distinct().Count() > 1)
            {
                errors.Add(Texts.Instance.Format("segregation_bases", string.Join(", ", groups.Select(g => Texts.Instance.Format("segregation_group_base", g.Name, g.BaseIndicator)))));
            }

            var gemeenten = new List<AreaCode>();
            foreach (var text in result.GetValue(gemeente)!.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (await AreasCommand.ResolveGemeente(store, text, cancellationToken).ConfigureAwait(false) is { } code)
                {
                    gemeenten.Add(code);
                }
                else
                {
                    errors.Add(Texts.Instance.Format("spatial_gemeente", text));
                }
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await environment.Error.WriteLineAsync(error).ConfigureAwait(false);
                }

                return ExitCodes.InvalidInput;
            }

            var service = new SegregationService(store, monitor);
            var years = result.GetValue(year) is { } y ? [y] : await service.YearsAsync(groups[0], cancellationToken).ConfigureAwait(false);
            var skipped = new List<(AreaCode Gemeente, int Year, string Reason)>();
            var computed = new List<GemeenteSegregation>();
            foreach (var each in years)
            {
                computed.AddRange(await service.ComputeAsync(groups, gemeenten, each, skipped, cancellationToken).ConfigureAwait(false));
            }

            if (computed.Count == 0)
            {
                await environment.Error.WriteLineAsync(
                    $"no segregation could be computed for {string.Join(", ", groups.Select(g => g.Name))} in {string.Join(", ", gemeenten)}"
                    + (years.Count == 0 ? ": no year has values for " + groups[0].ShareIndicator : ": " + string.Join("; ", skipped.Select(s => $"{s.Gemeente} {s.Year}: {s.Reason}")))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
            var outputFormat = result.GetValue(format);
            if (result.GetValue(perBuurt))
            {
                WriteQuotients(environment, outputFormat, computed, names);
            }
            else
            {
                WriteIndices(environment, outputFormat, computed, names, texts);
            }

            if (outputFormat == OutputFormat.Table)
            {
                foreach (var gap in skipped.GroupBy(s => (s.Gemeente, s.Reason)))
                {
                    environment.Out.MarkupLine(Markup.Escape(texts.Format("segregation.skipped", gap.Key.Gemeente, string.Join(", ", gap.Select(s => s.Year)), gap.Key.Reason)));
                }

                environment.Out.MarkupLine(Markup.Escape(texts["segregation.footer"]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteIndices(CliEnvironment environment, OutputFormat format, List<GemeenteSegregation> computed, Dictionary<AreaKey, string?> names, Texts texts)
    {
        if (format != OutputFormat.Table)
        {
            Output.Write(environment.Out, format,
                ["gemeente", "name", "year", "group", "buurten", "group_count", "total", "share", "dissimilarity", "isolation", "exposure", "theil_h", "multigroup_m", "multigroup_h"],
                computed.SelectMany(c => c.Groups.Select((g, k) => (IReadOnlyList<object?>)[
                    c.Gemeente.Value, NameOf(names, c.Gemeente), c.Year, g.Name, c.PerGroup[k].Units, c.PerGroup[k].GroupTotal, c.PerGroup[k].Total,
                    c.PerGroup[k].Share, c.PerGroup[k].Dissimilarity, c.PerGroup[k].Isolation, c.PerGroup[k].Exposure, c.PerGroup[k].Entropy,
                    c.Multigroup?.M, c.Multigroup?.H])));
            return;
        }

        // The table keeps to the indices so that it fits a terminal; CSV and JSON carry the counts too.
        var multigroup = computed.Any(c => c.Multigroup is not null);
        string[] columns = [texts["gemeente"], texts["period"], texts["segregation.group"], "n", "P", "D", "xPx", "xPy", "H", .. multigroup ? new[] { "H multi" } : []];
        Output.Write(environment.Out, format, columns, computed.SelectMany(c => c.Groups.Select((g, k) => (IReadOnlyList<object?>)[
            NameOf(names, c.Gemeente) ?? c.Gemeente.Value, c.Year, g.Name, c.PerGroup[k].Units, Fixed(c.PerGroup[k].Share), Fixed(c.PerGroup[k].Dissimilarity),
            Fixed(c.PerGroup[k].Isolation), Fixed(c.PerGroup[k].Exposure), Fixed(c.PerGroup[k].Entropy), .. multigroup ? new object?[] { c.Multigroup is { } m ? Fixed(m.H) : null } : []])));
    }

    private static void WriteQuotients(CliEnvironment environment, OutputFormat format, List<GemeenteSegregation> computed, Dictionary<AreaKey, string?> names)
    {
        var machine = format != OutputFormat.Table;
        Output.Write(environment.Out, format, ["code", "name", "gemeente", "year", "group", "location_quotient"],
            computed.SelectMany(c => c.Groups.SelectMany((g, k) => c.Buurten.Select((b, i) => (IReadOnlyList<object?>)[
                b.Code.Value, names.GetValueOrDefault(b), c.Gemeente.Value, c.Year, g.Name,
                double.IsFinite(c.PerGroup[k].LocationQuotients[i]) ? Number(c.PerGroup[k].LocationQuotients[i], machine, "0.00") : null]))));
    }

    private static string? NameOf(Dictionary<AreaKey, string?> names, AreaCode code) =>
        names.Where(n => n.Key.Code == code && n.Value is not null).OrderByDescending(n => n.Key.Year).Select(n => n.Value).FirstOrDefault();

    private static object Number(double value, bool machine, string format) =>
        machine ? value : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Fixed(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
