using Leefkracht.Web;
using Leefkracht.Web.Hosting;

namespace Leefkracht.Cli.Commands;

/// <summary><c>leefkracht serve [--urls URL]</c>: the dashboard and REST API over the database, until stopped.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Option<string> UrlsOption() => new("--urls")
    {
        Description = $"Where the dashboard listens (default {DefaultUrls}; port 0 picks a free port)",
        DefaultValueFactory = _ => DefaultUrls,
    };

    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var urls = UrlsOption();
        var command = new Command("serve", "Serve the dashboard and the REST API (/api/v1, OpenAPI at /openapi/v1.json) over the database") { urls };
        command.SetAction((result, cancellationToken) =>
            RunAsync(environment, environment.DatabasePath(result.GetValue(global.Database)), result.GetValue(urls)!, Texts.Instance, cancellationToken));
        return command;
    }

    /// <summary>Starts the web app and runs it until <paramref name="cancellationToken"/> (Ctrl+C) stops it.</summary>
    public static async Task<int> RunAsync(CliEnvironment environment, string database, string urls, Texts texts, CancellationToken cancellationToken)
    {
        await DashboardApp.ServeAsync(
            new DashboardOptions(database),
            urls,
            address => environment.Out.MarkupLine(Markup.Escape(texts.Format("serve_listening", address))),
            cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
