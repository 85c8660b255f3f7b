namespace Leefkracht.Web.Monitor;

/// <summary>The printable area report (HTML with a print stylesheet) and its PDF.</summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report/{code}", GetReport).WithName("GetAreaReport").WithTags("Reports").WithSummary("A printable report of an area (HTML, print stylesheet)");
        app.MapGet("/api/v1/areas/{code}/report.pdf", GetReportPdf).WithName("GetAreaReportPdf").WithTags("Reports")
            .WithSummary("The area report as PDF, printed by headless Chromium").RequireRateLimiting(HeavyRequests.PdfPolicy).Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetReport(
        [AsParameters] AreaRequest request, DashboardMonitor dashboard, ProfileBuilder profiles, HistoryBuilder histories, TimeProvider clock, HtmlPages pages)
    {
        var (html, invalid, missing) = await RenderAsync(request, dashboard, profiles, histories, clock, pages);
        return invalid is not null ? invalid : missing is not null ? missing : TypedResults.Content(html, "text/html; charset=utf-8");
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetReportPdf(
        [AsParameters] AreaRequest request, DashboardMonitor dashboard, ProfileBuilder profiles, HistoryBuilder histories, TimeProvider clock, HtmlPages pages, PdfPrinter printer, PdfCache cache, HttpResponse response, CancellationToken cancellationToken)
    {
        if (printer.Chromium is null)
        {
            return Problems.Unavailable(ProblemText.Words["PdfReport"]);
        }

        var (code, year, problem) = await request.CheckAsync(dashboard);
        if (problem is not null)
        {
            return problem;
        }

        var name = $"leefkracht-{code}.pdf";
        var key = await cache.KeyAsync(string.Create(CultureInfo.InvariantCulture, $"area/{code}/{year}"), cancellationToken);
        if (cache.Find(key) is { } kept)
        {
            return TypedResults.File(kept, "application/pdf", name);
        }

        var (html, invalid, missing) = await RenderAsync(request, dashboard, profiles, histories, clock, pages);
        if (invalid is not null)
        {
            return invalid;
        }

        if (missing is not null)
        {
            return missing;
        }

        var (pdf, busy) = await printer.PrintAsync(html!, key, response, cancellationToken);
        return busy is not null ? busy : TypedResults.File(pdf!, "application/pdf", name);
    }

    /// <summary>The report's HTML, or why there is none (a bad parameter, or an unknown area).</summary>
    private static async Task<(string? Html, ValidationProblem? Invalid, ProblemHttpResult? Missing)> RenderAsync(
        AreaRequest request, DashboardMonitor dashboard, ProfileBuilder profiles, HistoryBuilder histories, TimeProvider clock, HtmlPages pages)
    {
        var (code, year, problem) = await request.CheckAsync(dashboard);
        if (problem is not null)
        {
            return (null, problem, null);
        }

        if (await profiles.BuildAsync(code, year) is not { } profile)
        {
            return (null, null, Problems.UnknownArea(code, await dashboard.AreasAsync(), year));
        }

        var history = await histories.BuildAsync(code, year) ?? new AreaHistoryDto(request.Code, null, string.Empty, [], [], []);
        var html = await pages.RenderAsync<AreaReportPage>(new Dictionary<string, object?>
        {
            [nameof(AreaReportPage.Profile)] = profile,
            [nameof(AreaReportPage.History)] = history,
            [nameof(AreaReportPage.Printed)] = clock.GetLocalNow(),
        });
        return (html, null, null);
    }
}
