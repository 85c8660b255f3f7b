using Leefkracht.Core.Areas;
using NetTopologySuite.Geometries;

namespace Leefkracht.Data.Import;

/// <summary>One indicator value read from a file: for an area of a division, in a period.</summary>
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

/// <summary>
/// Everything one reader got out of one file, before it is stored. Readers fill it; the importer
/// checks it against the error tolerance and then stores it in one transaction, or not at all.
/// </summary>
public sealed class ImportBatch
{
    /// <summary>Starts an empty batch.</summary>
    public ImportBatch(FileKind kind, string shapeDescription, IssueLog issues)
    {
        Kind = kind;
        ShapeDescription = shapeDescription;
        Issues = issues;
    }

    /// <summary>The kind of file.</summary>
    public FileKind Kind { get; }

    /// <summary>A short description of the detected shape, for the report.</summary>
    public string ShapeDescription { get; set; }

    /// <summary>Findings about the file.</summary>
    public IssueLog Issues { get; }

    /// <summary>Areas (with names) the file defines.</summary>
    public List<Area> Areas { get; } = [];

    /// <summary>Indicator values.</summary>
    public List<ObservationRecord> Observations { get; } = [];

    /// <summary>Boundaries.</summary>
    public List<BoundaryRecord> Boundaries { get; } = [];

    /// <summary>Crosswalk cells.</summary>
    public List<CrosswalkLink> CrosswalkLinks { get; } = [];

    /// <summary>Data rows (or features) read, not counting headers, preambles and blank lines.</summary>
    public int RowsRead { get; set; }

    /// <summary>Rows that were skipped on purpose (footers, unit rows, aggregate rows outside scope).</summary>
    public int RowsSkipped { get; set; }

    /// <summary>Rows rejected because of an error.</summary>
    public int RowsRejected { get; set; }

    /// <summary>Rows that contributed data.</summary>
    public int RowsAccepted => RowsRead - RowsSkipped - RowsRejected;
}
