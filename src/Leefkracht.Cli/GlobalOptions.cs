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

    /// <summary>Opens what a command works on: the store --db / LEEFKRACHT_DB names (SQLite file or PostgreSQL), the monitor, the words.</summary>
    public CommandContext Open(ParseResult result, CliEnvironment environment) =>
        CommandContext.Open(environment.DatabasePath(result.GetValue(Database)), environment, TextsFor(result, environment));
}
