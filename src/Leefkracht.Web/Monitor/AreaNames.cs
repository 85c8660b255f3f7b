using System.Text;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// How the search box compares names: without case, accents, apostrophes or hyphens ("'s-Hertogenbosch" is
/// "s hertogenbosch"), with a few typing errors allowed, and with the other names of gemeenten
/// (<see cref="Leefkracht.Data.Catalog.GemeenteAliases"/>: common names such as Den Haag, and gemeenten that merged into another).
/// </summary>
internal static class AreaNames
{
    // The web app runs without culture data (globalization-invariant), where string.Normalize cannot be relied on:
    // the accented letters of Dutch and Frisian names are folded by hand.
    private const string Accented = "àáâäãåèéêëìíîïòóôöõùúûüýÿñç";
    private const string Plain = "aaaaaaeeeeiiiiooooouuuuyync";

    /// <summary>A name as the search compares it: lower case, no accents, words separated by one space.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var accent = Accented.IndexOf(lower, StringComparison.Ordinal);
            builder.Append(accent >= 0 ? Plain[accent] : char.IsLetterOrDigit(lower) ? lower : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// How many typing errors a query of this length may have: none up to 3 letters, one up to 6, two beyond (a
    /// short query with an error matches too much).
    /// </summary>
    public static int Tolerance(string normalisedQuery) => normalisedQuery.Length switch
    {
        <= 3 => 0,
        <= 6 => 1,
        _ => 2,
    };

    /// <summary>
    /// The fewest edits (insert, delete, replace, swap two neighbours) from <paramref name="query"/> to the name or to
    /// a beginning of it, stopping early beyond <paramref name="limit"/>.
    /// </summary>
    public static int Distance(string query, string name, int limit)
    {
        // Optimal string alignment distance against every prefix of the name: the last row's minimum.
        var m = query.Length;
        var n = Math.Min(name.Length, m + limit);
        var previous2 = new int[n + 1];
        var previous = new int[n + 1];
        var current = new int[n + 1];
        for (var j = 0; j <= n; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= m; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= n; j++)
            {
                var cost = query[i - 1] == name[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && query[i - 1] == name[j - 2] && query[i - 2] == name[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                best = Math.Min(best, value);
            }

            if (best > limit)
            {
                return best;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous.Min();
    }
}
