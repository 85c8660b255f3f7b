using System.CommandLine;
using Leefkracht.Data.Storage;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…) or postgresql:// URL (default: $LEEFKRACHT_DB, else ~/.local/share/leefkracht/leefkracht.db)",
        Recursive = true,
    };

    public Option<string?> Language { get; } = new("--lang")
    {
        Description = "Language of labels and indicator names: nl (default) or en (also $LEEFKRACHT_LANG)",
        Recursive = true,
    };

    public Texts TextsFor(ParseResult result, CliEnvironment environment) =>
        Texts.For(result.GetValue(Language) ?? environment.GetVariable("LEEFKRACHT_LANG"));

    /// <summary>Opens the store --db / LEEFKRACHT_DB names (SQLite file or PostgreSQL), through the one factory.</summary>
    public IMonitorStore OpenStore(ParseResult result, CliEnvironment environment) =>
        MonitorStores.Open(environment.DatabasePath(result.GetValue(Database)), environment.Clock, WijkaanpakSchema.Database);
}
