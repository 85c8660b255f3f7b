using Leefkracht.Core.Indicators;
using Leefkracht.Data.Catalog;

namespace Leefkracht.Fetch.StatLine;

/// <summary>A gemeente of a StatLine table: its region key (<c>GM0518</c>) and CBS's name of it that year.</summary>
/// <param name="Code">The region key, trimmed.</param>
/// <param name="Name">The title, trimmed (<c>'s-Gravenhage</c>, <c>Bergen (NH.)</c>).</param>
public sealed record GemeenteName(string Code, string Name)
{
    /// <summary>How a candidate is listed in an error: <c>Bergen (NH.) (GM0373)</c>.</summary>
    public override string ToString() => $"{Name} ({Code})";
}

/// <summary>What a name given on the command line leads to among a table's gemeenten.</summary>
/// <param name="Found">The one gemeente it names, or null.</param>
/// <param name="Candidates">
/// When <paramref name="Found"/> is null: the gemeenten it could mean. With <see cref="Ambiguous"/> these are the
/// several it names equally well; otherwise names that contain it, as a suggestion (possibly none).
/// </param>
/// <param name="Ambiguous">Whether the name fits more than one gemeente equally well.</param>
public sealed record GemeenteChoice(GemeenteName? Found, IReadOnlyList<GemeenteName> Candidates, bool Ambiguous);

/// <summary>
/// The one rule by which every StatLine fetch (<c>kwb</c>, <c>nabijheid</c>, <c>politie</c>, <c>gezondheid</c>) finds
/// the gemeente a user names among the gemeenten of the table it fetches. Names compare ignoring case, accents and
/// punctuation (<see cref="ColumnName.Normalize"/>: "s-Gravenhage" is "'s-Gravenhage"), in this order:
/// <list type="number">
/// <item>the table's own name (a gemeente that merged later is found by its name in the years it existed);</item>
/// <item>the name CBS uses for another name of it (<see cref="GemeenteAliases"/>: "Den Haag", a merged gemeente's
/// successor);</item>
/// <item>the name without CBS's province suffix ("Rijswijk" for "Rijswijk (ZH.)"), when exactly one gemeente has it;
/// two ("Bergen": "Bergen (L.)" and "Bergen (NH.)") make the name ambiguous, and nothing is guessed.</item>
/// </list>
/// Pure: the caller reads the table's gemeenten.
/// </summary>
public static class GemeenteNames
{
    private const int MaxSuggestions = 5;

    /// <summary>The gemeente <paramref name="text"/> names among <paramref name="gemeenten"/>.</summary>
    public static GemeenteChoice Choose(IReadOnlyList<GemeenteName> gemeenten, string text)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        ArgumentNullException.ThrowIfNull(text);
        var wanted = ColumnName.Normalize(text);
        if (Single(gemeenten, g => ColumnName.Normalize(g.Name) == wanted) is { } byName)
        {
            return new GemeenteChoice(byName, [], false);
        }

        if (GemeenteAliases.GemeenteNamed(text) is { } official
            && Single(gemeenten, g => ColumnName.Normalize(g.Name) == ColumnName.Normalize(official)) is { } byAlias)
        {
            return new GemeenteChoice(byAlias, [], false);
        }

        var withoutProvince = gemeenten.Where(g => ColumnName.Normalize(WithoutProvince(g.Name)) == wanted).ToList();
        if (withoutProvince.Count == 1)
        {
            return new GemeenteChoice(withoutProvince[0], [], false);
        }

        if (withoutProvince.Count > 1)
        {
            return new GemeenteChoice(null, [.. withoutProvince.OrderBy(g => g.Code, StringComparer.Ordinal)], true);
        }

        var close = gemeenten
            .Where(g => wanted.Length > 0 && ColumnName.Normalize(g.Name).Contains(wanted, StringComparison.Ordinal))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxSuggestions)
            .ToList();
        return new GemeenteChoice(null, close, false);
    }

    /// <summary>"Bergen (NH.)" without " (NH.)"; a name without a parenthesised suffix as it is.</summary>
    private static string WithoutProvince(string name)
    {
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }

    private static GemeenteName? Single(IReadOnlyList<GemeenteName> gemeenten, Func<GemeenteName, bool> fits)
    {
        GemeenteName? found = null;
        foreach (var gemeente in gemeenten.Where(fits))
        {
            // A table lists a gemeente once; should one name appear under two codes, neither is guessed.
            if (found is not null && found.Code != gemeente.Code)
            {
                return null;
            }

            found = gemeente;
        }

        return found;
    }
}
