using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Rate limits on the anonymous endpoints that cost a core for a while (docs/security.md, "Limits"): the planner's
/// runs, the exports and the spatial statistics (<see cref="Policy"/>), and the PDF reports, which start a browser
/// (<see cref="PdfPolicy"/>). ASP.NET Core's rate limiter, a fixed window of a minute per client address (the
/// forwarded one behind a known proxy); beyond it the answer is 429 with Retry-After and problem details in the
/// request's language. The limits are settings, so that a test server or an installation behind one address (an
/// office's NAT) can raise them.
/// </summary>
internal static class HeavyRequests
{
    /// <summary>The policy of the planner, exports and spatial statistics.</summary>
    public const string Policy = "heavy";

    /// <summary>The policy of the PDF reports.</summary>
    public const string PdfPolicy = "pdf";

    /// <summary>The setting of <see cref="Policy"/>'s requests per minute per address.</summary>
    public const string PerMinuteSetting = "Leefkracht:RateLimits:HeavyPerMinute";

    /// <summary>The setting of <see cref="PdfPolicy"/>'s requests per minute per address.</summary>
    public const string PdfPerMinuteSetting = "Leefkracht:RateLimits:PdfPerMinute";

    public static IServiceCollection AddHeavyRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new Dictionary<string, int>
        {
            [Policy] = PerMinute(configuration, PerMinuteSetting, 120),
            [PdfPolicy] = PerMinute(configuration, PdfPerMinuteSetting, 10),
        };
        return services.AddRateLimiter(o =>
        {
            foreach (var (policy, limit) in limits)
            {
                o.AddPolicy(policy, c => RateLimitPartition.GetFixedWindowLimiter(
                    c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }

            // The login's own policy answers its own way (another configuration of the same options sets it).
            var other = o.OnRejected;
            o.OnRejected = (c, cancellationToken) =>
                c.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } name && limits.TryGetValue(name, out var limit)
                    ? RejectAsync(c.HttpContext, c.Lease, limit)
                    : other?.Invoke(c, cancellationToken) ?? ValueTask.CompletedTask;
        });
    }

    /// <summary>Puts an endpoint or group under <see cref="Policy"/>.</summary>
    public static TBuilder RequireHeavyLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(Policy);

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, int limit)
    {
        var retryAfter = (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)).TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            detail: UiText.Words.Format("RateLimited.Detail", limit, retryAfter),
            statusCode: StatusCodes.Status429TooManyRequests,
            title: UiText.Words["RateLimited.Title"],
            type: "https://tools.ietf.org/html/rfc6585#section-4").ExecuteAsync(context).ConfigureAwait(false);
    }

    private static int PerMinute(IConfiguration configuration, string setting, int fallback)
    {
        var text = configuration[setting];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InvalidOperationException($"{setting} must be a whole number of 1 or more (found '{text}')");
    }
}
