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

    /// <summary>The culture of the words: English for --lang (or LEEFKRACHT_LANG) en…, Dutch otherwise. <see cref="CliApp"/> makes it the UI culture.</summary>
    public CultureInfo UiCulture(ParseResult result, CliEnvironment environment) =>
        (LanguageGiven(result) ?? environment.GetVariable("LEEFKRACHT_LANG")) is { } lang && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? English
            : Dutch;

    /// <summary>The --lang given, or null; also when the command line has errors (they are told in this language).</summary>
    private string? LanguageGiven(ParseResult result)
    {
        try
        {
            return result.GetValue(Language);
        }
        catch (InvalidOperationException)
        {
            return null; // --lang itself is malformed: its error is told in the default language
        }
    }

    private static CultureInfo Dutch { get; } = new("nl");

    private static CultureInfo English { get; } = new("en");

    /// <summary>Opens what a command works on: the store --db / LEEFKRACHT_DB names (SQLite file or PostgreSQL), the monitor, the words.</summary>
    public CommandContext Open(ParseResult result, CliEnvironment environment) =>
        CommandContext.Open(environment.DatabasePath(result.GetValue(Database)), environment, Texts.Instance);
}
