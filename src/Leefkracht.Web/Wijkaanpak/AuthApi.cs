using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Sign-in and accounts: <c>/api/v1/auth/…</c> and <c>/api/v1/accounts</c> (docs/wijkaanpak.md).</summary>
public static class AuthApi
{
    /// <summary>The one answer to every failed login, whatever the reason, so that names cannot be probed.</summary>
    private const string LoginFailedNl = "Onbekende gebruikersnaam of wachtwoord.";
    private const string LoginFailedEn = "Unknown user name or password.";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login).WithName("Login").WithSummary("Sign in with a local account; sets the session cookie and returns an antiforgery token")
            .RequireRateLimiting(WijkaanpakSetup.LoginIpPolicy).Produces<LoginAnswer>();
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("Sign out").AddEndpointFilter(WijkaanpakSetup.RequireAntiforgery);
        auth.MapGet("/me", Me).WithName("Me").WithSummary("The signed-in account").Produces<MeDto>();
        auth.MapGet("/antiforgery", Antiforgery).WithName("Antiforgery").WithSummary("An antiforgery token for the X-CSRF-TOKEN header").Produces<AntiforgeryDto>();
        auth.MapGet("/providers", (ProvidersInfo info) => TypedResults.Ok(new ProvidersDto(true, info.Oidc))).WithName("AuthProviders").WithSummary("The sign-in methods configured");
        auth.MapGet("/oidc/login", OidcLogin).WithName("OidcLogin").WithSummary("Sign in through the configured OpenID Connect provider");

        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts").AddEndpointFilter(SignedIn).AddEndpointFilter(WijkaanpakSetup.RequireAntiforgery);
        accounts.MapGet("/", ListAccounts).WithName("ListAccounts").WithSummary("Every account (admin)").Produces<IReadOnlyList<AccountDto>>();
        accounts.MapPost("/", CreateAccount).WithName("CreateAccount").WithSummary("Create an account (admin)").Produces<AccountDto>(StatusCodes.Status201Created);
        accounts.MapPut("/{id:long}", UpdateAccount).WithName("UpdateAccount").WithSummary("Change an account (admin, If-Match)").Produces<AccountDto>();
        accounts.MapGet("/audit", ListAccountAudit).WithName("ListAccountAudit")
            .WithSummary("The audit trail of accounts and parties, newest first (admin); password hashes are never in it").Produces<IReadOnlyList<AuditEntryDto>>();
        accounts.MapGet("/audit.csv", AccountAuditCsv).WithName("AccountAuditCsv").WithSummary("The same as CSV (admin)").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    /// <summary>Loads the signed-in account into the session, or answers 401.</summary>
    internal static async ValueTask<object?> SignedIn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var session = context.HttpContext.RequestServices.GetRequiredService<WijkaanpakSession>();
        return await session.SignedInAsync(context.HttpContext.RequestAborted).ConfigureAwait(false) is null
            ? WijkaanpakSession.Unauthorized()
            : await next(context).ConfigureAwait(false);
    }

    internal static async Task<IResult> Login(
        LoginRequest request, HttpContext http, IWijkaanpakStore store, LoginThrottle throttle, TimeProvider clock, IAntiforgery antiforgery, ILoggerFactory loggers, string? lang = null)
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
                detail: lang == "en" ? LoginFailedEn : LoginFailedNl,
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Login failed",
                type: "https://tools.ietf.org/html/rfc9110#section-15.5.2");
        }

        await store.RecordLoginSuccessAsync(account.Id, cancellationToken);
        var principal = WijkaanpakSetup.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });

        // The antiforgery token is bound to the user: issue it for the account just signed in.
        http.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(http);
        var parties = (await store.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id);
        return TypedResults.Ok(new LoginAnswer(ToMe(account, parties), new AntiforgeryDto(tokens.RequestToken!, WijkaanpakSetup.CsrfHeader)));
    }

    internal static async Task<IResult> Logout(HttpContext http, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> Me(WijkaanpakSession session, CancellationToken cancellationToken)
    {
        var account = await session.SignedInAsync(cancellationToken);
        return account is null ? WijkaanpakSession.Unauthorized() : TypedResults.Ok(ToMe(account, await session.PartiesAsync(cancellationToken)));
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

    internal static async Task<IResult> ListAccounts(WijkaanpakSession session, CancellationToken cancellationToken)
    {
        if (!WijkaanpakPolicy.CanManageAccounts(session.Actor))
        {
            return WijkaanpakSession.Forbidden("only admins manage accounts");
        }

        var parties = await session.PartiesAsync(cancellationToken);
        return TypedResults.Ok((await session.Store.ListAccountsAsync(cancellationToken)).Select(a => ToDto(a, parties)).ToList());
    }

    internal static async Task<IResult> ListAccountAudit(WijkaanpakSession session, CancellationToken cancellationToken) =>
        WijkaanpakPolicy.CanManageAccounts(session.Actor)
            ? TypedResults.Ok(WijkaanpakApi.AuditDtos(await session.Store.LoadAuditAsync(null, cancellationToken)))
            : WijkaanpakSession.Forbidden("only admins manage accounts");

    internal static async Task<IResult> AccountAuditCsv(WijkaanpakSession session, CancellationToken cancellationToken) =>
        WijkaanpakPolicy.CanManageAccounts(session.Actor)
            ? WijkaanpakApi.AuditCsvFile(await session.Store.LoadAuditAsync(null, cancellationToken), "leefkracht-audit-accounts.csv")
            : WijkaanpakSession.Forbidden("only admins manage accounts");

    internal static async Task<IResult> CreateAccount(CreateAccountRequest request, WijkaanpakSession session, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WijkaanpakPolicy.CanManageAccounts(session.Actor))
        {
            return WijkaanpakSession.Forbidden("only admins manage accounts");
        }

        var parties = await session.PartiesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Trim().Length > 100)
        {
            errors["userName"] = ["required, at most 100 characters"];
        }
        else if (await session.Store.FindAccountAsync(request.UserName, cancellationToken) is not null)
        {
            errors["userName"] = ["an account with this name exists"];
        }

        var role = CheckAccountFields(request.DisplayName, request.PartyId, request.Role, request.Password, parties, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await session.Store.CreateAccountAsync(
            new AccountRecord(0, request.UserName!.Trim(), request.DisplayName!.Trim(), request.PartyId!.Value, role, request.Password is null ? null : Passwords.Hash(request.Password), false, 0, null, 1),
            session.AuditActor,
            cancellationToken);
        WijkaanpakSession.ETag(http, created.Version);
        return TypedResults.Created($"/api/v1/accounts/{created.Id}", ToDto(created, parties));
    }

    internal static async Task<IResult> UpdateAccount(long id, UpdateAccountRequest request, WijkaanpakSession session, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WijkaanpakPolicy.CanManageAccounts(session.Actor))
        {
            return WijkaanpakSession.Forbidden("only admins manage accounts");
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        var existing = await session.Store.GetAccountAsync(id, cancellationToken);
        if (existing is null)
        {
            return WijkaanpakSession.NotFound("account");
        }

        var parties = await session.PartiesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var role = CheckAccountFields(request.DisplayName, request.PartyId, request.Role, request.Password, parties, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var changed = existing with
        {
            DisplayName = request.DisplayName!.Trim(),
            PartyId = request.PartyId!.Value,
            Role = role,
            Disabled = request.Disabled ?? existing.Disabled,
            PasswordHash = request.Password is null ? existing.PasswordHash : Passwords.Hash(request.Password),
            Version = version,
        };
        var result = await session.Store.UpdateAccountAsync(changed, session.AuditActor, cancellationToken);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "account");
        }

        if (request.Password is not null)
        {
            await session.Store.RecordLoginSuccessAsync(id, cancellationToken); // a new password ends a lockout
        }

        WijkaanpakSession.ETag(http, result.Value!.Version);
        return TypedResults.Ok(ToDto(result.Value, parties));
    }

    private static Role CheckAccountFields(string? displayName, long? partyId, string? roleCode, string? password, IReadOnlyDictionary<long, Party> parties, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors["displayName"] = ["required"];
        }

        if (partyId is not { } party || !parties.ContainsKey(party))
        {
            errors["partyId"] = ["required: the id of an existing party"];
        }

        if (!WireCodes.TryParse(roleCode, out Role role))
        {
            errors["role"] = [$"one of {WireCodes.Choices<Role>()}"];
        }

        if (password is not null && password.Length < Passwords.MinimumLength)
        {
            errors["password"] = [$"at least {Passwords.MinimumLength} characters"];
        }

        return role;
    }

    private static MeDto ToMe(AccountRecord a, IReadOnlyDictionary<long, Party> parties) =>
        new(a.Id, a.UserName, a.DisplayName, a.Role.Code(), PartyOf(a.PartyId, parties));

    private static AccountDto ToDto(AccountRecord a, IReadOnlyDictionary<long, Party> parties) =>
        new(a.Id, a.UserName, a.DisplayName, a.Role.Code(), PartyOf(a.PartyId, parties), a.Disabled, a.LockedUntil, a.Version);

    private static PartyDto PartyOf(long id, IReadOnlyDictionary<long, Party> parties) =>
        parties.TryGetValue(id, out var party) ? WijkaanpakSession.ToDto(party) : new PartyDto(id, "?", "?");
}
