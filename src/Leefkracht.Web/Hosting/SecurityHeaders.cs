using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The security headers of every answer (docs/security.md, "Headers"): a Content-Security-Policy that allows only the
/// app's own scripts (the dashboard has no inline script; the API reference's inline script carries a per-request
/// nonce), no framing, no MIME sniffing, no referrer beyond the origin; HSTS over HTTPS.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The policy without the nonce. Styles may be inline: the report pages carry their print stylesheet, and Leaflet
    /// and the API reference set styles at run time; a style cannot run code. Images may be data: and blob: URLs
    /// (map markers, chart downloads).
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Behind a reverse proxy that terminates TLS: trusts <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the
    /// addresses in <c>Leefkracht:KnownProxies</c> (comma-separated), so that the client's address (login throttling)
    /// and the scheme (HSTS, the antiforgery cookie's Secure flag) are the browser's. Without the setting no forwarded
    /// header is trusted.
    /// </summary>
    public static IApplicationBuilder UseForwardedHeadersOfKnownProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration["Leefkracht:KnownProxies"] is not { Length: > 0 } setting)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear(); // the default trusts all of loopback: only the proxies named count
        foreach (var proxy in setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Leefkracht:KnownProxies must list IP addresses separated by commas; '{proxy}' is none"));
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>The policy with the base map's tile host allowed as a source of images, and of nothing else.</summary>
    public static string PolicyFor(BaseMap baseMap)
    {
        ArgumentNullException.ThrowIfNull(baseMap);
        return baseMap.Origin is { } origin ? Policy.Replace("img-src 'self'", $"img-src 'self' {origin}", StringComparison.Ordinal) : Policy;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, BaseMap baseMap)
    {
        var policy = PolicyFor(baseMap);
        return app.Use((context, next) =>
        {
            // Set when the answer starts, so that they are on every answer: the exception handler clears the headers of a
            // failed request before it writes its problem details.
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                var nonce = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) && value is string n ? $" 'nonce-{n}'" : string.Empty;
                headers.ContentSecurityPolicy = nonce.Length == 0 ? policy : policy.Replace("script-src 'self'", "script-src 'self'" + nonce, StringComparison.Ordinal);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
