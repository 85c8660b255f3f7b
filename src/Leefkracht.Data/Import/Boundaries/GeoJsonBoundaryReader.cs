using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import.Boundaries;

// TEMPORARY placeholder until the boundaries branch is merged.
public sealed class GeoJsonBoundaryReader : IImportReader
{
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        var issues = new IssueLog(file.Name);
        issues.FileError("GeoJson boundaries are not supported yet");
        return new ImportBatch(FileKind.GeoJson, "GeoJson", issues);
    }
}
