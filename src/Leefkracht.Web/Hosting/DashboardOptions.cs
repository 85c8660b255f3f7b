

namespace Leefkracht.Web.Hosting;

/// <summary>How the dashboard is started.</summary>
/// <param name="DatabasePath">The store the dashboard reads: a SQLite file path or a PostgreSQL connection string (as <c>--db</c>).</param>
/// <param name="DashboardFolder">The built front-end (default: <c>dashboard/</c> next to the program).</param>
/// <param name="ChromiumPath">The Chromium used to print area reports as PDF (default: looked up on the PATH).</param>
public sealed record DashboardOptions(string DatabasePath, string? DashboardFolder = null, string? ChromiumPath = null)
{
    /// <summary>The folder the built front-end is served from.</summary>
    public string AssetsFolder => DashboardFolder ?? Path.Combine(AppContext.BaseDirectory, "dashboard");
}
