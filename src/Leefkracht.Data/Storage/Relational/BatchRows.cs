using NetTopologySuite.Geometries;

namespace Leefkracht.Data.Storage.Relational;

/// <summary>One value ready to write: integer keys, in primary-key order.</summary>
internal readonly record struct ObservationRow(long Period, long IndicatorId, long AreaId, double Value);

/// <summary>
/// Turns a <see cref="StoreBatch"/> into the rows both stores write, so that they write the same thing: one row
/// per key (a batch that names a key twice keeps the later value, as writing the rows one after another would),
/// areas and indicators in the order the file introduced them (so both stores hand out the same ids), values in
/// primary-key order.
/// </summary>
internal static class BatchRows
{
    /// <summary>Each area once, in first-seen order, with the first name any row gave it.</summary>
    public static List<Area> DistinctAreas(IEnumerable<Area> areas)
    {
        var index = new Dictionary<AreaKey, int>();
        var distinct = new List<Area>();
        foreach (var area in areas)
        {
            if (!index.TryGetValue(area.Key, out var at))
            {
                index.Add(area.Key, distinct.Count);
                distinct.Add(area);
            }
            else if (distinct[at].Name is null && area.Name is not null)
            {
                distinct[at] = area;
            }
        }

        return distinct;
    }

    /// <summary>The indicators the batch's values use, in first-seen order.</summary>
    public static List<string> IndicatorKeys(IEnumerable<ObservationRecord> observations) =>
        [.. observations.Select(o => o.IndicatorId).Distinct(StringComparer.Ordinal)];

    /// <summary>The values with integer keys, sorted by (period, indicator, area), one per key (the later one wins).</summary>
    public static ObservationRow[] Observations(IReadOnlyList<ObservationRecord> observations, IReadOnlyDictionary<AreaKey, long> areaIds, IReadOnlyDictionary<string, long> indicatorIds)
    {
        var rows = new (ObservationRow Row, int Index)[observations.Count];
        for (var n = 0; n < rows.Length; n++)
        {
            var observation = observations[n];
            rows[n] = (new ObservationRow(observation.Period, indicatorIds[observation.IndicatorId], AreaId(areaIds, observation.Area, "Value"), observation.Value), n);
        }

        Array.Sort(rows, static (a, b) =>
        {
            var order = a.Row.Period.CompareTo(b.Row.Period);
            order = order != 0 ? order : a.Row.IndicatorId.CompareTo(b.Row.IndicatorId);
            order = order != 0 ? order : a.Row.AreaId.CompareTo(b.Row.AreaId);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        var distinct = new List<ObservationRow>(rows.Length);
        foreach (var (row, _) in rows)
        {
            if (distinct.Count > 0 && SameKey(distinct[^1], row))
            {
                distinct[^1] = row;
            }
            else
            {
                distinct.Add(row);
            }
        }

        return [.. distinct];
    }

    /// <summary>The boundaries with area ids, one per area (the later one wins), in first-seen order.</summary>
    public static List<(long AreaId, Geometry Geometry)> Boundaries(IEnumerable<BoundaryRecord> boundaries, IReadOnlyDictionary<AreaKey, long> areaIds)
    {
        var index = new Dictionary<long, int>();
        var distinct = new List<(long, Geometry)>();
        foreach (var boundary in boundaries)
        {
            var id = AreaId(areaIds, boundary.Area, "Boundary");
            if (index.TryGetValue(id, out var at))
            {
                distinct[at] = (id, boundary.Geometry);
            }
            else
            {
                index.Add(id, distinct.Count);
                distinct.Add((id, boundary.Geometry));
            }
        }

        return distinct;
    }

    /// <summary>The crosswalk cells, one per key (the later one wins), in first-seen order.</summary>
    public static List<CrosswalkLink> CrosswalkLinks(IEnumerable<CrosswalkLink> links) =>
        LastPerKey(links, link => (link.Level, link.Variant, link.FromYear, link.ToYear, link.From, link.To));

    /// <summary>One row per key, the later one winning (as writing them one after another would), in first-seen order.</summary>
    public static List<T> LastPerKey<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>();
        var distinct = new List<T>();
        foreach (var row in rows)
        {
            if (index.TryGetValue(key(row), out var at))
            {
                distinct[at] = row;
            }
            else
            {
                index.Add(key(row), distinct.Count);
                distinct.Add(row);
            }
        }

        return distinct;
    }

    private static bool SameKey(ObservationRow a, ObservationRow b) => a.Period == b.Period && a.IndicatorId == b.IndicatorId && a.AreaId == b.AreaId;

    private static long AreaId(IReadOnlyDictionary<AreaKey, long> areaIds, AreaKey area, string what) =>
        areaIds.TryGetValue(area, out var id)
            ? id
            : throw new InvalidOperationException($"{what} for unknown area {area}: the reader should have rejected or registered it.");
}
