using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Sign-in: <c>/api/v1/auth/…</c> (docs/wijkaanpak.md).</summary>
public static class AuthApi
{
    internal static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth").AddEndpointFilter(WijkaanpakSetup.CheckLanguage);
        auth.MapPost("/login", Login).WithName("Login").WithSummary("Sign in with a local account; sets the session cookie and returns an antiforgery token")
            .RequireRateLimiting(WijkaanpakSetup.LoginIpPolicy).Produces<LoginAnswer>();
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("Sign out").AddEndpointFilter(WijkaanpakSetup.RequireAntiforgery);
        auth.MapGet("/me", Me).WithName("Me").WithSummary("The signed-in account").Produces<MeDto>();
        auth.MapGet("/antiforgery", Antiforgery).WithName("Antiforgery").WithSummary("An antiforgery token for the X-CSRF-TOKEN header").Produces<AntiforgeryDto>();
        auth.MapGet("/providers", (ProvidersInfo info) => TypedResults.Ok(new ProvidersDto(true, info.Oidc))).WithName("AuthProviders").WithSummary("The sign-in methods configured");
        auth.MapGet("/oidc/login", OidcLogin).WithName("OidcLogin").WithSummary("Sign in through the configured OpenID Connect provider");
        return app;
    }

    internal static async Task<IResult> Login(
        LoginRequest request, HttpContext http, IWijkaanpakStore store, LoginThrottle throttle, TimeProvider clock, IAntiforgery antiforgery, ILoggerFactory loggers)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["required"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["required"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var lease = throttle.Acquire(request.UserName!, http);
        if (!lease.IsAcquired)
        {
            await LoginThrottle.RejectAsync(http, lease);
            return TypedResults.Empty;
        }

        var cancellationToken = http.RequestAborted;
        var account = await store.FindAccountAsync(request.UserName!, cancellationToken);
        var matches = Passwords.Verify(request.Password!, account?.PasswordHash); // the same work when there is no account
        var now = clock.GetUtcNow();
        var locked = account?.LockedUntil is { } until && until > now;
        var log = loggers.CreateLogger("Leefkracht.Web.Auth");
        if (account is null || account.Disabled || locked || !matches)
        {
            if (account is not null && !locked && !matches)
            {
                var lockedNow = await store.RecordLoginFailureAsync(account.Id, LoginThrottle.LockAfter, now + LoginThrottle.LockFor, cancellationToken);
                if (lockedNow is not null && log.IsEnabled(LogLevel.Warning))
                {
                    log.LogWarning("Account {Account} locked until {Until} after {Failures} failed logins", account.Id, lockedNow, LoginThrottle.LockAfter);
                }
            }

            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("Failed login for user name {UserName}", request.UserName);
            }

            return TypedResults.Problem(
                detail: UiText.Words["Auth.LoginFailed"], // the one answer to every failed login, so that names cannot be probed
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Login failed",
                type: "https://tools.ietf.org/html/rfc9110#section-15.5.2");
        }

        await store.RecordLoginSuccessAsync(account.Id, cancellationToken);
        var principal = await SessionCookies.StartAsync(store, clock, account, cancellationToken);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });

        // The antiforgery token is bound to the user: issue it for the account just signed in.
        http.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(http);
        var parties = (await store.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id);
        return TypedResults.Ok(new LoginAnswer(WijkaanpakDtos.MeDto(account, parties), new AntiforgeryDto(tokens.RequestToken!, WijkaanpakSetup.CsrfHeader)));
    }

    internal static async Task<IResult> Logout(HttpContext http, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await SessionCookies.EndAsync(http); // the cookie is dead even where the browser keeps a copy
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> Me(WijkaanpakSession session, CancellationToken cancellationToken)
    {
        var account = await session.SignedInAsync(cancellationToken);
        return account is null ? WijkaanpakSession.Unauthorized() : TypedResults.Ok(WijkaanpakDtos.MeDto(account, await session.PartiesAsync(cancellationToken)));
    }

    internal static IResult Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AntiforgeryDto(tokens.RequestToken!, WijkaanpakSetup.CsrfHeader));
    }

    internal static IResult OidcLogin(ProvidersInfo providers, string? returnUrl = null) =>
        !providers.Oidc
            ? WijkaanpakSession.NotFound("OpenID Connect provider (not configured)")
            : TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = returnUrl is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/" },
                [WijkaanpakSetup.OidcScheme]);
}
