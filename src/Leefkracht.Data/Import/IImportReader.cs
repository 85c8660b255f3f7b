using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import;

/// <summary>
/// Reads one kind of source file into an <see cref="ImportBatch"/>. Readers never write to a store and never
/// throw on bad content: every problem becomes an issue in the batch's log, with file, line, column and value.
/// </summary>
public interface IImportReader
{
    /// <summary>Reads the file.</summary>
    ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken);
}
