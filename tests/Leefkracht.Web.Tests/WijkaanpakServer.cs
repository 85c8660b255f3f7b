using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage.Sqlite;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Leefkracht.Web.Hosting;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The app over a fresh SQLite file with Utrecht's KWB 2023 and 2024 and a fake clock, for the wijkaanpak browser
/// tests. The administrator is made as <c>leefkracht account add</c> makes one (through the store); the parties
/// and the other accounts are made by that administrator through the API, as an application manager would.
/// </summary>
/// <remarks>
/// The clock starts at 23:00 UTC on 1 March 2025 (local time zone UTC), so advancing it 90 minutes makes "today" the
/// next day without ending any 8-hour session.
/// </remarks>
public sealed class WijkaanpakServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("leefkracht-wijkaanpak-web-");
    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>User names of the accounts, by who they are.</summary>
    public Dictionary<string, string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Party ids by name.</summary>
    public Dictionary<string, long> Parties { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var database = Path.Combine(_folder.FullName, "utrecht.db");
        await using (var store = SqliteMonitorStore.Open(database, Clock, WijkaanpakSchema.Database))
        {
            var reports = await new Importer(store, CatalogDocument.Default, Clock)
                .ImportAsync([Path.Combine(DashboardServer.RepositoryRoot, "data", "sample", "utrecht")], new ImportOptions());
            if (reports.Any(r => r.Outcome == ImportOutcome.Rejected))
            {
                throw new InvalidOperationException("the Utrecht sample did not import cleanly");
            }
        }

        _app = DashboardApp.Create(new DashboardOptions(database), ["--urls", "http://127.0.0.1:0"], b => b.Services.AddSingleton<TimeProvider>(Clock));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        var wijkaanpak = _app.Services.GetRequiredService<IWijkaanpakStore>();
        var system = new AuditActor(null, "tests");
        var beheer = await wijkaanpak.CreatePartyAsync("Gemeente Utrecht", PartyType.Gemeente, system);
        Parties[beheer.Name] = beheer.Id;
        await wijkaanpak.CreateAccountAsync(new AccountRecord(0, "beheer", "Beheerder", beheer.Id, Role.Admin, Passwords.Hash(Password), false, 0, null, 1), system);
        Accounts["admin"] = "beheer";

        using var admin = await SignInAsync("beheer");
        foreach (var (name, type) in new[] { ("Mitros", "corporatie"), ("Portaal", "corporatie"), ("Buurtteam Overvecht", "zorg"), ("Bewonersplatform Overvecht", "bewoners") })
        {
            Parties[name] = (await admin.SendAsync(HttpMethod.Post, "api/v1/wijkaanpak/parties", new { name, type }))["id"]!.GetValue<long>();
        }

        foreach (var (who, userName, displayName, party, role) in new[]
        {
            ("gemeente", "e.devries", "Eva de Vries", "Gemeente Utrecht", "coordinator"),
            ("mitros", "m.bakker", "Mohamed Bakker", "Mitros", "partner"),
            ("portaal", "s.jansen", "Sanne Jansen", "Portaal", "partner"),
            ("buurtteam", "f.elamrani", "Fatima El Amrani", "Buurtteam Overvecht", "partner"),
            ("bewoner", "k.smit", "Kees Smit", "Bewonersplatform Overvecht", "bewoner"),
        })
        {
            await admin.SendAsync(HttpMethod.Post, "api/v1/accounts", new { userName, displayName, partyId = Parties[party], role, password = Password });
            Accounts[who] = userName;
        }
    }

    /// <summary>An API session of an account (the same calls the pages make, cookies kept by hand as a browser does).</summary>
    public async Task<Session> SignInAsync(string userName)
    {
        var session = new Session(BaseAddress);
        var answer = await session.SendAsync(HttpMethod.Post, "api/v1/auth/login", new { userName, password = Password });
        session.Token = answer["antiforgery"]!["token"]!.GetValue<string>();
        return session;
    }

    public async ValueTask DisposeAsync()
    {
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

    /// <summary>
    /// A signed-in API client. .NET's cookie container does not send the app's Secure cookies over plain-HTTP
    /// loopback (a browser does, 127.0.0.1 being a secure context), so the cookies are kept here.
    /// </summary>
    public sealed class Session(Uri baseAddress) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseAddress };
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public string? Token { get; set; }

        public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
        {
            using var response = await SendRawAsync(method, path, body, ifMatch);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path}: {(int)response.StatusCode} {text}");
            return JsonNode.Parse(text)!;
        }

        public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
            }

            if (Token is not null)
            {
                request.Headers.Add("X-CSRF-TOKEN", Token);
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                _cookies[name] = pair[(name.Length + 1)..];
            }

            return response;
        }

        public void Dispose() => _http.Dispose();
    }
}
