using NetTopologySuite.Geometries;

namespace Leefkracht.Data.Storage;

/// <summary>
/// What the store writes of one import, in one transaction: the areas a file defines, its values, boundaries and
/// crosswalk cells. The importer fills it from what a reader read; the store knows nothing of files or readers.
/// </summary>
/// <param name="Areas">Areas (with names).</param>
/// <param name="Observations">Indicator values.</param>
/// <param name="Boundaries">Boundaries.</param>
/// <param name="CrosswalkLinks">Crosswalk cells.</param>
public sealed record StoreBatch(
    IReadOnlyList<Area> Areas,
    IReadOnlyList<ObservationRecord> Observations,
    IReadOnlyList<BoundaryRecord> Boundaries,
    IReadOnlyList<CrosswalkLink> CrosswalkLinks);

/// <summary>One indicator value to store: for an area of a division, in a period.</summary>
/// <param name="Area">The area (code and division year).</param>
/// <param name="Period">The year the value describes.</param>
/// <param name="IndicatorId">The canonical indicator.</param>
/// <param name="Value">The value in the indicator's unit.</param>
public readonly record struct ObservationRecord(AreaKey Area, int Period, string IndicatorId, double Value);

/// <summary>The boundary of an area, in WGS84 longitude/latitude.</summary>
/// <param name="Area">The area (code and division year).</param>
/// <param name="Geometry">A valid polygon or multipolygon.</param>
public sealed record BoundaryRecord(AreaKey Area, Geometry Geometry);

/// <summary>
/// One cell of an address-weighted crosswalk: how many addresses of <paramref name="From"/> (division
/// <paramref name="FromYear"/>) lie in <paramref name="To"/> (division <paramref name="ToYear"/>).
/// </summary>
/// <param name="Level">The level of both areas.</param>
/// <param name="FromYear">The old division year.</param>
/// <param name="ToYear">The new division year.</param>
/// <param name="From">The area in the old division.</param>
/// <param name="To">The area in the new division.</param>
/// <param name="Addresses">The number of addresses of <paramref name="From"/> that lie in <paramref name="To"/>.</param>
/// <param name="Variant">Which addresses were counted, for example <c>pc6_huisnummer</c>.</param>
public readonly record struct CrosswalkLink(AreaLevel Level, int FromYear, int ToYear, AreaCode From, AreaCode To, double Addresses, string Variant);
