[assembly: AssemblyFixture(typeof(Leefkracht.Web.Tests.DashboardServer))]

namespace Leefkracht.Web.Tests;

/// <summary>The whole sample imported and the real app, on the system clock, shared by every test of the assembly.</summary>
public sealed class DashboardServer() : TestServer(new TestServerOptions());
