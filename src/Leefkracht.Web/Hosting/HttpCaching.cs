using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The HTTP layer's caching, in one place: the data-version ETags (<see cref="DataVersionETags"/>) and the output
/// cache, both keyed by the <see cref="DataVersion"/> (plus the program's build). Every public answer is a function of
/// the request and the data, and the data change only through imports, so a client that sends the ETag back gets 304
/// Not Modified without anything being computed, and the output cache serves a repeated request without running its
/// handler. The per-account wijkaanpak routes are left out of both (<see cref="Wijkaanpak.WijkaanpakSetup.IsPrivate"/>).
/// </summary>
internal static class HttpCaching
{
    /// <summary>Where the middleware leaves the request's data version, for the output cache to vary by.</summary>
    public const string ItemKey = "leefkracht.data-version";

    private static readonly string Build = typeof(HttpCaching).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary>The program's build id (part of every ETag), for the API's health answer.</summary>
    public static string BuildId => Build;

    /// <summary>
    /// The output cache: public API answers (not the per-account wijkaanpak routes, not PDFs), kept an hour at most and
    /// varied by the data version, so an import makes every earlier entry unreachable.
    /// </summary>
    public static IServiceCollection AddHttpCaching(this IServiceCollection services)
    {
        return services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.MaximumBodySize = 64L * 1024 * 1024;
            o.AddBasePolicy(policy => policy
                .With(c => c.HttpContext.Request.Path.StartsWithSegments("/api/v1") && !Wijkaanpak.WijkaanpakSetup.IsPrivate(c.HttpContext.Request.Path)
                    && !c.HttpContext.Request.Path.Value!.EndsWith(".pdf", StringComparison.Ordinal))
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByHeader("Accept-Encoding")
                .VaryByValue(c => new KeyValuePair<string, string>("data", c.Items[ItemKey] as string ?? string.Empty))
                // The language may come from a cookie or Accept-Language, not only from ?lang= in the key.
                .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name)));
        });
    }

    /// <summary>Answers conditional GETs of the API and the reports from the data version (before routing: a 304 runs nothing).</summary>
    public static IApplicationBuilder UseDataVersionETags(this IApplicationBuilder app) => app.UseMiddleware<DataVersionETags>();

    /// <summary>The output cache, with answers to aborted requests kept out of it (see <see cref="AbortedAnswersUncached"/>).</summary>
    public static IApplicationBuilder UseHttpOutputCache(this IApplicationBuilder app) =>
        app.UseOutputCache().UseMiddleware<AbortedAnswersUncached>();
}

/// <summary>
/// Keeps the answer to an aborted request out of the output cache. Response compression runs inside the output cache,
/// and when a client goes away halfway through an answer (the dashboard abandons a page's requests when the user moves
/// on) the compressing stream stops early while the cache still stores what it got: every later client was then served
/// a truncated body, which the browser reported as invalid JSON (dotnet/aspnetcore#66877). Sits between the output
/// cache and the compression.
/// </summary>
internal sealed class AbortedAnswersUncached(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (context.RequestAborted.IsCancellationRequested && context.Features.Get<IOutputCacheFeature>() is { } cache)
            {
                cache.Context.AllowCacheStorage = false;
            }
        }
    }
}

/// <summary>
/// ETags for the API and reports: the validator is the data version plus the program's build (see <see cref="HttpCaching"/>).
/// </summary>
internal sealed class DataVersionETags(RequestDelegate next, DataVersion version)
{
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
        context.Items[HttpCaching.ItemKey] = token;
        if (Monitor.MapApi.IsGeometry(path))
        {
            // A layer's boundaries change with the boundaries only, not with every import: they carry their own strong
            // ETag of that version and are immutable under a versioned URL (MapApi.GetGeometry).
            await next(context).ConfigureAwait(false);
            return;
        }

        // The same URL answers in the language of the request (query, cookie or Accept-Language, chosen by request
        // localization before this runs), so the language is part of the validator: a 304 never serves the other one.
        var language = CultureInfo.CurrentUICulture.Name;
        var etag = new EntityTagHeaderValue($"\"{token}.{HttpCaching.BuildId}.{language}\"", isWeak: true);
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
                context.Response.Headers.Append("Vary", "Accept-Language, Cookie");
            }

            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    }
}
