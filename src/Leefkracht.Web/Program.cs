using Leefkracht.Web;

// Usually started by `leefkracht serve` or `leefkracht demo`; this entry point serves the same app on its own.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var app = DashboardApp.Create(new DashboardOptions(DashboardApp.DefaultDatabasePath(configuration)), args);
await app.RunAsync();

/// <summary>The entry point, public so that tests can refer to the app's assembly (eShop's Program.Testing.cs idea).</summary>
public partial class Program;
