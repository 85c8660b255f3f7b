using System.IO.Compression;
using Leefkracht.Data.Storage;
using Leefkracht.Web.Monitor;
using Leefkracht.Web.Planner;
using Leefkracht.Web.Wijkaanpak;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace Leefkracht.Web;

/// <summary>Builds the dashboard application: services, middleware and endpoints (Program.cs stays a few lines).</summary>
public static class DashboardApp
{
    /// <summary>Creates the app over the database in <paramref name="options"/>; <paramref name="args"/> may set <c>--urls</c>.</summary>
    public static WebApplication Create(DashboardOptions options, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        builder.AddDashboardServices(options);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseDashboard(options);
        return app;
    }

    /// <summary>
    /// Serves the app at <paramref name="urls"/> until <paramref name="cancellationToken"/> (Ctrl+C) stops it;
    /// <paramref name="listening"/> gets the address it listens on (port 0 resolved). The command line's
    /// <c>serve</c> and <c>demo</c> run the dashboard through here, so that they need no ASP.NET Core types.
    /// </summary>
    public static async Task ServeAsync(DashboardOptions options, string urls, Action<string> listening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listening);
        await using var app = Create(options, ["--urls", urls]);
        StartupTimings.Mark("app built");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        StartupTimings.Mark("app started");
        listening(app.ListeningAddress() ?? urls);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The first address a started app listens on (with a port 0 resolved to the port it got), if any.</summary>
    public static string? ListeningAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
    }

    /// <summary>The database path: <c>Leefkracht:Database</c>, else <c>LEEFKRACHT_DB</c>, else the user's data folder (as the CLI).</summary>
    public static string DefaultDatabasePath(IConfiguration configuration) =>
        configuration["Leefkracht:Database"] ?? Environment.GetEnvironmentVariable("LEEFKRACHT_DB") ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "leefkracht", "leefkracht.db");

    public static void AddDashboardServices(this WebApplicationBuilder builder, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(BaseMap.From(builder.Configuration));
        services.AddSingleton(TimeProvider.System);
        // One store for all requests: SQLite's single connection lets them take turns, PostgreSQL pools connections.
        services.AddSingleton(sp => MonitorStores.OpenShared(options.DatabasePath, sp.GetRequiredService<TimeProvider>(), WijkaanpakSchema.Database));
        services.AddSingleton(sp => new DataVersion(sp.GetRequiredService<IMonitorStore>(), StoreLocation.Parse(options.DatabasePath), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DashboardMonitor>();
        services.AddSingleton<ProfileBuilder>();
        services.AddSingleton<HistoryBuilder>();
        services.AddSingleton<ScoreLists>();
        services.AddSingleton<MapGeometryLoader>();
        services.AddSingleton<SpatialStatistics>();
        services.AddSingleton<MapLayers>();
        services.AddSingleton<PdfCache>();
        services.AddSingleton<PdfPrinter>();
        services.AddSingleton<HtmlPages>();
        services.AddSingleton<PlannerRunner>();
        services.AddHostedService<CacheWarmer>();
        services.AddHttpContextAccessor();
        builder.AddWijkaanpak(options);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // An unknown path under /api, or a known one asked with a method it does not take, says where the API is
            // described (405 and 415 come from routing, so a wrong method is no 404).
            if (c.ProblemDetails.Status is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed
                && c.ProblemDetails.Detail is null && c.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                // Written after the request localization's scope has ended.
                c.HttpContext.TakeTheReadersLanguageAgain();

                var notFound = c.ProblemDetails.Status == StatusCodes.Status404NotFound;
                c.ProblemDetails.Title = ProblemText.Words[notFound ? "Title.NotFound" : "Title.MethodNotAllowed"];
                c.ProblemDetails.Detail = notFound
                    ? ProblemText.Words.Format("Api.NoEndpoint", c.HttpContext.Request.Path)
                    : ProblemText.Words.Format("Api.WrongMethod", c.HttpContext.Request.Path, c.HttpContext.Request.Method);
            }
        });
        services.AddExceptionHandler<BadRequests>();
        services.AddExceptionHandler<ServerFailures>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A key given twice in a request body is refused rather than silently taking the last value; a body nested deeper
        // than BadRequests.MaxDepth is refused before it is bound.
        var maxDepth = BadRequests.MaxDepth(builder.Configuration);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.MaxDepth = maxDepth;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Leefkracht API";
            document.Info.Description = "Livability, resilience, trends, early warning, spatial statistics, map layers and what-if planning of Dutch neighbourhoods. The index describes neighbourhoods statistically; it does not prove causes.";
            return Task.CompletedTask;
        }));
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/geo+json", "application/problem+json", "image/svg+xml"];
        });
        // Brotli's fastest level compresses a national buurt layer in milliseconds; the output cache keeps the result.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddHttpCaching();
        services.AddHeavyRequestLimits(builder.Configuration);
    }

    public static void UseDashboard(this WebApplication app, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        app.UseForwardedHeadersOfKnownProxies(app.Configuration);
        app.UseSecurityHeaders(app.Services.GetRequiredService<BaseMap>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLocalizedRequests();
        app.UseDataVersionETags();
        app.UseRouting();
        app.UseWijkaanpak();
        app.UseHttpOutputCache();
        app.UseResponseCompression();
        if (Directory.Exists(options.AssetsFolder))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(options.AssetsFolder));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = c =>
                {
                    // Bundled assets carry a content hash in their names and never change; index.html is revalidated.
                    c.Context.Response.Headers.CacheControl = c.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
                },
            });
        }

        app.MapOpenApi();
        // Scalar's inline script runs by a per-request nonce (SecurityHeaders); its web fonts would come from another
        // origin, which the policy (and a server without internet) refuses, so it uses the system's.
        app.MapScalarApiReference("/api", o => o.WithTitle("Leefkracht API").WithOpenApiRoutePattern("/openapi/{documentName}.json").WithNonce().DisableDefaultFonts());
        app.MapGet("/healthz", Health).WithName("Health").WithTags("Health").WithSummary("Liveness: the database answers");
        app.MapMetaApi();
        app.MapAreasApi();
        app.MapScoresApi();
        app.MapKwetsbareWijkenApi();
        app.MapMapApi();
        app.MapSpatialApi();
        app.MapExportsApi();
        app.MapReportApi();
        app.MapPlannerApi();
        app.MapWijkaanpak();
    }

    private static async Task<IResult> Health(DataVersion version, CancellationToken cancellationToken)
    {
        StartupTimings.Mark("healthz");
        var token = await version.RefreshAsync(cancellationToken);
        return TypedResults.Ok(new { status = "ok", data = token, build = HttpCaching.BuildId });
    }
}
