namespace Leefkracht.Data.Storage;

/// <summary>Where a batch came from, recorded with it.</summary>
/// <param name="FileName">The file name (without folders).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file on disk.</param>
/// <param name="SizeBytes">Size on disk.</param>
/// <param name="ImportedAt">When the import ran (from the injected clock).</param>
/// <param name="ReportJson">The full import report as JSON.</param>
public sealed record ImportProvenance(string FileName, string Sha256, long SizeBytes, DateTimeOffset ImportedAt, string ReportJson);
