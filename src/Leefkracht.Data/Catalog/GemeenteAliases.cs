using System.Reflection;
using System.Text;

namespace Leefkracht.Data.Catalog;

/// <summary>One other name of a gemeente: what people call it, or a gemeente that merged into it.</summary>
/// <param name="Alias">The other name ("Den Haag", "Haren").</param>
/// <param name="Gemeente">The gemeente's name in CBS's Gebieden in Nederland ("'s-Gravenhage", "Groningen").</param>
/// <param name="Why">Why the name leads there ("common name", "merged 2019").</param>
public sealed record GemeenteAlias(string Alias, string Gemeente, string Why);

/// <summary>
/// The other names of gemeenten (GemeenteAliases.csv, with its sources): the search box, the CLI's <c>--gemeente</c>
/// and <c>fetch</c> all accept "Den Haag" and "Den Bosch", which CBS names 's-Gravenhage and 's-Hertogenbosch.
/// </summary>
public static class GemeenteAliases
{
    /// <summary>Every other name, in the file's order.</summary>
    public static IReadOnlyList<GemeenteAlias> All { get; } = Read();

    /// <summary>
    /// CBS's name of the gemeente that <paramref name="name"/> is another name of (case and surrounding spaces
    /// ignored), or null when it is none. Callers try the name itself first: a merged gemeente is still found by its
    /// own name in the years it existed.
    /// </summary>
    public static string? GemeenteNamed(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Alias, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Gemeente;

    private static List<GemeenteAlias> Read()
    {
        const string Resource = "Leefkracht.Data.Catalog.GemeenteAliases.csv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in Leefkracht.Data");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var aliases = new List<GemeenteAlias>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(';');
            if (fields.Length != 3 || fields.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"GemeenteAliases.csv line {number}: expected 'alias;gemeente;why', found '{line}'");
            }

            aliases.Add(new GemeenteAlias(fields[0].Trim(), fields[1].Trim(), fields[2].Trim()));
        }

        return aliases;
    }
}
