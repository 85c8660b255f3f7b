using Leefkracht.Data.Import;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht demo</c>: create or refresh the embedded database from the bundled sample, then serve the
/// dashboard on it (<c>--no-serve</c>: only import and print what the database holds).
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var sample = new Option<string?>("--sample") { Description = "Folder with the sample data (default: the copy next to the program, else data/sample)" };
        var noServe = new Option<bool>("--no-serve") { Description = "Only import the sample; do not start the dashboard" };
        var urls = ServeCommand.UrlsOption();
        var command = new Command("demo", "Import the bundled sample data into the database and serve the dashboard on it") { sample, noServe, urls };
        command.SetAction(async (result, cancellationToken) =>
        {
            var folder = result.GetValue(sample) ?? FindSample();
            if (folder is null || !Directory.Exists(folder))
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("demo_no_sample", folder ?? Texts.Instance["demo_looked"])).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var texts = Texts.Instance;
            var imported = await ImportAsync(environment, global, result, folder, texts, cancellationToken).ConfigureAwait(false);
            if (imported == ExitCodes.Success)
            {
                await WijkaanpakDemo.SeedAsync(environment, environment.DatabasePath(result.GetValue(global.Database)), cancellationToken).ConfigureAwait(false);
            }

            if (imported != ExitCodes.Success || result.GetValue(noServe))
            {
                environment.Out.MarkupLine(Markup.Escape(texts["demo_no_dashboard"]));
                return imported;
            }

            return await ServeCommand.RunAsync(environment, environment.DatabasePath(result.GetValue(global.Database)), result.GetValue(urls)!, texts, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ImportAsync(CliEnvironment environment, GlobalOptions global, ParseResult result, string folder, Texts texts, CancellationToken cancellationToken)
    {
        await using var context = global.Open(result, environment);
        var store = context.Store;
        environment.Out.MarkupLine(Markup.Escape(texts.Format("demo_importing", folder, store.Location)));
        var reports = await ImportCommand.Run(environment, store, [folder], new ImportOptions(), texts, cancellationToken).ConfigureAwait(false);
        ImportCommand.Print(environment, reports, texts, verbose: false, compact: true);
        var summary = await store.SummarizeAsync(cancellationToken).ConfigureAwait(false);
        environment.Out.MarkupLine(Markup.Escape(texts.Format(
            "demo_summary",
            store.Location,
            summary.Imports,
            summary.AreasByLevelAndYear.Values.Sum(),
            summary.ValuesByPeriod.Values.Sum(),
            summary.Boundaries,
            summary.CrosswalkLinks)));
        return reports.Any(r => r.Outcome == ImportOutcome.Rejected) ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    /// <summary>The sample copied next to the program by the build, else <c>data/sample</c> above the working folder.</summary>
    public static string? FindSample()
    {
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "sample");
        if (Directory.Exists(besideProgram))
        {
            return besideProgram;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "sample");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
