using NetArchTest.Rules;

namespace Leefkracht.ArchitectureTests;

/// <summary>
/// What each project may reference (docs/architecture.md, "Projects"): Core nothing with I/O and none of the other
/// projects; Data neither Monitor, Wijkaanpak nor Web, nor the network (that is Fetch's); Fetch only Data; Monitor neither Web nor Wijkaanpak; Wijkaanpak neither Web nor
/// Monitor, and its domain no I/O; nothing but Web references ASP.NET Core.
/// </summary>
public sealed class ProjectRulesTests
{
    [Fact]
    public void Core_ReferencesNothingWithInputOrOutput_AndNoOtherProject() =>
        Rules.Check(Types.InAssembly(Projects.Core), [.. Projects.InputOutput, "Leefkracht.Data", "Leefkracht.Monitor", "Leefkracht.Wijkaanpak", "Leefkracht.Web", "Leefkracht.Cli"]);

    [Fact]
    public void Data_ReferencesNeitherMonitorWijkaanpakNorWeb() =>
        Rules.Check(Types.InAssembly(Projects.Data), "Leefkracht.Monitor", "Leefkracht.Wijkaanpak", "Leefkracht.Web", "Leefkracht.Cli", Projects.AspNetCore);

    [Fact]
    public void Fetch_ReferencesOnlyData_NotTheApplicationNorAspNetCore() =>
        Rules.Check(Types.InAssembly(Projects.Fetch), "Leefkracht.Monitor", "Leefkracht.Wijkaanpak", "Leefkracht.Web", "Leefkracht.Cli", Projects.AspNetCore);

    [Fact]
    public void Data_DoesNotFetch_TheNetworkStaysInFetch() =>
        Rules.Check(Types.InAssembly(Projects.Data), "Leefkracht.Fetch", "System.Net.Http");

    [Fact]
    public void Monitor_ReferencesNeitherWebNorWijkaanpak() =>
        Rules.Check(Types.InAssembly(Projects.Monitor), "Leefkracht.Web", "Leefkracht.Wijkaanpak", "Leefkracht.Cli", Projects.AspNetCore);

    [Fact]
    public void Wijkaanpak_ReferencesNeitherWebNorMonitor() =>
        Rules.Check(Types.InAssembly(Projects.Wijkaanpak), "Leefkracht.Web", "Leefkracht.Monitor", "Leefkracht.Cli", Projects.AspNetCore);

    [Fact]
    public void WijkaanpakDomain_ReferencesNothingWithInputOrOutput_NorTheStore() =>
        Rules.Check(
            Types.InAssembly(Projects.Wijkaanpak).That().ResideInNamespace("Leefkracht.Wijkaanpak.Domain"),
            [.. Projects.InputOutput, "Leefkracht.Data", "Leefkracht.Wijkaanpak.Storage"]);

    [Fact]
    public void CommandLine_ReferencesNoAspNetCore_ItServesTheDashboardThroughWeb() =>
        Rules.Check(Types.InAssembly(Projects.Cli), Projects.AspNetCore);
}
