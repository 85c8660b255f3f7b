using System.Net;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage.Sqlite;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Leefkracht.Web.Hosting;

[assembly: AssemblyFixture(typeof(Leefkracht.Web.Tests.DashboardServer))]

namespace Leefkracht.Web.Tests;

/// <summary>
/// The whole sample imported into a fresh SQLite file, and the real app on Kestrel at a free loopback port, shared by
/// every test of the assembly.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("leefkracht-web-tests-");
    private WebApplication? _app;

    public string DatabasePath => Path.Combine(_folder.FullName, "sample.db");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client that asks for compressed answers and decompresses them, as a browser does.</summary>
    public HttpClient Client { get; private set; } = new();

    public static string RepositoryRoot { get; } = FindRoot();

    public async ValueTask InitializeAsync()
    {
        await using (var store = SqliteMonitorStore.Open(DatabasePath, TimeProvider.System, WijkaanpakSchema.Database))
        {
            var reports = await new Importer(store, CatalogDocument.Default, TimeProvider.System)
                .ImportAsync([Path.Combine(RepositoryRoot, "data", "sample")], new ImportOptions());
            if (reports.Any(r => r.Outcome == ImportOutcome.Rejected))
            {
                throw new InvalidOperationException("the sample did not import cleanly");
            }
        }

        _app = DashboardApp.Create(new DashboardOptions(DatabasePath), ["--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Leefkracht.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
