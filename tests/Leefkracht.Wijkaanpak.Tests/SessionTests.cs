using Leefkracht.Web.Wijkaanpak;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>
/// Sessions are bound to their store and end when they should (issue 18, findings 1 and 2): the Data Protection keys
/// and the session rows live in the database, so a cookie is worth nothing on another database, and logout, a new
/// password or disabling end it on the next request.
/// </summary>
public sealed class SessionTests(WijkaanpakServer server)
{
    [Fact]
    public async Task ACookie_IsRefusedByAServerOverAnotherStore_AndAcceptedByAnotherInstanceOverTheSame()
    {
        // Given two installations whose first account is an admin with id 1 (demo's demo-admin and a production admin)
        await using var first = new OneAdminServer();
        await using var second = new OneAdminServer();
        await first.InitializeAsync();
        await second.InitializeAsync();
        first.Admin.Id.ShouldBe(second.Admin.Id);
        using var signedIn = await first.SignInAsync(first.Admin.UserName, WijkaanpakServer.Password);

        // When the cookie of the first is sent to the second
        using var stolen = ApiClient.CopyOf(signedIn, second.BaseAddress);
        using var me = await stolen.GetAsync("api/v1/auth/me");
        using var create = await stolen.PostAsync("api/v1/accounts", new { userName = "intruder", displayName = "Intruder", partyId = second.Admin.PartyId, role = "admin", password = WijkaanpakServer.Password });

        // Then the second knows no one and creates nothing
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        create.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await second.Wijkaanpak.FindAccountAsync("intruder", TestContext.Current.CancellationToken)).ShouldBeNull();

        // While a second instance over the first's store accepts it: the keys and sessions are in the store
        await using var sibling = first.CreateApp();
        await sibling.StartAsync(TestContext.Current.CancellationToken);
        using var same = ApiClient.CopyOf(signedIn, new Uri(DashboardAddress(sibling)));
        (await ApiClient.OkJson(same.GetAsync("api/v1/auth/me")))["userName"]!.GetValue<string>().ShouldBe(first.Admin.UserName);
        (await first.Wijkaanpak.LoadProtectionKeysAsync(TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
        await sibling.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Logout_EndsTheSession_AKeptCopyOfTheCookieGets401()
    {
        // Given a signed-in partner and a copy of its cookie
        using var partner = await server.SignedInAsync(server.Zorg, Role.Partner);
        using var copy = ApiClient.CopyOf(partner, server.BaseAddress);
        (await ApiClient.OkJson(copy.GetAsync("api/v1/auth/me"))).ShouldNotBeNull();

        // When the partner signs out
        using (var logout = await partner.PostAsync("api/v1/auth/logout", null))
        {
            logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        // Then the copy is refused, reading and writing
        using var me = await copy.GetAsync("api/v1/auth/me");
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var party = await copy.PostAsync("api/v1/wijkaanpak/parties", new { name = "Na afmelden", type = "welzijn" });
        party.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ANewPassword_OrDisabling_EndsEveryOldSession_AndEnablingDoesNotReviveThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await server.AccountAsync(server.Corporatie, Role.Partner);
        using var laptop = await server.SignInAsync(account.UserName, WijkaanpakServer.Password);
        using var phone = await server.SignInAsync(account.UserName, WijkaanpakServer.Password);
        using var admin = await server.SignedInAsync(server.Gemeente, Role.Admin);

        // When an admin resets the password (through the API)
        var version = $"\"{account.Version}\"";
        await ApiClient.OkJson(admin.PutAsync($"api/v1/accounts/{account.Id}", new { displayName = account.DisplayName, partyId = account.PartyId, role = "partner", password = "a brand new passphrase" }, version));

        // Then both sessions are over
        foreach (var client in new[] { laptop, phone })
        {
            using var me = await client.GetAsync("api/v1/auth/me");
            me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Given a new session, when the account is disabled and enabled again (through the store, as the command line does)
        using var renewed = await server.SignInAsync(account.UserName, "a brand new passphrase");
        var current = (await server.Wijkaanpak.GetAccountAsync(account.Id, ct))!;
        var disabled = (await server.Wijkaanpak.UpdateAccountAsync(current with { Disabled = true }, WijkaanpakSeeds.Seeder, ct)).Value!;
        (await server.Wijkaanpak.UpdateAccountAsync(disabled with { Disabled = false }, WijkaanpakSeeds.Seeder, ct)).Outcome.ShouldBe(WriteOutcome.Written);

        // Then the cookie from before stays dead, and a fresh sign-in works
        using (var revived = await renewed.GetAsync("api/v1/auth/me"))
        {
            revived.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var again = await server.SignInAsync(account.UserName, "a brand new passphrase");
        (await ApiClient.OkJson(again.GetAsync("api/v1/auth/me")))["userName"]!.GetValue<string>().ShouldBe(account.UserName);
    }

    [Fact]
    public async Task ASession_EndsAtItsAbsoluteEnd_HoweverActive()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await server.AccountAsync(server.Zorg, Role.Partner);
        var start = server.Clock.GetUtcNow();
        var hash = SessionCookies.Hash(Guid.NewGuid().ToString("N"));

        await server.Wijkaanpak.StartSessionAsync(account.Id, hash, start + SessionCookies.AbsoluteLifetime, ct);

        (await server.Wijkaanpak.SessionAccountAsync(hash, start + SessionCookies.AbsoluteLifetime - TimeSpan.FromSeconds(1), ct)).ShouldBe(account.Id);
        (await server.Wijkaanpak.SessionAccountAsync(hash, start + SessionCookies.AbsoluteLifetime, ct)).ShouldBeNull();
        (await server.Wijkaanpak.SessionAccountAsync(SessionCookies.Hash("never issued"), start, ct)).ShouldBeNull();
        SessionCookies.AbsoluteLifetime.ShouldBeGreaterThan(SessionCookies.IdleLifetime);
    }

    private static string DashboardAddress(Microsoft.AspNetCore.Builder.WebApplication app) => Leefkracht.Web.DashboardApp.ListeningAddress(app)!.TrimEnd('/') + "/";

    /// <summary>A fresh installation over a store of its own: one party and one admin, made first (id 1).</summary>
    private sealed class OneAdminServer() : TestServer(new TestServerOptions { Sample = "utrecht" })
    {
        public AccountRecord Admin { get; private set; } = null!;

        public IWijkaanpakStore Wijkaanpak => Services.GetRequiredService<IWijkaanpakStore>();

        protected override async Task SeedAsync()
        {
            var party = await Wijkaanpak.CreatePartyAsync("Gemeente", PartyType.Gemeente, WijkaanpakSeeds.Seeder);
            Admin = await WijkaanpakSeeds.AccountAsync(Wijkaanpak, "admin", "Beheer", party.Id, Role.Admin);
        }
    }
}
