using System.Collections.Concurrent;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Wijkaanpak.Storage;
using Leefkracht.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Leefkracht.Web.Hosting;

[assembly: AssemblyFixture(typeof(Leefkracht.Wijkaanpak.Tests.WijkaanpakServer))]

namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>
/// A fresh store of the run's kind (SQLite, or a schema of its own on the test PostgreSQL server) with Utrecht's
/// KWB 2023 and 2024, and the real app on Kestrel at a free loopback port, with a fake clock and every log message
/// captured. Parties and accounts are seeded through the store, as `leefkracht account add` does.
/// </summary>
/// <remarks>
/// The clock starts at 23:00 UTC on 1 March 2025 (its local time zone is UTC), so a test can make "today" the next
/// day by advancing it 90 minutes, which leaves the 8-hour sessions of parallel tests alone.
/// </remarks>
public sealed class WijkaanpakServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private WebApplication? _app;

    internal TestStore Store { get; } = TestStore.Create();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<string> Logs { get; } = new();

    public IWijkaanpakStore Wijkaanpak => _app!.Services.GetRequiredService<IWijkaanpakStore>();

    public Party Gemeente { get; private set; } = null!;

    public Party Corporatie { get; private set; } = null!;

    public Party OtherCorporatie { get; private set; } = null!;

    public Party Zorg { get; private set; } = null!;

    public Party Residents { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await using (var store = Store.Open())
        {
            var reports = await new Importer(store, CatalogDocument.Default, Clock).ImportAsync(
                [Path.Combine(TestData.RepositoryRoot, "data", "sample", "utrecht")], new ImportOptions());
            if (reports.Any(r => r.Outcome == ImportOutcome.Rejected))
            {
                throw new InvalidOperationException("the Utrecht sample did not import cleanly");
            }
        }

        _app = DashboardApp.Create(new DashboardOptions(Store.Setting), ["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(new CapturingLoggerProvider(Logs));
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        var system = new AuditActor(null, "tests");
        Gemeente = await Wijkaanpak.CreatePartyAsync("Gemeente Utrecht", PartyType.Gemeente, system);
        Corporatie = await Wijkaanpak.CreatePartyAsync("Mitros", PartyType.Corporatie, system);
        OtherCorporatie = await Wijkaanpak.CreatePartyAsync("Portaal", PartyType.Corporatie, system);
        Zorg = await Wijkaanpak.CreatePartyAsync("Buurtteam Binnenstad", PartyType.Zorg, system);
        Residents = await Wijkaanpak.CreatePartyAsync("Bewonersplatform Binnenstad", PartyType.Bewoners, system);
    }

    /// <summary>A new account (unique name) of a party with a role, with <see cref="Password"/>.</summary>
    public async Task<AccountRecord> AccountAsync(Party party, Role role, string? password = null) =>
        await Wijkaanpak.CreateAccountAsync(
            new AccountRecord(0, $"{role.Code()}-{Guid.NewGuid():N}", $"{role} of {party.Name}", party.Id, role, Passwords.Hash(password ?? Password), false, 0, null, 1),
            new AuditActor(null, "tests"));

    /// <summary>A signed-in client for a new account.</summary>
    public async Task<ApiClient> SignedInAsync(Party party, Role role)
    {
        var account = await AccountAsync(party, role);
        var client = new ApiClient(BaseAddress);
        (await client.LoginAsync(account.UserName, Password)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>An app instance of its own over the same store (for configuration tests); the caller disposes it.</summary>
    public WebApplication CreateApp(params string[] args) =>
        DashboardApp.Create(new DashboardOptions(Store.Setting), ["--urls", "http://127.0.0.1:0", .. args], b => b.Services.AddSingleton<TimeProvider>(Clock));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Store.Dispose();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message, every structured value and the exception: whatever any sink could write.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                logs.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
