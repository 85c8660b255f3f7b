using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Monitor.KwetsbareWijken;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht kwetsbare-wijken</c>: "Kwetsbare wijken in beeld" reproduced on the Leefbaarometer series — the wijken
/// that scored zwak or worse in any measured year, their trajectory against the national mean, and the share declining
/// per period, split by owner-occupation and by the gemeente's corporation share (docs/kwetsbare-wijken.md).
/// </summary>
internal static class KwetsbareWijkenCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var view = new Option<string>("--view") { Description = "summary (default: trajectories and shares declining), trajectory, periods, or areas (the wijken zwak or worse in any year)", DefaultValueFactory = _ => "summary" };
        view.AcceptOnlyFromAmong("summary", "trajectory", "periods", "areas");
        var gemeente = CommandInput.GemeenteOption("With --view areas: only the wijken of this gemeente (code or name)");
        var format = Output.FormatOption();
        var command = new Command("kwetsbare-wijken", "Kwetsbare wijken in beeld, reproduced: wijken zwak or worse in any Leefbaarometer year, their trajectory and the share declining per period, by owner-occupation and corporation share")
        {
            view, gemeente, format,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var context = global.Open(result, environment);
            var (store, monitor, texts) = context;
            if (await CommandInput.GemeenteAsync(result.GetValue(gemeente), store, environment, cancellationToken).ConfigureAwait(false) is not (true, var within))
            {
                return ExitCodes.InvalidInput;
            }

            var service = new KwetsbareWijkenService(store, monitor, new LeefbaarometerService(store, monitor));
            if (await service.ReportAsync(cancellationToken).ConfigureAwait(false) is not { Result.Considered: > 0 } report)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["kwetsbare_no_series"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var r = report.Result;
            var outputFormat = result.GetValue(format);
            var machine = outputFormat != OutputFormat.Table;
            var chosen = result.GetValue(view) ?? "summary";
            if (chosen == "areas")
            {
                var names = await ScoreCommand.Names(store, cancellationToken).ConfigureAwait(false);
                string[] columns = ["code", "name", "gemeente", "inhabitants", "owner_occupied_pct", .. r.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))];
                Output.Write(environment.Out, outputFormat, columns, r.ZwakAreas
                    .Where(a => within is null || a.Code.IsWithin(within.Value))
                    .Select(a => (IReadOnlyList<object?>)[a.Code.Value, CommandInput.NameOf(names, a.Code, report.DivisionYear), a.Code.Gemeente is { } g ? CommandInput.NameOf(names, g, report.DivisionYear) : null,
                        a.Inhabitants, a.OwnerOccupiedShare, .. r.Years.Select(y => machine ? (object?)Math.Round(a.Deviations[y], 4) : Cell(a.Deviations[y]))]));
            }

            if (chosen is "summary" or "trajectory")
            {
                Output.Write(environment.Out, outputFormat, ["set", "wijken", .. r.Years.Select(y => string.Create(CultureInfo.InvariantCulture, $"gap_{y}"))], r.Sets.Select(s =>
                    (IReadOnlyList<object?>)[machine ? s.Key : KwetsbareWijkenInBeeld.SetName(s.Key), s.Areas, .. s.Trajectory.Select(t => (object?)Round(t.Gap))]));
            }

            if (chosen is "summary" or "periods")
            {
                var periods = r.Sets[0].Periods;
                Output.Write(environment.Out, outputFormat, ["set", "wijken", .. periods.Select(p => string.Create(CultureInfo.InvariantCulture, $"fell_{p.From}_{p.To}"))], r.Sets.Select(s =>
                    (IReadOnlyList<object?>)[machine ? s.Key : KwetsbareWijkenInBeeld.SetName(s.Key), s.Areas, .. s.Periods.Select(p => (object?)Round(p.ShareFell))]));
            }

            if (!machine)
            {
                environment.Out.MarkupLine(Markup.Escape(texts.Format("kwib_footer", r.Considered, report.DivisionYear, report.Provenance?.Carry ?? "–", report.CorporationYear?.ToString(CultureInfo.InvariantCulture) ?? "–")));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);

    private static string Cell(double afw) => string.Create(CultureInfo.InvariantCulture, $"{afw:+0.000;-0.000} ({LeefbaarometerClasses.ClassOf(afw)})");
}
