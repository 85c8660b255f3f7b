using System.Reflection;
using Leefkracht.Core.Areas;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Monitoring;
using Leefkracht.Web;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.ArchitectureTests;

/// <summary>The assemblies of the product, and the namespaces the rules name.</summary>
internal static class Projects
{
    public static Assembly Core { get; } = typeof(AreaCode).Assembly;

    public static Assembly Data { get; } = typeof(IMonitorStore).Assembly;

    public static Assembly Fetch { get; } = typeof(Leefkracht.Fetch.FetchOptions).Assembly;

    public static Assembly Monitor { get; } = typeof(MonitorService).Assembly;

    public static Assembly Wijkaanpak { get; } = typeof(WijkaanpakSchema).Assembly;

    public static Assembly Web { get; } = typeof(DashboardApp).Assembly;

    /// <summary>The command line, <c>leefkracht</c> (its types are internal, so it is loaded by name).</summary>
    public static Assembly Cli { get; } = Assembly.Load("leefkracht");

    /// <summary>
    /// What does input or output: files and streams, the network, the console, databases, ASP.NET Core. The pure
    /// parts (Leefkracht.Core, the wijkaanpak's domain) use none of it.
    /// </summary>
    public static string[] InputOutput { get; } =
        ["System.IO", "System.Net", "System.Console", "System.Data", "Microsoft.Data", "Npgsql", "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting"];

    public const string AspNetCore = "Microsoft.AspNetCore";
}
