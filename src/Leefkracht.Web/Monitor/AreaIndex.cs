using Leefkracht.Data.Catalog;

namespace Leefkracht.Web.Monitor;

/// <summary>Every area the store knows, for names and search (a few tens of thousands of rows: kept in memory).</summary>
internal sealed class AreaIndex
{
    private readonly Dictionary<AreaKey, Area> _byKey;
    private readonly Dictionary<AreaCode, Area> _latest;
    private readonly Dictionary<AreaCode, int[]> _divisions;

    private readonly Dictionary<AreaCode, string> _normalised;
    private readonly HashSet<AreaCode> _defunct;
    private readonly List<(string Alias, string Normalised, AreaCode Gemeente)> _aliases;

    public AreaIndex(IReadOnlyList<Area> areas)
    {
        _byKey = areas.ToDictionary(a => a.Key);
        _latest = areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Year)!);
        _divisions = areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.Select(a => a.Year).Order().ToArray());
        _normalised = _latest.Values.Where(a => a.Name is not null).ToDictionary(a => a.Code, a => AreaNames.Normalise(a.Name!));

        // A gemeente that is missing from the latest division of gemeenten no longer exists: search offers it only
        // for the years it existed, and leads to its successor when GemeenteAliases.csv names one.
        var gemeenten = _latest.Values.Where(a => a.Level == AreaLevel.Gemeente).ToList();
        var currentYear = gemeenten.Count == 0 ? 0 : gemeenten.Max(a => a.Year);
        _defunct = [.. gemeenten.Where(a => a.Year < currentYear).Select(a => a.Code)];
        var current = gemeenten.Where(a => a.Year == currentYear && a.Name is not null)
            .GroupBy(a => AreaNames.Normalise(a.Name!)).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        _aliases = [.. GemeenteAliases.All
            .Where(a => current.ContainsKey(AreaNames.Normalise(a.Gemeente)))
            .Select(a => (a.Alias, AreaNames.Normalise(a.Alias), current[AreaNames.Normalise(a.Gemeente)]))];
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
    /// name. Names are compared without case, accents, apostrophes and hyphens; a gemeente is also found by its other
    /// names (Den Haag, a gemeente merged into it: <see cref="SearchHit.Alias"/> says which); gemeenten that no longer exist
    /// only when a <paramref name="year"/> they existed in is asked for. When nothing matches, names within one or two
    /// typing errors do.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string? text, AreaLevel? level, AreaCode? within, int? year, int limit)
    {
        IEnumerable<Area> candidates = year is { } y
            ? _byKey.Values.Where(a => a.Year == y)
            : _latest.Values.Where(a => !_defunct.Contains(a.Code) && !(a.Code.Gemeente is { } g && _defunct.Contains(g)));
        candidates = candidates
            .Where(a => a.Level != AreaLevel.Land)
            .Where(a => level is null || a.Level == level)
            .Where(a => within is null || a.Code.IsWithin(within.Value));
        var query = AreaNames.Normalise(text ?? string.Empty);
        if (query.Length == 0)
        {
            return [.. Order(candidates.Select(a => new SearchHit(a, null, 0, true)), limit)];
        }

        var pool = candidates.ToList();
        string NameOf(Area a) => a.Name is null ? string.Empty : year is null ? _normalised.GetValueOrDefault(a.Code, string.Empty) : AreaNames.Normalise(a.Name);
        var code = text!.Trim();
        var hits = pool
            .Where(a => NameOf(a).Contains(query, StringComparison.Ordinal) || a.Code.Value.StartsWith(code, StringComparison.OrdinalIgnoreCase))
            .Select(a => new SearchHit(a, null, 0, NameOf(a).StartsWith(query, StringComparison.Ordinal)))
            .ToList();
        var byCode = pool.Where(a => a.Level == AreaLevel.Gemeente).ToDictionary(a => a.Code);
        foreach (var (alias, normalised, gemeente) in _aliases)
        {
            if (normalised.StartsWith(query, StringComparison.Ordinal) && byCode.TryGetValue(gemeente, out var successor) && hits.All(h => h.Area.Code != gemeente))
            {
                hits.Add(new SearchHit(successor, alias, 0, true));
            }
        }

        if (hits.Count == 0)
        {
            // Nothing contains the text: allow typing errors, against names and their beginnings, fewest errors first.
            var tolerance = AreaNames.Tolerance(query);
            hits = [.. pool
                .Select(a => new SearchHit(a, null, AreaNames.Distance(query, NameOf(a), tolerance), true))
                .Where(h => h.Errors <= tolerance && h.Area.Name is not null)];
        }

        return [.. Order(hits, limit)];
    }

    private static IEnumerable<SearchHit> Order(IEnumerable<SearchHit> hits, int limit) => hits
        .OrderBy(h => h.Errors)
        .ThenBy(h => h.StartsWith ? 0 : 1)
        .ThenBy(h => h.Area.Level)
        .ThenBy(h => h.Area.Name, StringComparer.OrdinalIgnoreCase)
        .ThenBy(h => h.Area.Code)
        .Take(limit);

    /// <summary>The gemeente whose code, name or other name (Den Haag) is <paramref name="text"/> (case-insensitive), if any.</summary>
    public AreaCode? FindGemeente(string text)
    {
        if (AreaCode.TryParse(text.Trim().ToUpperInvariant(), out var code) && code.Level == AreaLevel.Gemeente)
        {
            return _latest.ContainsKey(code) ? code : null;
        }

        var byName = _latest.Values.Where(a => a.Level == AreaLevel.Gemeente && string.Equals(a.Name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(a => (AreaCode?)a.Code).FirstOrDefault();
        var normalised = AreaNames.Normalise(text);
        return byName ?? _aliases.Where(a => a.Normalised == normalised).Select(a => (AreaCode?)a.Gemeente).FirstOrDefault();
    }
}

/// <summary>An area the search found.</summary>
/// <param name="Area">The area.</param>
/// <param name="Alias">The other name it was found by (Den Haag for 's-Gravenhage, Weesp for Amsterdam), if any.</param>
/// <param name="Errors">Typing errors between the text and its name (0 when the name contains the text).</param>
/// <param name="StartsWith">Whether its name (or the other name) starts with the text.</param>
internal sealed record SearchHit(Area Area, string? Alias, int Errors, bool StartsWith);
