namespace Leefkracht.Web.Monitor;

/// <summary>Every area the store knows, for names and search (a few tens of thousands of rows: kept in memory).</summary>
internal sealed class AreaIndex
{
    private readonly Dictionary<AreaKey, Area> _byKey;
    private readonly Dictionary<AreaCode, Area> _latest;
    private readonly Dictionary<AreaCode, int[]> _divisions;

    public AreaIndex(IReadOnlyList<Area> areas)
    {
        _byKey = areas.ToDictionary(a => a.Key);
        _latest = areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Year)!);
        _divisions = areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.Select(a => a.Year).Order().ToArray());
    }

    /// <summary>The area in its latest division, if the code is known at all.</summary>
    public Area? Latest(AreaCode code) => _latest.GetValueOrDefault(code);

    /// <summary>The division years a code occurs in.</summary>
    public IReadOnlyList<int> DivisionsOf(AreaCode code) => _divisions.GetValueOrDefault(code) ?? [];

    /// <summary>The name of an area in a division, else in its latest division, else null.</summary>
    public string? NameOf(AreaKey key) => _byKey.GetValueOrDefault(key)?.Name ?? _latest.GetValueOrDefault(key.Code)?.Name;

    /// <summary>The name of a code in its latest division.</summary>
    public string? NameOf(AreaCode code) => _latest.GetValueOrDefault(code)?.Name;

    /// <summary>
    /// Areas (latest division per code) that match a filter, names that start with the text first, then by level and
    /// name.
    /// </summary>
    public IReadOnlyList<Area> Search(string? text, AreaLevel? level, AreaCode? within, int? year, int limit)
    {
        IEnumerable<Area> candidates = year is { } y
            ? _byKey.Values.Where(a => a.Year == y)
            : _latest.Values;
        var query = text?.Trim();
        return [.. candidates
            .Where(a => a.Level != AreaLevel.Land)
            .Where(a => level is null || a.Level == level)
            .Where(a => within is null || a.Code.IsWithin(within.Value))
            .Where(a => string.IsNullOrEmpty(query)
                || (a.Name?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false)
                || a.Code.Value.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => string.IsNullOrEmpty(query) || (a.Name?.StartsWith(query, StringComparison.OrdinalIgnoreCase) ?? false) ? 0 : 1)
            .ThenBy(a => a.Level)
            .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Code)
            .Take(limit)];
    }

    /// <summary>The gemeente whose code or name is <paramref name="text"/> (case-insensitive), if any.</summary>
    public AreaCode? FindGemeente(string text)
    {
        if (AreaCode.TryParse(text.Trim().ToUpperInvariant(), out var code) && code.Level == AreaLevel.Gemeente)
        {
            return _latest.ContainsKey(code) ? code : null;
        }

        return _latest.Values.Where(a => a.Level == AreaLevel.Gemeente && string.Equals(a.Name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(a => (AreaCode?)a.Code).FirstOrDefault();
    }
}
