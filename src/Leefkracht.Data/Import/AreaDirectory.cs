namespace Leefkracht.Data.Import;

/// <summary>
/// The areas already known (from the store and from files imported earlier in the same run), used to
/// check codes and to resolve names to codes for files that carry names only.
/// </summary>
public sealed class AreaDirectory
{
    private readonly Dictionary<AreaCode, SortedDictionary<int, string?>> _divisionsByCode = [];

    /// <summary>Builds a directory from known areas.</summary>
    public AreaDirectory(IEnumerable<Area> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        foreach (var area in areas)
        {
            Add(area);
        }
    }

    /// <summary>The number of (code, division) pairs known.</summary>
    public int Count { get; private set; }

    /// <summary>Registers an area (a later name for the same code and year replaces an empty one).</summary>
    public void Add(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (!_divisionsByCode.TryGetValue(area.Code, out var divisions))
        {
            divisions = [];
            _divisionsByCode.Add(area.Code, divisions);
        }

        if (!divisions.TryGetValue(area.Year, out var name))
        {
            Count++;
            divisions[area.Year] = area.Name;
        }
        else if (name is null && area.Name is not null)
        {
            divisions[area.Year] = area.Name;
        }
    }

    /// <summary>Whether the code exists in the division of the key's year.</summary>
    public bool Contains(AreaKey area) => _divisionsByCode.TryGetValue(area.Code, out var d) && d.ContainsKey(area.Year);

    /// <summary>
    /// The division a value for <paramref name="code"/> in <paramref name="period"/> belongs to: the
    /// period's own division when the code exists there, else the nearest later division that has the code,
    /// else the nearest earlier one; <see langword="null"/> if the code is unknown.
    /// </summary>
    public int? DivisionFor(AreaCode code, int period)
    {
        if (!_divisionsByCode.TryGetValue(code, out var divisions))
        {
            return null;
        }

        if (divisions.ContainsKey(period))
        {
            return period;
        }

        int? later = null;
        int? earlier = null;
        foreach (var year in divisions.Keys)
        {
            if (year > period)
            {
                later ??= year;
            }
            else
            {
                earlier = year;
            }
        }

        return later ?? earlier;
    }

    /// <summary>The divisions that contain a code.</summary>
    public IReadOnlyCollection<int> DivisionsOf(AreaCode code) =>
        _divisionsByCode.TryGetValue(code, out var divisions) ? divisions.Keys : [];

    /// <summary>The name of an area in a division, if known.</summary>
    public string? NameOf(AreaKey area) =>
        _divisionsByCode.TryGetValue(area.Code, out var d) && d.TryGetValue(area.Year, out var name) ? name : null;

    /// <summary>The codes of one level within a gemeente or wijk, in any division.</summary>
    public IEnumerable<AreaCode> CodesWithin(AreaCode within, AreaLevel level) =>
        _divisionsByCode.Keys.Where(code => code.Level == level && code.IsWithin(within)).Order();

    /// <summary>The name of a code in the latest division that names it.</summary>
    public string? LatestNameOf(AreaCode code) =>
        _divisionsByCode.TryGetValue(code, out var d) ? d.Values.LastOrDefault(n => n is not null) : null;

    /// <summary>Finds gemeenten by name (any division), case- and punctuation-insensitively.</summary>
    public IReadOnlyList<AreaCode> FindGemeenten(string name)
    {
        var key = ColumnName.Normalize(name);
        return [.. _divisionsByCode
            .Where(entry => entry.Key.Level == AreaLevel.Gemeente
                && entry.Value.Values.Any(n => n is not null && ColumnName.Normalize(n) == key))
            .Select(entry => entry.Key)
            .Order()];
    }

    /// <summary>
    /// Resolves an area name inside <paramref name="within"/> (a gemeente or wijk) for data of
    /// <paramref name="period"/>. Names are compared case-, diacritic- and punctuation-insensitively.
    /// Divisions are tried from the nearest year outwards (ties: the later year); the first division in
    /// which the name matches exactly one area of <paramref name="level"/> wins.
    /// </summary>
    /// <returns>The code and the division it was found in, or <see langword="null"/>.</returns>
    public (AreaCode Code, int Division)? ResolveName(string name, AreaLevel level, AreaCode within, int period)
    {
        var key = ColumnName.Normalize(name);
        var candidates = _divisionsByCode
            .Where(entry => entry.Key.Level == level && entry.Key.IsWithin(within))
            .SelectMany(entry => entry.Value
                .Where(division => division.Value is not null && ColumnName.Normalize(division.Value) == key)
                .Select(division => (Code: entry.Key, Division: division.Key)))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        foreach (var division in candidates.Select(c => c.Division).Distinct().OrderBy(y => Math.Abs(y - period)).ThenByDescending(y => y))
        {
            var codes = candidates.Where(c => c.Division == division).Select(c => c.Code).Distinct().ToList();
            if (codes.Count == 1)
            {
                return (codes[0], division);
            }
        }

        return null;
    }
}
