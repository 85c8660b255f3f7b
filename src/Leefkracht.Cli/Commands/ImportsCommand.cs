using Leefkracht.Data.Import;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht imports</c>: the provenance of everything in the database.</summary>
internal static class ImportsCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var format = Output.FormatOption();
        var command = new Command("imports", "List the imports in the database with their provenance (file, SHA-256, time, rows)") { format };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var context = global.Open(result, environment);
            var store = context.Store;
            var imports = await store.ListImportsAsync(cancellationToken).ConfigureAwait(false);
            Output.Write(
                environment.Out,
                result.GetValue(format),
                ["id", "file", "sha256", "kind", "description", "imported_at", "rows_read", "rows_stored", "rows_skipped", "rows_rejected", "areas", "values", "boundaries", "links"],
                imports.Select(i => (IReadOnlyList<object?>)[
                    i.Id, i.FileName, i.Sha256, i.Kind, ImportShape.Read(i.Shape).Describe(), i.ImportedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    i.RowsRead, i.RowsStored, i.RowsSkipped, i.RowsRejected, i.AreasStored, i.ValuesStored, i.BoundariesStored, i.LinksStored,
                ]));
            return ExitCodes.Success;
        });
        return command;
    }
}
