using Leefkracht.Data.Storage.Backup;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht restore FILE [--force]</c>: fill the store from a backup, atomically. A store that holds data is
/// refused unless <c>--force</c>. Also the way to move from SQLite to PostgreSQL (back up one, restore into the other).
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "A backup written by 'leefkracht backup'" };
        var force = new Option<bool>("--force") { Description = "Replace the data of a database that is not empty" };
        var command = new Command("restore", "Restore a backup into the database (all or nothing; an empty database unless --force)") { file, force };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("restore_no_file", path)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var (store, _, texts) = context;
            try
            {
                var summary = await StoreBackup.RestoreAsync(path, store, result.GetValue(force), cancellationToken).ConfigureAwait(false);
                BackupCommand.Print(environment, texts, texts.Format("restore_done", path, store.Location), summary);
                return ExitCodes.Success;
            }
            catch (InvalidDataException exception)
            {
                // A damaged or foreign file: nothing was changed (the restore is one transaction).
                await environment.Error.WriteLineAsync(texts.Format("restore_failed", exception.Message)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}
