using Leefkracht.Data.Catalog;

namespace Leefkracht.Fetch.StatLine;

/// <summary>
/// Maps the columns of a Nabijheid voorzieningen table to the catalog. The general stem rule of the KWB tables
/// (<see cref="StatLineKeys"/>) does not fit here: this table repeats its stems on purpose. <c>AfstandTotSchool</c>
/// occurs four times (primary school, then three kinds of secondary school: <c>_60</c>, <c>_64</c>, <c>_68</c>,
/// <c>_72</c> in 2024 and 2025), and every facility's distance is followed by counts of that facility within a
/// radius that all share a few stems (<c>AfstandTotHuisartsenpraktijk_5</c>, <c>Binnen1Km_6</c>, <c>Binnen3Km_7</c>,
/// <c>Binnen5Km_8</c>; <c>AfstandTotSchool_60</c>, <c>Binnen1Km_61</c>, <c>Binnen3Km_62</c>). So a key is read in the
/// table's own order (its number), and qualified:
/// <list type="bullet">
/// <item>an <c>AfstandTot…</c> key by its stem and which occurrence of that stem it is (the first
/// <c>AfstandTotSchool</c> is primary school, as every public reader of the table names it);</item>
/// <item>a <c>Binnen…Km</c> key by the distance key it follows (the facility it counts).</item>
/// </list>
/// Only the catalog's five proximity indicators are mapped (<see cref="Topics"/>), and only when the unit the table
/// states is the one expected (km for a distance, aantal for a count), so a table that reorders its topics is
/// reported rather than read under the wrong indicator. Every other column is ignored when the catalog says so, else
/// unknown and reported.
/// </summary>
public static class NabijheidColumns
{
    /// <summary>The topics mapped: the distance key's stem, its occurrence, the count's stem (or null for the distance itself), the unit, the catalog's KWB code.</summary>
    internal static IReadOnlyList<NabijheidTopic> Topics { get; } =
    [
        new("AfstandTotHuisartsenpraktijk", 1, null, "km", "g_afs_hp"),
        new("AfstandTotGroteSupermarkt", 1, null, "km", "g_afs_gs"),
        new("AfstandTotKinderdagverblijf", 1, null, "km", "g_afs_kv"),
        new("AfstandTotSchool", 1, null, "km", "g_afs_sc"),
        new("AfstandTotSchool", 1, "Binnen3Km", "aantal", "g_3km_sc"),
    ];

    /// <summary>Maps the columns of one table (from its <c>DataProperties</c>, or a key list of a year).</summary>
    public static StatLineColumns Map(IEnumerable<StatLineProperty> properties, CatalogDocument catalog)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(catalog);
        var list = properties.ToList();
        var qualified = Qualify(list.Where(p => !StatLineColumns.IsStructural(p)).Select(p => p.Key));
        var columns = new List<ColumnMapping>();
        foreach (var property in list)
        {
            if (StatLineColumns.IsStructural(property))
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Structural, null, property.Key));
                continue;
            }

            var topic = qualified.TryGetValue(property.Key, out var q)
                ? Topics.FirstOrDefault(t => t.Stem == q.Stem && t.Occurrence == q.Occurrence && t.Count == q.Count)
                : null;
            if (topic is not null && UnitFits(property.Unit, topic.Unit) && catalog.Catalog.TryResolveColumn(topic.KwbCode, out var alias))
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Indicator, alias.IndicatorId, topic.KwbCode));
            }
            else if (catalog.IgnoreReason(property.Key) is { } reason)
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Ignored, reason, property.Key));
            }
            else
            {
                columns.Add(new ColumnMapping(property, ColumnFate.Unknown, null, property.Key));
            }
        }

        return StatLineColumns.Of(columns);
    }

    /// <summary>
    /// Each key's place in the table: the distance stem it belongs to, which occurrence of that stem, and for a
    /// count within a radius the count's own stem. Keys without a number, and counts before any distance, have none.
    /// </summary>
    internal static Dictionary<string, (string Stem, int Occurrence, string? Count)> Qualify(IEnumerable<string> keys)
    {
        var numbered = keys
            .Select(k => (Key: k, Underscore: k.LastIndexOf('_')))
            .Where(k => k.Underscore > 0 && int.TryParse(k.Key.AsSpan(k.Underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(k => (k.Key, Stem: k.Key[..k.Underscore], Number: int.Parse(k.Key.AsSpan(k.Underscore + 1), CultureInfo.InvariantCulture)))
            .OrderBy(k => k.Number);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        (string Stem, int Occurrence)? facility = null;
        var qualified = new Dictionary<string, (string, int, string?)>(StringComparer.Ordinal);
        foreach (var (key, stem, _) in numbered)
        {
            if (stem.StartsWith("AfstandTot", StringComparison.Ordinal))
            {
                var occurrence = occurrences[stem] = occurrences.GetValueOrDefault(stem) + 1;
                facility = (stem, occurrence);
                qualified[key] = (stem, occurrence, null);
            }
            else if (stem.StartsWith("Binnen", StringComparison.Ordinal) && facility is { } f)
            {
                qualified[key] = (f.Stem, f.Occurrence, stem);
            }
        }

        return qualified;
    }

    // A key list without units (a year's documentation) is taken on the key; DataProperties always state the unit.
    private static bool UnitFits(string? unit, string expected) =>
        unit is null || string.Equals(unit.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One topic of the Nabijheid tables that maps to the catalog.</summary>
/// <param name="Stem">The distance key's stem (<c>AfstandTotSchool</c>).</param>
/// <param name="Occurrence">Which occurrence of the stem, in the table's order (1: the first).</param>
/// <param name="Count">The stem of a count within a radius that follows the distance (<c>Binnen3Km</c>), or null for the distance itself.</param>
/// <param name="Unit">The unit the table must state (km, aantal).</param>
/// <param name="KwbCode">The catalog's KWB code of the indicator (<c>g_afs_sc</c>).</param>
internal sealed record NabijheidTopic(string Stem, int Occurrence, string? Count, string Unit, string KwbCode);
