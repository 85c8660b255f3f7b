namespace Leefkracht.Cli;

/// <summary>
/// Everything the commands take from the outside world, so that tests can run them in-process with captured
/// output, their own environment variables and a fixed clock.
/// </summary>
/// <param name="Out">Where results go (tables, CSV, JSON).</param>
/// <param name="Error">Where errors go.</param>
/// <param name="GetVariable">Reads an environment variable.</param>
/// <param name="Clock">The clock (import times).</param>
/// <param name="Interactive">Whether to draw progress bars.</param>
internal sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, Func<string, string?> GetVariable, TimeProvider Clock, bool Interactive)
{
    public static CliEnvironment System => new(
        AnsiConsole.Console,
        Console.Error,
        Environment.GetEnvironmentVariable,
        TimeProvider.System,
        !Console.IsOutputRedirected);

    /// <summary>Where secrets typed by the user come from when not asked at a terminal (a password piped to <c>account add</c>).</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>Whether <see cref="Input"/> is a terminal a prompt can be shown on.</summary>
    public bool InputIsTerminal { get; init; } = !Console.IsInputRedirected;

    /// <summary>
    /// The database setting: --db, else LEEFKRACHT_DB, else a SQLite file in the user's data folder. A file path, or a
    /// PostgreSQL connection string or URL (see <c>Leefkracht.Data.Storage.StoreLocation</c>).
    /// </summary>
    public string DatabasePath(string? option) =>
        option ?? GetVariable("LEEFKRACHT_DB") ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "leefkracht",
            "leefkracht.db");
}
