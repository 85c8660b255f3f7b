using System.Collections.Immutable;
using Leefkracht.Core.Geography;
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
        var keep = new bool[layer.Areas.Length];
        var kept = new List<double>();
        var without = new List<AreaKey>();
        for (var i = 0; i < layer.Areas.Length; i++)
        {
            if (values.TryGetValue(layer.Areas[i].Code, out var value) && double.IsFinite(value))
            {
                keep[i] = true;
                kept.Add(value);
            }
            else
            {
                without.Add(layer.Areas[i]);
            }
        }

        var subset = new SpatialLayer(
            layer.BoundaryYear,
            [.. layer.Areas.Where((_, i) => keep[i])],
            [.. layer.Polygons.Where((_, i) => keep[i])]);
        return new IndicatorLayer(subset, [.. kept], without);
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
