using System.Net;
using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The heavy anonymous endpoints under repeated use (issue 18): PDFs are printed once per data version, language and
/// report, and the planner, exports, spatial statistics and PDFs are rate-limited per client address.
/// </summary>
public sealed class HeavyRequestTests(DashboardServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReportAskedAgain_IsServedFromTheCacheWithoutABrowser_UntilAnImportOrAnotherLanguage()
    {
        // Given an installation of its own (this test imports into its store)
        await using var installation = new UtrechtServer();
        await installation.InitializeAsync();
        var printer = installation.Services.GetRequiredService<PdfPrinter>();
        const string Report = "api/v1/areas/BU03440111/report.pdf?year=2024";

        // When the same report is asked for twice
        var first = await PdfAsync(installation, Report);
        var second = await PdfAsync(installation, Report);

        // Then one browser printed it, and the second answer is the same document
        printer.Started.ShouldBe(1);
        second.ShouldBe(first);

        // When it is asked for in English, the English report is printed once
        await PdfAsync(installation, Report + "&lang=en");
        await PdfAsync(installation, Report + "&lang=en");
        printer.Started.ShouldBe(2);

        // When a file is imported, the data version changes and the report is printed again
        var before = await DataVersionAsync(installation);
        await using (var store = installation.Store.Open())
        {
            var reports = await new Importer(store, CatalogDocument.Default, TimeProvider.System)
                .ImportAsync([Path.Combine(TestData.RepositoryRoot, "data", "sample", "denhaag", "kwb2019_denhaag_GM0518_84583NED.csv")], new ImportOptions(), cancellationToken: Cancel);
            reports.ShouldAllBe(r => r.Outcome != ImportOutcome.Rejected);
        }

        // (a server store is looked at again every DataVersion.ServerRecheck)
        while (await DataVersionAsync(installation) == before)
        {
            await Task.Delay(DataVersion.ServerRecheck / 4, Cancel);
        }

        await PdfAsync(installation, Report);
        printer.Started.ShouldBe(3);
        printer.PeakRunning.ShouldBe(1);
    }

    [Fact]
    public async Task BeyondTheLimitPerAddress_HeavyRequestsGet429WithRetryAfter_InTheUsersLanguage_WhileOtherAddressesAndEndpointsGoOn()
    {
        // Given an instance behind a known proxy that allows three heavy requests and one PDF a minute per address
        await using var app = server.CreateApp(
            "--Leefkracht:KnownProxies=127.0.0.1", $"--{HeavyRequests.PerMinuteSetting}=3", $"--{HeavyRequests.PdfPerMinuteSetting}=1");
        await app.StartAsync(Cancel);
        using var client = new HttpClient { BaseAddress = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/") };

        // When one address asks for spatial statistics, exports and a planner run four times (with bad parameters: the
        // limit applies before the request is read, so they need not be valid, and they are quick)
        string[] heavy = ["api/v1/spatial/moran?year=x", "api/v1/exports/scores?format=x", "api/v1/spatial/lisa?year=x"];
        var answers = new List<HttpResponseMessage>();
        foreach (var path in heavy)
        {
            answers.Add(await SendAsync(client, HttpMethod.Get, path, "203.0.113.1"));
        }

        using var limited = await SendAsync(client, HttpMethod.Post, "api/v1/planner/run", "203.0.113.1");
        using var limitedInEnglish = await SendAsync(client, HttpMethod.Get, "api/v1/spatial/gistar?lang=en", "203.0.113.1");
        using var otherAddress = await SendAsync(client, HttpMethod.Get, "api/v1/spatial/moran?year=x", "203.0.113.2");
        using var light = await SendAsync(client, HttpMethod.Get, "api/v1/meta", "203.0.113.1");
        using var pdf = await SendAsync(client, HttpMethod.Get, "api/v1/areas/BU03440111/report.pdf?year=x", "203.0.113.3");
        using var secondPdf = await SendAsync(client, HttpMethod.Get, "api/v1/areas/BU03440111/report.pdf?year=x", "203.0.113.3");

        // Then the first three are answered (400: their parameters), the fourth gets 429 with Retry-After and problem
        // details in Dutch, or English when asked; another address and the light endpoints go on; PDFs have their own limit
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.BadRequest);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Cancel)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.GetProperty("title").GetString().ShouldBe("Te veel verzoeken");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("Te veel zware verzoeken vanaf dit adres: ten hoogste 3 per minuut.");
        limitedInEnglish.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        JsonDocument.Parse(await limitedInEnglish.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString()!
            .ShouldStartWith("Too many heavy requests from this address: at most 3 a minute.");
        otherAddress.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        light.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.ServiceUnavailable);
        secondPdf.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        await app.StopAsync(Cancel);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string address)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", address);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, Cancel);
    }

    private static async Task<byte[]> PdfAsync(TestServer installation, string path)
    {
        using var response = await installation.Client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }

    private static async Task<string> DataVersionAsync(TestServer installation) =>
        JsonDocument.Parse(await installation.Client.GetStringAsync("healthz", Cancel)).RootElement.GetProperty("data").GetString()!;

    /// <summary>The Utrecht sample in a store of its own.</summary>
    private sealed class UtrechtServer() : TestServer(new TestServerOptions { Sample = "utrecht" });
}
