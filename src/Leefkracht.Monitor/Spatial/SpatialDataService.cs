using System.Collections.Immutable;
using Leefkracht.Core.Geography;
using Leefkracht.Core.Spatial;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Monitoring;
using NetTopologySuite.Geometries;

namespace Leefkracht.Monitor.Spatial;

/// <summary>The polygons of one level, projected to RD New (metres), in area-code order.</summary>
/// <param name="BoundaryYear">The division year the boundaries come from.</param>
/// <param name="Areas">The areas, one per polygon.</param>
/// <param name="Polygons">The polygons in RD New (EPSG:28992).</param>
public sealed record SpatialLayer(int BoundaryYear, ImmutableArray<AreaKey> Areas, IReadOnlyList<Geometry> Polygons);

/// <summary>An indicator's values on a layer: only the areas that have both a polygon and a value.</summary>
/// <param name="Layer">The areas with a value (a subset of the loaded layer, same order).</param>
/// <param name="Values">One value per area of <paramref name="Layer"/>.</param>
/// <param name="WithoutValue">Areas with a polygon but no value, left out.</param>
public sealed record IndicatorLayer(SpatialLayer Layer, double[] Values, IReadOnlyList<AreaKey> WithoutValue);

/// <summary>The prepared neighbours of a whole division (one level and boundary year, optionally some gemeenten).</summary>
/// <param name="BoundaryYear">The division year the boundaries come from.</param>
/// <param name="Areas">The areas in area-code order, the order of <paramref name="Neighbours"/>.</param>
/// <param name="Neighbours">The rule prepared on their polygons.</param>
public sealed record DivisionNeighbours(int BoundaryYear, ImmutableArray<AreaKey> Areas, PreparedNeighbours Neighbours);

/// <summary>An indicator's values with the binary weights of the areas that have one.</summary>
/// <param name="BoundaryYear">The division year the boundaries come from.</param>
/// <param name="Areas">The areas with a value, in area-code order.</param>
/// <param name="Values">One value per area of <paramref name="Areas"/>.</param>
/// <param name="WithoutValue">Areas with a polygon but no value, left out.</param>
/// <param name="Weights">The rule's binary weights over <paramref name="Areas"/>, as if built from their polygons.</param>
public sealed record IndicatorWeights(int BoundaryYear, ImmutableArray<AreaKey> Areas, double[] Values, IReadOnlyList<AreaKey> WithoutValue, SpatialWeights Weights);

/// <summary>
/// How prepared neighbours are kept in the store's results (<see cref="SpatialDataService.LoadNeighboursAsync"/>):
/// the areas, their centroids and, for the contiguity rules, the neighbour lists as compressed rows.
/// </summary>
public sealed record StoredNeighbours(int BoundaryYear, string[] Codes, int[] Divisions, double[] X, double[] Y, int[]? Offsets, int[]? Neighbours);

/// <summary>
/// Loads what the spatial statistics need from the store: boundaries projected to RD New, and indicator values of a
/// year aligned with them. The statistics themselves are in <c>Leefkracht.Core.Spatial</c>.
/// </summary>
/// <remarks>
/// Boundaries are looked for in the data's own year first; when the store holds none for that level and year, the
/// nearest boundary year (up to <see cref="MaxYearDistance"/> years away, later years first on a tie) is used and
/// areas are matched by code, because most buurt codes survive from one division to the next.
/// </remarks>
public sealed class SpatialDataService
{
    /// <summary>How far the boundary year may lie from the data year.</summary>
    public const int MaxYearDistance = 10;

    private readonly IMonitorStore _store;
    private readonly MonitorService _monitor;

    /// <summary>Creates the service over a store.</summary>
    public SpatialDataService(IMonitorStore store, MonitorService? monitor = null)
    {
        _store = store;
        _monitor = monitor ?? new MonitorService(store);
    }

    /// <summary>
    /// The boundaries of a level for a year, optionally only within some gemeenten; null when the store has no
    /// boundaries of that level within <see cref="MaxYearDistance"/> years.
    /// </summary>
    public async Task<SpatialLayer?> LoadLayerAsync(AreaLevel level, int year, IReadOnlyList<AreaCode> gemeenten, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        for (var distance = 0; distance <= MaxYearDistance; distance++)
        {
            foreach (var candidate in distance == 0 ? [year] : new[] { year + distance, year - distance })
            {
                var records = new List<BoundaryRecord>();
                if (gemeenten.Count == 0)
                {
                    records.AddRange(await _store.LoadBoundariesAsync(level, candidate, null, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    foreach (var gemeente in gemeenten.Distinct())
                    {
                        records.AddRange(await _store.LoadBoundariesAsync(level, candidate, gemeente, cancellationToken).ConfigureAwait(false));
                    }
                }

                if (records.Count > 0)
                {
                    records.Sort((a, b) => a.Area.Code.CompareTo(b.Area.Code));

                    // About a million vertices for all buurten at 0.6 µs each: worth both cores.
                    var polygons = new Geometry[records.Count];
                    Parallel.For(0, records.Count, i => polygons[i] = RdNew.FromWgs84(records[i].Geometry));
                    return new SpatialLayer(candidate, [.. records.Select(r => r.Area)], polygons);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An indicator of a year on the layer of a level: the prepared year's values (derived indicators and
    /// aggregations included) matched to the boundaries by code.
    /// </summary>
    public async Task<IndicatorLayer?> LoadIndicatorAsync(
        string indicatorId, AreaLevel level, int year, IReadOnlyList<AreaCode> gemeenten, CancellationToken cancellationToken = default)
    {
        var layer = await LoadLayerAsync(level, year, gemeenten, cancellationToken).ConfigureAwait(false);
        if (layer is null)
        {
            return null;
        }

        var values = await ValuesByCodeAsync(indicatorId, level, year, cancellationToken).ConfigureAwait(false);
        var (keep, kept, without) = Match(layer.Areas, values);
        var subset = new SpatialLayer(
            layer.BoundaryYear,
            [.. layer.Areas.Where((_, i) => keep[i])],
            [.. layer.Polygons.Where((_, i) => keep[i])]);
        return new IndicatorLayer(subset, kept, without);
    }

    /// <summary>The kind of stored result that holds prepared neighbours (<see cref="StoredNeighbours"/>).</summary>
    public const string NeighboursKind = "spatial-neighbours";

    /// <summary>
    /// The neighbours of a level's division for a year prepared for a rule, read from the store's results when they are
    /// stored for the current data version, otherwise built from the boundaries and stored: a second command skips
    /// reading and projecting the polygons and the contiguity search. Null when there are no boundaries
    /// (<see cref="LoadLayerAsync"/>). An import (of boundaries or anything else) changes the data version, so the
    /// lists are built again after one.
    /// </summary>
    public async Task<DivisionNeighbours?> LoadNeighboursAsync(
        AreaLevel level, int year, IReadOnlyList<AreaCode> gemeenten, WeightsRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        ArgumentNullException.ThrowIfNull(rule);
        var stored = await _monitor.RememberStoredAsync(NeighboursKind, NeighboursKey(level, year, gemeenten, rule), async () =>
        {
            var layer = await LoadLayerAsync(level, year, gemeenten, cancellationToken).ConfigureAwait(false);
            if (layer is null)
            {
                return new StoredNeighbours(0, [], [], [], [], null, null);
            }

            var prepared = PreparedNeighbours.Prepare(rule, layer.Polygons);
            var rows = prepared.Contiguity?.Rows();
            return new StoredNeighbours(
                layer.BoundaryYear,
                [.. layer.Areas.Select(a => a.Code.Value)],
                [.. layer.Areas.Select(a => a.Year)],
                [.. prepared.Centroids.Select(c => c.X)],
                [.. prepared.Centroids.Select(c => c.Y)],
                rows?.Offsets,
                rows?.Neighbours);
        }, cancellationToken).ConfigureAwait(false);
        if (stored.BoundaryYear == 0)
        {
            return null;
        }

        if (stored.Codes.Length != stored.Divisions.Length)
        {
            throw new InvalidDataException($"stored neighbours of {level} {year}: {stored.Codes.Length} codes but {stored.Divisions.Length} division years");
        }

        // The stored rows are the rule's own preparation; attaching islands and k are applied to each subset.
        return new DivisionNeighbours(
            stored.BoundaryYear,
            [.. stored.Codes.Zip(stored.Divisions, (code, division) => new AreaKey(AreaCode.Parse(code), division))],
            PreparedNeighbours.FromParts(rule, stored.Offsets, stored.Neighbours, stored.X, stored.Y));
    }

    /// <summary>
    /// An indicator of a year with the binary weights of the areas that have a value, from the prepared neighbours
    /// (<see cref="LoadNeighboursAsync"/>): no polygons are read when the neighbours are stored.
    /// </summary>
    public async Task<IndicatorWeights?> LoadIndicatorWeightsAsync(
        string indicatorId, AreaLevel level, int year, IReadOnlyList<AreaCode> gemeenten, WeightsRule rule, CancellationToken cancellationToken = default)
    {
        var division = await LoadNeighboursAsync(level, year, gemeenten, rule, cancellationToken).ConfigureAwait(false);
        return division is null ? null : WeightsOf(division, await ValuesByCodeAsync(indicatorId, level, year, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Any values by code (an indicator, the livability deviation) with the binary weights of the areas that have one,
    /// from the prepared neighbours (<see cref="LoadNeighboursAsync"/>); null when there are no boundaries.
    /// </summary>
    public async Task<IndicatorWeights?> LoadWeightsAsync(
        IReadOnlyDictionary<AreaCode, double> values, AreaLevel level, int year, IReadOnlyList<AreaCode> gemeenten, WeightsRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var division = await LoadNeighboursAsync(level, year, gemeenten, rule, cancellationToken).ConfigureAwait(false);
        return division is null ? null : WeightsOf(division, values);
    }

    private static IndicatorWeights WeightsOf(DivisionNeighbours division, IReadOnlyDictionary<AreaCode, double> values)
    {
        var (keep, kept, without) = Match(division.Areas, values);
        return new IndicatorWeights(division.BoundaryYear, [.. division.Areas.Where((_, i) => keep[i])], kept, without, division.Neighbours.For(keep));
    }

    /// <summary>
    /// The key of prepared neighbours: level, data year, gemeenten and what the preparation depends on — the
    /// contiguity rule and its snap, or only the centroids for the point rules (k and the band are applied per subset).
    /// </summary>
    private static string NeighboursKey(AreaLevel level, int year, IReadOnlyList<AreaCode> gemeenten, WeightsRule rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{level}|{year}|{string.Join(',', gemeenten.Select(g => g.Value).Distinct().Order(StringComparer.Ordinal))}|")
        + (PreparedNeighbours.IsContiguity(rule) ? string.Create(CultureInfo.InvariantCulture, $"{rule.Kind}:{rule.Snap:R}") : "centroids");

    /// <summary>Which areas have a finite value, their values in order, and the areas without one.</summary>
    private static (bool[] Keep, double[] Values, List<AreaKey> Without) Match(ImmutableArray<AreaKey> areas, IReadOnlyDictionary<AreaCode, double> values)
    {
        var keep = new bool[areas.Length];
        var kept = new List<double>();
        var without = new List<AreaKey>();
        for (var i = 0; i < areas.Length; i++)
        {
            if (values.TryGetValue(areas[i].Code, out var value) && double.IsFinite(value))
            {
                keep[i] = true;
                kept.Add(value);
            }
            else
            {
                without.Add(areas[i]);
            }
        }

        return (keep, [.. kept], without);
    }

    /// <summary>
    /// The values of one indicator for every area of a level in a year, by code (latest division first); derived
    /// indicators included, and for wijken and gemeenten the values filled from their buurten.
    /// </summary>
    public async Task<IReadOnlyDictionary<AreaCode, double>> ValuesByCodeAsync(string indicatorId, AreaLevel level, int year, CancellationToken cancellationToken = default)
    {
        // Buurten need no aggregation from below, so only the indicator and what it is derived from are read at their
        // level (a few thousand rows instead of the whole national year).
        var derived = _monitor.Catalog.Derived;
        var table = level == AreaLevel.Buurt
            ? DerivedIndicator.Apply(await _store.LoadIndicatorsAsync(year, level, [.. DerivedIndicator.InputsOf(indicatorId, derived)], cancellationToken).ConfigureAwait(false), derived)
            : (await _monitor.PrepareAsync(year, cancellationToken).ConfigureAwait(false)).Table;
        var column = table.Column(indicatorId);
        var byCode = new Dictionary<AreaCode, double>();
        foreach (var row in Enumerable.Range(0, table.Areas.Length).OrderByDescending(r => table.Areas[r].Year))
        {
            var area = table.Areas[row];
            if (area.Code.Level == level && double.IsFinite(column[row]))
            {
                byCode.TryAdd(area.Code, column[row]);
            }
        }

        return byCode;
    }
}
