using System.CommandLine;
using Leefkracht.Data.Storage;
using Leefkracht.Data.Storage.Sqlite;

namespace Leefkracht.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "SQLite database file (default: $LEEFKRACHT_DB, else ~/.local/share/leefkracht/leefkracht.db)",
        Recursive = true,
    };

    public Option<string?> Language { get; } = new("--lang")
    {
        Description = "Language of labels and indicator names: nl (default) or en (also $LEEFKRACHT_LANG)",
        Recursive = true,
    };

    public Texts TextsFor(ParseResult result, CliEnvironment environment) =>
        Texts.For(result.GetValue(Language) ?? environment.GetVariable("LEEFKRACHT_LANG"));

    public IMonitorStore OpenStore(ParseResult result, CliEnvironment environment) =>
        SqliteMonitorStore.Open(environment.DatabasePath(result.GetValue(Database)), environment.Clock);
}
