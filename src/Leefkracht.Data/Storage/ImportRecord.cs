namespace Leefkracht.Data.Storage;

/// <summary>The provenance of one stored import: which file, its hash, when, and what it contributed.</summary>
public sealed record ImportRecord(
    long Id,
    string FileName,
    string Sha256,
    string Kind,
    string Shape,
    DateTimeOffset ImportedAt,
    long SizeBytes,
    int RowsRead,
    int RowsStored,
    int RowsSkipped,
    int RowsRejected,
    int AreasStored,
    int ValuesStored,
    int ValuesReplaced,
    int BoundariesStored,
    int LinksStored,
    int Errors,
    int Warnings);
