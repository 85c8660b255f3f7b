using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// ETags for the API and reports. Every answer is a function of the request and the data, and the data change only
/// through imports, so the validator is the data version (plus the program's build): a client that sends it back
/// gets 304 Not Modified without anything being computed. The version is also what the output cache varies by.
/// </summary>
internal sealed class DataVersionETags(RequestDelegate next, DataVersion version)
{
    public const string ItemKey = "leefkracht.data-version";

    private static readonly string Build = typeof(DataVersionETags).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !(path.StartsWithSegments("/api") || path.StartsWithSegments("/report"))
            || Wijkaanpak.WijkaanpakSetup.IsPrivate(path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var token = await version.RefreshAsync(context.RequestAborted).ConfigureAwait(false);
        context.Items[ItemKey] = token;
        var etag = new EntityTagHeaderValue($"\"{token}.{Build}\"", isWeak: true);
        if (context.Request.Headers.IfNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag.ToString();
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.Headers.ETag = etag.ToString();
                context.Response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The program's build id (part of every ETag), for the API's health answer.</summary>
    public static string BuildId => Build;

    /// <summary>The informational version of the program.</summary>
    public static string ProgramVersion => typeof(DataVersionETags).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
