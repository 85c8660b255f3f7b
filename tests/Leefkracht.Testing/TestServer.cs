using System.Collections.Concurrent;
using System.Net;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Web;
using Leefkracht.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Testing;

/// <summary>What a <see cref="TestServer"/> imports and how its app runs.</summary>
public sealed record TestServerOptions
{
    /// <summary>The folder of <c>data/sample</c> imported before the app starts; empty for the whole sample.</summary>
    public string Sample { get; init; } = string.Empty;

    /// <summary>The clock of the import and the app; null for the system clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Whether to keep every log message of the app in <see cref="TestServer.Logs"/>.</summary>
    public bool CaptureLogs { get; init; }

    /// <summary>Command-line settings of the app (<c>--Leefkracht:Name=value</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}

/// <summary>
/// The real app on Kestrel at a free loopback port over a fresh store of the run's kind (<see cref="TestStore"/>:
/// a SQLite file, or a schema of its own on the test PostgreSQL server) with (part of) the bundled sample imported.
/// The one test-server fixture of every test project: a project derives from it to choose the
/// <see cref="TestServerOptions"/> and to add what its tests need (accounts, parties) in <see cref="SeedAsync"/>.
/// </summary>
public abstract class TestServer(TestServerOptions options) : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The store the app serves.</summary>
    public TestStore Store { get; } = TestStore.Create();

    /// <summary>The fake clock the server was given (<see cref="TestServerOptions.Clock"/>), for tests that move time on.</summary>
    public FakeTimeProvider Clock => options.Clock ?? throw new InvalidOperationException("this server runs on the system clock; give it TestServerOptions.Clock");

    /// <summary>The app's address, ending in a slash.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client that asks for compressed answers and decompresses them, as a browser does.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <summary>Every log message of the app, when <see cref="TestServerOptions.CaptureLogs"/>.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the server has not started");

    private TimeProvider AppClock => options.Clock ?? TimeProvider.System;

    public async ValueTask InitializeAsync()
    {
        await using (var store = Store.Open())
        {
            var reports = await new Importer(store, CatalogDocument.Default, AppClock)
                .ImportAsync([Path.Combine(TestData.RepositoryRoot, "data", "sample", options.Sample)], new ImportOptions());
            if (reports.Any(r => r.Outcome == ImportOutcome.Rejected))
            {
                throw new InvalidOperationException($"the sample {options.Sample} did not import cleanly");
            }
        }

        _app = Build([.. options.Args], builder =>
        {
            if (options.CaptureLogs)
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(new CapturingLoggerProvider(Logs));
            }
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.ListeningAddress()!.TrimEnd('/') + "/");
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        await SeedAsync();
    }

    /// <summary>An app of its own over the same store, not started (for configuration tests); the caller disposes it.</summary>
    public WebApplication CreateApp(params string[] args) => Build(args, _ => { });

    /// <summary>A client signed in as <paramref name="userName"/>, with the antiforgery token of its login.</summary>
    public async Task<ApiClient> SignInAsync(string userName, string password)
    {
        var client = new ApiClient(BaseAddress);
        (await client.LoginAsync(userName, password)).EnsureSuccessStatusCode();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the tests need besides the sample, added once the app runs.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>
    /// The rate limits of the heavy endpoints raised far beyond what a test run asks (docs/security.md, "Limits"), so
    /// that only a test that sets them low again (a later argument wins) meets them.
    /// </summary>
    private static readonly string[] UnlimitedHeavyRequests = ["--Leefkracht:RateLimits:HeavyPerMinute=1000000", "--Leefkracht:RateLimits:PdfPerMinute=1000000"];

    private WebApplication Build(string[] args, Action<WebApplicationBuilder> configure) =>
        DashboardApp.Create(new DashboardOptions(Store.Setting), ["--urls", "http://127.0.0.1:0", .. UnlimitedHeavyRequests, .. args], builder =>
        {
            builder.Services.AddSingleton(AppClock);
            configure(builder);
        });

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
