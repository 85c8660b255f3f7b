using Leefkracht.Cli.Commands;
using Leefkracht.Data.Storage;

namespace Leefkracht.Cli;

/// <summary>Reading the inputs several commands share (an area code, --gemeente), with the same messages everywhere.</summary>
internal static class CommandInput
{
    /// <summary>The <c>--gemeente</c> option: a code or the name of exactly one gemeente.</summary>
    public static Option<string?> GemeenteOption(string description = "Only the areas of this gemeente (code or name)") => new("--gemeente") { Description = description };

    /// <summary>Parses an area code; on a bad code writes why to stderr and returns <see langword="false"/>.</summary>
    public static async Task<(bool Ok, AreaCode? Code)> AreaCodeAsync(string? text, CliEnvironment environment)
    {
        if (text is null)
        {
            return (true, null);
        }

        if (AreaCode.TryParse(text, out var code, out var error))
        {
            return (true, code);
        }

        // The reason names the text and what is wrong with it, in the user's language (AreaWords.resx).
        await environment.Error.WriteLineAsync(error).ConfigureAwait(false);
        return (false, null);
    }

    /// <summary>Resolves <c>--gemeente</c> when given; on an unknown gemeente writes why to stderr and returns <see langword="false"/>.</summary>
    public static async Task<(bool Ok, AreaCode? Gemeente)> GemeenteAsync(string? text, IMonitorStore store, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return (true, null);
        }

        if (await AreasCommand.ResolveGemeente(store, text, cancellationToken).ConfigureAwait(false) is { } gemeente)
        {
            return (true, gemeente);
        }

        await environment.Error.WriteLineAsync(Texts.Instance.Format("gemeente_unknown", text)).ConfigureAwait(false);
        return (false, null);
    }

    /// <summary>The name of a code in a division, else in the latest division that names it.</summary>
    public static string? NameOf(IReadOnlyDictionary<AreaKey, string?> names, AreaCode? code, int year) =>
        code is not { } c ? null
        : names.GetValueOrDefault(new AreaKey(c, year)) ?? names.Where(n => n.Key.Code == c && n.Value is not null).OrderByDescending(n => n.Key.Year).Select(n => n.Value).FirstOrDefault();

    /// <summary>The names a note uses for an area, its wijk (for a buurt) and its gemeente.</summary>
    public static Monitor.Monitoring.ExplanationWriter.AreaNames NamesFor(IReadOnlyDictionary<AreaKey, string?> names, AreaKey area) => new(
        NameOf(names, area.Code, area.Year),
        area.Code.Level == AreaLevel.Buurt ? NameOf(names, area.Code.Parent, area.Year) : null,
        area.Code.Level != AreaLevel.Gemeente ? NameOf(names, area.Code.Gemeente, area.Year) : null);
}
