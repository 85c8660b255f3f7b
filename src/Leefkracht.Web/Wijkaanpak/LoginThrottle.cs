using System.Threading.RateLimiting;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// At most <see cref="PermitLimit"/> login attempts per minute per (user name, client address): an ASP.NET Core
/// (System.Threading.RateLimiting) partitioned limiter, consulted in the login handler because the user name is in
/// the body. Together with the account lockout (after <see cref="LockAfter"/> failures) this slows password guessing
/// against one account from one place; the per-address policy <see cref="WijkaanpakSetup.LoginIpPolicy"/> covers
/// spraying many names.
/// </summary>
internal sealed class LoginThrottle : IDisposable
{
    public const int PermitLimit = 10;
    public const int LockAfter = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public RateLimitLease Acquire(string userName, HttpContext context) =>
        _limiter.AttemptAcquire(userName.Trim().ToLowerInvariant() + "|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));

    public static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            detail: "too many login attempts; wait a minute",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            type: "https://tools.ietf.org/html/rfc6585#section-4").ExecuteAsync(context).ConfigureAwait(false);
    }

    public void Dispose() => _limiter.Dispose();
}
