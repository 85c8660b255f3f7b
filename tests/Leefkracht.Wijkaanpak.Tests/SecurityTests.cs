using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leefkracht.Wijkaanpak.Tests;

// Both classes move the shared server's clock (a lock expiring, a deadline passing): run one after the other, or
// one's advance can land inside the other's window (a 90-minute jump once ended a 15-minute login lock early).
[Collection(ClockMovingTests.Name)]
public sealed class SecurityTests(WijkaanpakServer server)
{
    [Fact]
    public async Task Login_SetsASecureHttpOnlyStrictCookie_AndMeNamesTheAccount()
    {
        var account = await server.AccountAsync(server.Zorg, Role.Partner);
        using var client = new ApiClient(server.BaseAddress);

        using var login = await client.LoginAsync(account.UserName.ToUpperInvariant(), WijkaanpakServer.Password);

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = client.SetCookieHeaders.Single(h => h.StartsWith("leefkracht.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("; secure");
        session.ShouldContain("; httponly");
        session.ShouldContain("; samesite=strict");
        var me = await ApiClient.OkJson(client.GetAsync("api/v1/auth/me"));
        me["userName"]!.GetValue<string>().ShouldBe(account.UserName);
        me["party"]!["type"]!.GetValue<string>().ShouldBe("zorg");
        me["role"]!.GetValue<string>().ShouldBe("partner");
    }

    [Fact]
    public async Task CookieAuthenticatedPost_WithoutTheAntiforgeryToken_IsRejected()
    {
        using var coordinator = await server.SignedInAsync(server.Gemeente, Role.Coordinator);
        var party = new { name = "Welzijn " + Guid.NewGuid().ToString("N")[..6], type = "welzijn" };

        using var without = await coordinator.PostAsync("api/v1/wijkaanpak/parties", party, csrf: false);
        var token = coordinator.CsrfToken;
        coordinator.CsrfToken = "forged" + token;
        using var forged = await coordinator.PostAsync("api/v1/wijkaanpak/parties", party);
        coordinator.CsrfToken = token;
        using var with = await coordinator.PostAsync("api/v1/wijkaanpak/parties", party);

        without.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ApiClient.Json(without))["type"]!.GetValue<string>().ShouldEndWith("/csrf");
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        with.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await server.Wijkaanpak.ListPartiesAsync(TestContext.Current.CancellationToken)).Count(p => p.Name == party.name).ShouldBe(1);
    }

    [Fact]
    public async Task Login_AllFailuresGetTheSameAnswer()
    {
        var account = await server.AccountAsync(server.Zorg, Role.Partner);
        await server.Wijkaanpak.UpdateAccountAsync(account with { Disabled = true }, new AuditActor(null, "tests"), TestContext.Current.CancellationToken);
        using var client = new ApiClient(server.BaseAddress);

        using var unknown = await client.LoginAsync("nobody-" + Guid.NewGuid().ToString("N"), WijkaanpakServer.Password);
        using var disabled = await client.LoginAsync(account.UserName, WijkaanpakServer.Password);
        var other = await server.AccountAsync(server.Zorg, Role.Partner);
        using var wrong = await client.LoginAsync(other.UserName, "wrong password!!");

        foreach (var response in new[] { unknown, disabled, wrong })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await ApiClient.Json(response))["detail"]!.GetValue<string>().ShouldBe("Onbekende gebruikersnaam of wachtwoord.");
        }
    }

    [Fact]
    public async Task Login_LocksTheAccountAfterFiveFailures_UntilTheLockExpires()
    {
        // Given five wrong passwords in a row
        var account = await server.AccountAsync(server.Zorg, Role.Partner);
        using var client = new ApiClient(server.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.LoginAsync(account.UserName, "not the password " + i);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Then even the right password is refused (with the same answer) while locked
        using var locked = await client.LoginAsync(account.UserName, WijkaanpakServer.Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await server.Wijkaanpak.GetAccountAsync(account.Id, TestContext.Current.CancellationToken))!.LockedUntil.ShouldNotBeNull();

        // and accepted once the lock (15 minutes, by the injected clock) has passed
        server.Clock.Advance(TimeSpan.FromMinutes(16));
        using var after = await client.LoginAsync(account.UserName, WijkaanpakServer.Password);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_IsRateLimitedPerAccountAndAddress()
    {
        var name = "guess-" + Guid.NewGuid().ToString("N");
        using var client = new ApiClient(server.BaseAddress);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.LoginAsync(name, "guess " + i);
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        codes.Take(10).ShouldAllBe(c => c == HttpStatusCode.Unauthorized);
        codes.Skip(10).ShouldAllBe(c => c == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Passwords_AreNeverStoredOrLoggedInClear()
    {
        // Given an admin who creates an account with a password, and logins with right and wrong passwords
        const string Secret = "Zeer-geheim-wachtwoord-4711";
        const string WrongSecret = "Fout-geheim-wachtwoord-0815";
        using var admin = await server.SignedInAsync(server.Gemeente, Role.Admin);
        var created = await ApiClient.OkJson(admin.PostAsync("api/v1/accounts", new { userName = "pw-" + Guid.NewGuid().ToString("N"), displayName = "Piet", partyId = server.Corporatie.Id, role = "partner", password = Secret }));
        using var client = new ApiClient(server.BaseAddress);
        (await client.LoginAsync(created["userName"]!.GetValue<string>(), Secret)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.LoginAsync(created["userName"]!.GetValue<string>(), WrongSecret)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Then no row of any table and no log message holds either password, and the stored hash is PBKDF2
        var database = server.Store.Snapshot();
        database.ShouldNotContain(Secret);
        database.ShouldNotContain(WrongSecret);
        server.Logs.ShouldNotBeEmpty();
        server.Logs.ShouldNotContain(l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains(WrongSecret, StringComparison.Ordinal));
        var stored = await server.Wijkaanpak.GetAccountAsync(Scenario.Id(created), TestContext.Current.CancellationToken);
        stored!.PasswordHash.ShouldNotBeNull().ShouldStartWith("pbkdf2-sha512$210000$");
        created.ToJsonString().ShouldNotContain("pbkdf2");
    }

    [Fact]
    public async Task Oidc_IsOffUnlessConfigured_AndItsSettingsAreHonouredAndChecked()
    {
        using var client = new ApiClient(server.BaseAddress);
        (await ApiClient.OkJson(client.GetAsync("api/v1/auth/providers")))["oidc"]!.GetValue<bool>().ShouldBeFalse();
        using var notConfigured = await client.GetAsync("api/v1/auth/oidc/login");
        notConfigured.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var configured = server.CreateApp("--Leefkracht:Oidc:Authority=https://login.example.org/realms/utrecht", "--Leefkracht:Oidc:ClientId=leefkracht", "--Leefkracht:Oidc:UserNameClaim=email"))
        {
            var options = configured.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get("oidc");
            options.Authority.ShouldBe("https://login.example.org/realms/utrecht");
            options.ClientId.ShouldBe("leefkracht");
            options.UsePkce.ShouldBeTrue();
            options.ResponseType.ShouldBe("code");
        }

        Should.Throw<InvalidOperationException>(() => server.CreateApp("--Leefkracht:Oidc:Authority=http://insecure.example.org", "--Leefkracht:Oidc:ClientId=x"))
            .Message.ShouldContain("Leefkracht:Oidc:Authority");
        Should.Throw<InvalidOperationException>(() => server.CreateApp("--Leefkracht:Oidc:Authority=https://login.example.org"))
            .Message.ShouldContain("Leefkracht:Oidc:ClientId");
    }
}
