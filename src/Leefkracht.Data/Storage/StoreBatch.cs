using Leefkracht.Core.Leefbaarometer;
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
/// <param name="Leefbaarometer">Leefbaarometer scores of one edition, if the file holds them.</param>
/// <param name="PostcodeLinks">Postcode-to-area crosswalk cells.</param>
public sealed record StoreBatch(
    IReadOnlyList<Area> Areas,
    IReadOnlyList<ObservationRecord> Observations,
    IReadOnlyList<BoundaryRecord> Boundaries,
    IReadOnlyList<CrosswalkLink> CrosswalkLinks,
    LeefbaarometerBatch? Leefbaarometer = null,
    IReadOnlyList<PostcodeLink>? PostcodeLinks = null);

/// <summary>Leefbaarometer scores of one edition, as one file publishes them.</summary>
/// <param name="Reference">The edition's reference: <c>lbm − afw</c>, one constant per file.</param>
/// <param name="Scores">The scores.</param>
public sealed record LeefbaarometerBatch(double Reference, IReadOnlyList<LeefbaarometerScore> Scores)
{
    /// <summary>The edition's name in the store: the reference to six decimals (4.102265 for the LBM 3.0 series 2002–2018).</summary>
    public string Edition => EditionOf(Reference);

    /// <summary>The edition name of a reference.</summary>
    public static string EditionOf(double reference) => reference.ToString("0.000000", CultureInfo.InvariantCulture);
}

/// <summary>A stored Leefbaarometer score with its edition and the file it came from.</summary>
/// <param name="Score">The score as published.</param>
/// <param name="Edition">The edition's name (<see cref="LeefbaarometerBatch.Edition"/>).</param>
/// <param name="Reference">The edition's reference.</param>
/// <param name="ImportId">The import that stored it (its row in <c>imports</c> names the file).</param>
public sealed record StoredLeefbaarometerScore(LeefbaarometerScore Score, string Edition, double Reference, long ImportId);

/// <summary>
/// One cell of a postcode crosswalk: how many addresses of postcode area <paramref name="Postcode"/> (postcode
/// division <paramref name="FromYear"/>) lie in <paramref name="To"/> (division <paramref name="ToYear"/>).
/// </summary>
/// <param name="Level">The level of the target area.</param>
/// <param name="FromYear">The postcode division year.</param>
/// <param name="ToYear">The area division year.</param>
/// <param name="Postcode">The four-digit postcode area.</param>
/// <param name="To">The area.</param>
/// <param name="Addresses">The number of addresses.</param>
/// <param name="Variant">Which addresses were counted, for example <c>pc6_huisnummer</c>.</param>
public readonly record struct PostcodeLink(AreaLevel Level, int FromYear, int ToYear, string Postcode, AreaCode To, double Addresses, string Variant);

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
