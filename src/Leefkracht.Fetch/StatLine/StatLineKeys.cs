using System.Runtime.CompilerServices;
using Leefkracht.Data.Catalog;

namespace Leefkracht.Fetch.StatLine;

/// <summary>
/// The rule that carries the catalog's StatLine keys from one year's table to another's. StatLine builds a key from
/// the topic's title and its position (<c>AantalInwoners_4</c> in 2013, <c>AantalInwoners_5</c> from 2014), so the
/// number changes whenever CBS adds or drops a column before it, while the stem (the key without <c>_number</c>)
/// names the topic. A key is matched on its stem:
/// <list type="bullet">
/// <item>a stem that occurs once in the table matches the catalog name of that stem if exactly one indicator (or
/// ignored column) has it; the key itself, when the catalog lists it, wins;</item>
/// <item>a stem that occurs more than once (electricity and gas use per dwelling type: <c>Appartement_54</c> and
/// <c>Appartement_62</c>) matches by order: the n-th key of the table is the n-th of the catalog's targets of that
/// stem, ordered by their lowest number, because CBS keeps the order of its topic groups; when the counts differ,
/// nothing is guessed and only the keys the catalog lists exactly are matched — except that a stem the catalog
/// only ignores stays ignored however often it occurs (land use in ha and in %).</item>
/// </list>
/// What matches nothing stays unknown and is reported.
/// </summary>
public sealed class StatLineKeys
{
    private static readonly ConditionalWeakTable<CatalogDocument, StatLineKeys> Cache = [];

    // Per normalised stem: the catalog's names of that stem, one per target (indicator or ignored column), in order.
    private readonly Dictionary<string, List<string>> _byStem;
    private readonly CatalogDocument _catalog;

    private StatLineKeys(CatalogDocument catalog)
    {
        _catalog = catalog;
        var targets = new Dictionary<string, Dictionary<string, (string Name, int Number)>>(StringComparer.Ordinal);
        void Add(string name, string target)
        {
            if (Split(name) is not { } split)
            {
                return;
            }

            var byTarget = targets.TryGetValue(split.Stem, out var found) ? found : targets[split.Stem] = new(StringComparer.Ordinal);
            if (!byTarget.TryGetValue(target, out var known) || split.Number < known.Number)
            {
                byTarget[target] = (name, split.Number);
            }
        }

        foreach (var alias in catalog.Aliases)
        {
            Add(alias.Name, "indicator:" + alias.IndicatorId);
        }

        foreach (var name in catalog.IgnoredColumnNames)
        {
            Add(name, "ignored:" + catalog.IgnoreReason(name));
        }

        _byStem = targets.ToDictionary(t => t.Key, t => t.Value.Values.OrderBy(v => v.Number).Select(v => v.Name).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The rule for a catalog (built once per catalog).</summary>
    public static StatLineKeys For(CatalogDocument catalog) => Cache.GetValue(catalog, c => new StatLineKeys(c));

    /// <summary>
    /// The catalog name of each key of one table that the rule matches (keys it cannot match are left out).
    /// </summary>
    /// <param name="keys">Every data key of the table (not the region dimension).</param>
    public IReadOnlyDictionary<string, string> Match(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in keys.Select(k => (Key: k, Split: Split(k))).Where(k => k.Split is not null).GroupBy(k => k.Split!.Value.Stem, StringComparer.Ordinal))
        {
            var inTable = group.OrderBy(k => k.Split!.Value.Number).Select(k => k.Key).ToList();
            var names = _byStem.GetValueOrDefault(group.Key) ?? [];
            for (var i = 0; i < inTable.Count; i++)
            {
                var key = inTable[i];
                var known = Known(key);
                var name = inTable.Count == 1 ? (known ? key : names.Count == 1 ? names[0] : null)
                    : names.Count == inTable.Count ? names[i]
                    : names.Count == 1 && _catalog.IgnoreReason(names[0]) is not null ? names[0]
                    : known ? key : null;
                if (name is not null)
                {
                    matched[key] = name;
                }
            }
        }

        return matched;
    }

    private bool Known(string key) => _catalog.Catalog.TryResolveColumn(key, out _) || _catalog.IgnoreReason(key) is not null;

    /// <summary>A key's normalised stem and number (<c>k_0Tot15Jaar_8</c>: <c>k 0tot15jaar</c>, 8), or null without a number.</summary>
    private static (string Stem, int Number)? Split(string key)
    {
        var underscore = key.LastIndexOf('_');
        return underscore > 0 && int.TryParse(key.AsSpan(underscore + 1), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (Leefkracht.Core.Indicators.ColumnName.Normalize(key[..underscore]), number)
            : null;
    }
}
