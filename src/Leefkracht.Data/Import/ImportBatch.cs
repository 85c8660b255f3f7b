using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import;

/// <summary>
/// Everything one reader got out of one file, before it is stored. Readers fill it; the importer
/// checks it against the error tolerance and then stores it in one transaction, or not at all.
/// </summary>
public sealed class ImportBatch
{
    /// <summary>Starts an empty batch.</summary>
    public ImportBatch(FileKind kind, ImportShape shape, IssueLog issues)
    {
        Kind = kind;
        Shape = shape;
        Issues = issues;
    }

    /// <summary>The kind of file.</summary>
    public FileKind Kind { get; }

    /// <summary>What the file was found to be, in codes (worded for the report, stored as codes).</summary>
    public ImportShape Shape { get; set; }

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

    /// <summary>Leefbaarometer scores of one edition, when the file holds them.</summary>
    public LeefbaarometerBatch? Leefbaarometer { get; set; }

    /// <summary>Postcode-to-area crosswalk cells.</summary>
    public List<PostcodeLink> PostcodeLinks { get; } = [];

    /// <summary>Data rows (or features) read, not counting headers, preambles and blank lines.</summary>
    public int RowsRead { get; set; }

    /// <summary>Rows that were skipped on purpose (footers, unit rows, aggregate rows outside scope).</summary>
    public int RowsSkipped { get; set; }

    /// <summary>Rows rejected because of an error.</summary>
    public int RowsRejected { get; set; }

    /// <summary>Rows that contributed data.</summary>
    public int RowsAccepted => RowsRead - RowsSkipped - RowsRejected;

    /// <summary>What the store writes of this batch (the lists themselves, not copies).</summary>
    public StoreBatch ToStoreBatch() => new(Areas, Observations, Boundaries, CrosswalkLinks, Leefbaarometer, PostcodeLinks);

    /// <summary>Where the batch came from and what reading it found, recorded with it.</summary>
    public ImportProvenance Provenance(string fileName, string sha256, long sizeBytes, DateTimeOffset importedAt, string reportJson) =>
        new(fileName, sha256, sizeBytes, importedAt, Kind.ToString(), Shape.Store(), RowsRead, RowsAccepted, RowsSkipped, RowsRejected, Issues.ErrorCount, Issues.WarningCount, reportJson);
}
