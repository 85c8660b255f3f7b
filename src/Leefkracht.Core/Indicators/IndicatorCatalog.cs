using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Leefkracht.Core.Indicators;

/// <summary>
/// The canonical indicators and the mapping from every known column-name variant to them.
/// </summary>
/// <remarks>
/// Guarantees:
/// <list type="bullet">
/// <item>Every indicator id is unique.</item>
/// <item>Every alias resolves to exactly one indicator: two aliases that normalise to the same text
/// (see <see cref="ColumnName.Normalize"/>) must agree on indicator and scale, or construction fails.</item>
/// </list>
/// </remarks>
public sealed class IndicatorCatalog
{
    private readonly FrozenDictionary<string, IndicatorDefinition> _byId;
    private readonly FrozenDictionary<string, ColumnAlias> _byNormalizedAlias;

    /// <summary>Builds a catalog and checks that it is consistent.</summary>
    /// <exception cref="ArgumentException">An id is duplicated, an alias points to an unknown indicator,
    /// or two aliases collide after normalisation.</exception>
    public IndicatorCatalog(IEnumerable<IndicatorDefinition> indicators, IEnumerable<ColumnAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(aliases);

        var byId = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            if (!byId.TryAdd(indicator.Id, indicator))
            {
                throw new ArgumentException($"Indicator id '{indicator.Id}' occurs twice in the catalog.", nameof(indicators));
            }
        }

        var byAlias = new Dictionary<string, ColumnAlias>(StringComparer.Ordinal);
        foreach (var alias in aliases)
        {
            if (!byId.ContainsKey(alias.IndicatorId))
            {
                throw new ArgumentException($"Alias '{alias.Name}' points to unknown indicator '{alias.IndicatorId}'.", nameof(aliases));
            }

            var key = ColumnName.Normalize(alias.Name);
            if (byAlias.TryGetValue(key, out var existing)
                && (existing.IndicatorId != alias.IndicatorId || existing.Scale != alias.Scale))
            {
                throw new ArgumentException(
                    $"Aliases '{existing.Name}' ({existing.IndicatorId}) and '{alias.Name}' ({alias.IndicatorId}) are the same column name after normalisation.",
                    nameof(aliases));
            }

            byAlias[key] = alias;
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _byNormalizedAlias = byAlias.ToFrozenDictionary(StringComparer.Ordinal);
        Indicators = [.. byId.Values];
        AliasCount = byAlias.Count;
    }

    /// <summary>All indicators, in catalog order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>The number of distinct (normalised) aliases.</summary>
    public int AliasCount { get; }

    /// <summary>The indicator with this id.</summary>
    /// <exception cref="KeyNotFoundException">There is no such indicator.</exception>
    public IndicatorDefinition this[string id] =>
        _byId.TryGetValue(id, out var indicator) ? indicator : throw new KeyNotFoundException($"Unknown indicator '{id}'.");

    /// <summary>Looks an indicator up by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out IndicatorDefinition? indicator) => _byId.TryGetValue(id, out indicator);

    /// <summary>
    /// Resolves a column header to an indicator, whatever its spelling variant. A canonical indicator id
    /// is accepted as its own alias, so long tables may use ids directly.
    /// </summary>
    public bool TryResolveColumn(string header, [NotNullWhen(true)] out ColumnAlias? alias)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (_byNormalizedAlias.TryGetValue(ColumnName.Normalize(header), out alias))
        {
            return true;
        }

        var trimmed = header.Trim();
        alias = _byId.ContainsKey(trimmed) ? new ColumnAlias(trimmed, trimmed) : null;
        return alias is not null;
    }
}
