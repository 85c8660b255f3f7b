namespace Leefkracht.Data.Import;

/// <summary>
/// Decides which division the values of a referring table (police, health, ELAN, long tables) are attached to, so
/// that the areas of one gemeente and level stay together in one period: the nearest division that contains all
/// of that group's codes (the period's own first, then the nearest later, then the nearest earlier). Only when no
/// division holds the whole group is each code placed on its own (<see cref="AreaDirectory.DivisionFor"/>).
/// </summary>
/// <remarks>
/// Without this, a gemeente whose wijken were partly re-coded would have some wijken of one year in one division
/// and the rest in another, and its own value built from its wijken would silently cover only part of it.
/// </remarks>
public sealed class DivisionPlan
{
    private readonly AreaDirectory _areas;
    private readonly Dictionary<(int Period, AreaCode? Gemeente, AreaLevel Level), int?> _groupDivision = [];

    /// <summary>Plans the divisions for the (code, period) pairs a file holds.</summary>
    public DivisionPlan(AreaDirectory areas, IEnumerable<(AreaCode Code, int Period)> pairs)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(pairs);
        _areas = areas;
        foreach (var group in pairs.Distinct().GroupBy(p => (p.Period, p.Code.Gemeente, p.Code.Level)))
        {
            _groupDivision[group.Key] = CommonDivision([.. group.Select(p => p.Code)], group.Key.Period);
        }
    }

    /// <summary>The division for a code's value in a period, or <see langword="null"/> when no division has the code.</summary>
    public int? DivisionFor(AreaCode code, int period) =>
        _groupDivision.TryGetValue((period, code.Gemeente, code.Level), out var division) && division is { } d
            ? d
            : _areas.DivisionFor(code, period);

    private int? CommonDivision(IReadOnlyList<AreaCode> codes, int period)
    {
        var divisions = codes.Select(c => _areas.DivisionsOf(c)).ToList();
        if (divisions.Any(d => d.Count == 0))
        {
            return null;
        }

        var common = divisions.Skip(1).Aggregate(new HashSet<int>(divisions[0]), (set, next) =>
        {
            set.IntersectWith(next);
            return set;
        });
        return common.Count == 0 ? null
            : common.Contains(period) ? period
            : common.Where(y => y > period).Select(y => (int?)y).Min() ?? common.Max();
    }
}
