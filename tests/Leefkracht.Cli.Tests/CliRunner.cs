using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Leefkracht.Cli.Tests;

/// <summary>The result of one in-process run of <c>leefkracht</c>.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the real command tree in-process with captured output, a fixed clock and a given database.</summary>
internal static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs a command that must succeed (exit code 0, else the failure shows its standard error) and returns its standard output.</summary>
    public static async Task<string> OutputAsync(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(0, result.Error);
        return result.Out;
    }

    /// <summary>Runs a command and checks that it refuses its input: exit code 2 and <paramref name="message"/> on standard error.</summary>
    public static async Task ShouldRefuseAsync(string message, params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    /// <summary>Runs a command with <paramref name="input"/> as its (redirected) standard input.</summary>
    public static Task<CliResult> RunWithInputAsync(string input, params string[] args) => RunAsync(input, 240, args);

    /// <summary>Runs a command in a terminal <paramref name="width"/> columns wide.</summary>
    public static Task<CliResult> RunInTerminalAsync(int width, params string[] args) => RunAsync(string.Empty, width, args);

    private static async Task<CliResult> RunAsync(string input, int width, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = PlainConsole(output, width);
        var environment = new CliEnvironment(console, error, _ => null, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)), Interactive: false)
        {
            Input = new StringReader(input),
            InputIsTerminal = false,
        };
        var exitCode = await CliApp.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A console without colours or interaction, <paramref name="width"/> columns wide, writing to <paramref name="output"/>.</summary>
    public static IAnsiConsole PlainConsole(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }

    public static string Sample => Path.Combine(TestData.RepositoryRoot, "data", "sample");
}

/// <summary>
/// One database with the whole sample imported by <c>leefkracht demo</c>, shared by the CLI tests: a SQLite file, or
/// in the PostgreSQL pass (<c>LEEFKRACHT_TEST_STORE=postgres</c>) a schema of the test server.
/// </summary>
public sealed class SampleDatabase : IAsyncLifetime
{
    private readonly TestStore _store = TestStore.Create();

    /// <summary>What <c>--db</c> takes: the file path, or the PostgreSQL connection string.</summary>
    public string Path => _store.Setting;

    internal CliResult Demo { get; private set; } = new(-1, string.Empty, string.Empty);

    public async ValueTask InitializeAsync() => Demo = await CliRunner.RunAsync("demo", "--no-serve", "--db", Path, "--sample", CliRunner.Sample);

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}
