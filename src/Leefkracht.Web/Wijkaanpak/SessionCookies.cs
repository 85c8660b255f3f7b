using System.Security.Claims;
using System.Security.Cryptography;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// Server-side sessions behind the sign-in cookie. The cookie carries the account id and a random session token; the
/// store keeps the token's SHA-256 with the session's absolute end (<c>wk_sessions</c>). Every request with the cookie
/// looks the session up, so a session ended in the store (logout, a new password, a disabled account) is refused from
/// the next request on, on every instance, and a cookie of another database is refused because that database never
/// saw its token (docs/security.md).
/// </summary>
internal static class SessionCookies
{
    /// <summary>The claim that carries the session token.</summary>
    public const string TokenClaim = "leefkracht:session";

    /// <summary>How long a session may be idle before its cookie expires (the cookie slides while it is used).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    /// <summary>How long a session lives at most, however active: a stolen cookie is not usable for ever.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Starts a session for <paramref name="account"/> in the store and returns the principal to sign in with.</summary>
    public static async Task<ClaimsPrincipal> StartAsync(IWijkaanpakStore store, TimeProvider clock, AccountRecord account, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await store.StartSessionAsync(account.Id, Hash(token), clock.GetUtcNow() + AbsoluteLifetime, cancellationToken).ConfigureAwait(false);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(TokenClaim, token),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>
    /// The cookie handler's check of every request: the session must be live in the store and belong to the account
    /// the cookie names; otherwise the request is anonymous (401 where a sign-in is needed) and the cookie is removed.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var principal = context.Principal;
        var token = principal?.FindFirstValue(TokenClaim);
        var account = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (token is not null && account is not null)
        {
            var store = http.RequestServices.GetRequiredService<IWijkaanpakStore>();
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            var owner = await store.SessionAccountAsync(Hash(token), clock.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
            if (owner is { } id && id.ToString(CultureInfo.InvariantCulture) == account)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }

    /// <summary>Ends the session of the request's cookie in the store (logout), if it has one.</summary>
    public static async Task EndAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(TokenClaim) is { } token)
        {
            await http.RequestServices.GetRequiredService<IWijkaanpakStore>().EndSessionAsync(Hash(token), http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>What the store keeps of a token: its SHA-256 in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
