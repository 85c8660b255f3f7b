namespace Leefkracht.Data.Storage;

/// <summary>Where a batch came from and what reading it found, recorded with it (the <c>imports</c> row).</summary>
/// <param name="FileName">The file name (without folders).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file on disk.</param>
/// <param name="SizeBytes">Size on disk.</param>
/// <param name="ImportedAt">When the import ran (from the injected clock).</param>
/// <param name="Kind">The kind of file, as the importer names it.</param>
/// <param name="Shape">A short description of the detected shape.</param>
/// <param name="RowsRead">Data rows (or features) read.</param>
/// <param name="RowsStored">Rows that contributed data.</param>
/// <param name="RowsSkipped">Rows skipped on purpose.</param>
/// <param name="RowsRejected">Rows rejected because of an error.</param>
/// <param name="Errors">Errors found in the file.</param>
/// <param name="Warnings">Warnings found in the file.</param>
/// <param name="ReportJson">The full import report as JSON.</param>
public sealed record ImportProvenance(
    string FileName,
    string Sha256,
    long SizeBytes,
    DateTimeOffset ImportedAt,
    string Kind,
    string Shape,
    int RowsRead,
    int RowsStored,
    int RowsSkipped,
    int RowsRejected,
    int Errors,
    int Warnings,
    string ReportJson);
