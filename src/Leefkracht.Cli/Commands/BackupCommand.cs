using Leefkracht.Core.Indicators;
using Leefkracht.Data.Storage.Backup;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht backup FILE</c>: a portable backup of the whole store, restorable into SQLite or PostgreSQL.</summary>
internal static class BackupCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "The backup file to write (a .zip; must not exist yet)" };
        var command = new Command("backup", "Write a portable backup of the whole database (zip: manifest + one JSON-lines file per table), restorable into SQLite or PostgreSQL") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (File.Exists(path))
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("backup_exists", path)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, _, texts) = context;
            var summary = await StoreBackup.WriteAsync(store, path, environment.Clock, cancellationToken).ConfigureAwait(false);
            Print(environment, texts, texts.Format("backup_written", store.Location, path), summary);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line per table with its row count.</summary>
    public static void Print(CliEnvironment environment, Texts texts, string heading, BackupSummary summary)
    {
        environment.Out.WriteLine(heading, Style.Plain);
        foreach (var (table, rows) in summary.RowsByTable)
        {
            environment.Out.WriteLine(texts.Format("table_rows", table, NumberText.Format(rows, IndicatorUnit.Count)), Style.Plain);
        }
    }
}
