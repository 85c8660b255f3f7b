using System.Threading.RateLimiting;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// The wijkaanpak's services and security: the store, cookie sign-in, antiforgery, login throttling and the optional
/// OpenID Connect provider (docs/wijkaanpak.md, "Security measures").
/// </summary>
internal static class WijkaanpakSetup
{
    public const string CookieName = "leefkracht.auth";
    public const string CsrfCookieName = "leefkracht.csrf";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    public const string OidcScheme = "oidc";
    public const string LoginIpPolicy = "login-ip";

    /// <summary>Whether a path belongs to the per-account part of the API, which the data-version ETags and the output cache must leave alone.</summary>
    public static bool IsPrivate(PathString path) =>
        path.StartsWithSegments("/api/v1/wijkaanpak") || path.StartsWithSegments("/api/v1/auth") || path.StartsWithSegments("/api/v1/accounts");

    public static void AddWijkaanpak(this WebApplicationBuilder builder, DashboardOptions options)
    {
        var services = builder.Services;
        services.AddSingleton(sp => WijkaanpakStores.Open(options.DatabasePath, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<WijkaanpakSession>();
        services.AddSingleton<ProgrammeViews>();
        var oidc = OidcSettings.Read(builder.Configuration);
        services.AddSingleton(new ProvidersInfo(oidc is not null));

        // Cookies and antiforgery tokens are protected with keys kept in the store: shared by the instances on one
        // database, unknown to any other. The fixed application name lets instances installed in different folders
        // read each other's cookies (the default name is the content root).
        services.AddDataProtection().SetApplicationName("Leefkracht");
        services.AddOptions<KeyManagementOptions>().Configure<IWijkaanpakStore>((o, store) => o.XmlRepository = new StoreKeyRepository(store));

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = SessionCookies.IdleLifetime;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionCookies.ValidateAsync;

                // An API answers 401/403, it does not redirect to a login page.
                o.Events.OnRedirectToLogin = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        if (oidc is not null)
        {
            authentication.AddOpenIdConnect(OidcScheme, o => oidc.Apply(o));
        }

        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = CsrfCookieName;
            o.Cookie.HttpOnly = true;

            // Secure whenever the request is HTTPS. Not "Always": antiforgery refuses to work at all over plain HTTP
            // then, and the demo serves http://127.0.0.1. This cookie is no credential on its own (a forged request
            // also needs the token in the header, which another site cannot read); the session cookie is always Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        var perAddress = LoginsPerMinutePerAddress(builder.Configuration);
        services.AddRateLimiter(o =>
        {
            // Per client address, across user names (LoginThrottle limits per user name and address inside the handler,
            // where the name is known).
            o.AddPolicy(LoginIpPolicy, c => RateLimitPartition.GetFixedWindowLimiter(
                c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (c, _) => LoginThrottle.RejectAsync(c.HttpContext, c.Lease);
        });
    }

    /// <summary>
    /// Login attempts per minute from one client address, across user names: <c>Leefkracht:LoginsPerMinutePerAddress</c>,
    /// 60 unless set (raise it where many people sign in through one address, such as a proxy without forwarded headers).
    /// </summary>
    internal static int LoginsPerMinutePerAddress(IConfiguration configuration)
    {
        var text = configuration["Leefkracht:LoginsPerMinutePerAddress"];
        if (text is null)
        {
            return 60;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InvalidOperationException($"Leefkracht:LoginsPerMinutePerAddress must be a whole number of 1 or more (found '{text}')");
    }

    public static void UseWijkaanpak(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>
    /// Maps the feature's endpoints: sign-in (<c>/api/v1/auth</c>), accounts (<c>/api/v1/accounts</c>) and the
    /// wijkaanpak itself (<c>/api/v1/wijkaanpak</c>), one endpoint class per resource, their routes in
    /// <see cref="WijkaanpakRoutes"/>. Every route but sign-in needs a signed-in account, and every change the
    /// antiforgery header; permissions follow <see cref="WijkaanpakPolicy"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapWijkaanpak(this IEndpointRouteBuilder app)
    {
        app.MapAuthApi();
        app.MapGroup("/api/v1/accounts").WithTags("Accounts").AddEndpointFilter(CheckLanguage).AddEndpointFilter(RequireSignIn).AddEndpointFilter(RequireAntiforgery)
            .MapAccountRoutes();
        app.MapGroup("/api/v1/wijkaanpak").WithTags("Wijkaanpak").AddEndpointFilter(CheckLanguage).AddEndpointFilter(RequireSignIn).AddEndpointFilter(RequireAntiforgery)
            .MapWijkaanpakRoutes();
        return app;
    }

    /// <summary>Answers 400 for a <c>lang</c> other than nl or en, as the monitor's endpoints do.</summary>
    public static async ValueTask<object?> CheckLanguage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new RequestErrors();
        errors.Language(context.HttpContext.Request.Query["lang"].ToString());
        return errors.Any ? errors.ToProblem() : await next(context).ConfigureAwait(false);
    }

    /// <summary>Loads the signed-in account into the session, or answers 401.</summary>
    public static async ValueTask<object?> RequireSignIn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var session = context.HttpContext.RequestServices.GetRequiredService<WijkaanpakSession>();
        return await session.SignedInAsync(context.HttpContext.RequestAborted).ConfigureAwait(false) is null
            ? WijkaanpakSession.Unauthorized()
            : await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Rejects a cookie-authenticated state-changing request without a valid antiforgery token (403, type …/csrf).
    /// Safe methods pass; so do requests that are not signed in (they get 401 from authorization).
    /// </summary>
    public static async ValueTask<object?> RequireAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && http.User.Identity?.IsAuthenticated == true)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return TypedResults.Problem(
                    detail: $"a signed-in change needs the antiforgery token in the {CsrfHeader} header (GET /api/v1/auth/antiforgery)",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "CSRF token missing or invalid",
                    type: "https://leefkracht.example/problems/csrf");
            }
        }

        return await next(context).ConfigureAwait(false);
    }
}

/// <summary>Which sign-in methods are configured.</summary>
internal sealed record ProvidersInfo(bool Oidc);

/// <summary>
/// The <c>Leefkracht:Oidc</c> settings. Absent: OpenID Connect is off. Present: Authority (https) and ClientId are
/// required, checked at start-up, and the user is mapped to the existing account named by <see cref="UserNameClaim"/>.
/// </summary>
internal sealed record OidcSettings(Uri Authority, string ClientId, string? ClientSecret, string CallbackPath, string UserNameClaim)
{
    public static OidcSettings? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Leefkracht:Oidc");
        if (!section.GetChildren().Any())
        {
            return null;
        }

        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(authority) || !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Leefkracht:Oidc:Authority must be the identity provider's https URL (found '{authority}')");
        }

        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException("Leefkracht:Oidc:ClientId is required when Leefkracht:Oidc is configured");
        }

        return new OidcSettings(uri, clientId, section["ClientSecret"], section["CallbackPath"] ?? "/signin-oidc", section["UserNameClaim"] ?? "preferred_username");
    }

    public void Apply(OpenIdConnectOptions options)
    {
        options.Authority = Authority.ToString();
        options.ClientId = ClientId;
        options.ClientSecret = ClientSecret;
        options.CallbackPath = CallbackPath;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
        {
            options.Scope.Add(scope);
        }

        options.MapInboundClaims = false;
        var claim = UserNameClaim;
        options.Events.OnTokenValidated = async context =>
        {
            // Party and role come from Leefkracht's account, never from the provider: the claim only names the account.
            var name = context.Principal?.FindFirst(claim)?.Value;
            var store = context.HttpContext.RequestServices.GetRequiredService<IWijkaanpakStore>();
            var account = name is null ? null : await store.FindAccountAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false);
            if (account is null || account.Disabled)
            {
                context.Fail("no enabled Leefkracht account for this sign-in");
                return;
            }

            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Principal = await SessionCookies.StartAsync(store, clock, account, context.HttpContext.RequestAborted).ConfigureAwait(false);
        };
    }
}
