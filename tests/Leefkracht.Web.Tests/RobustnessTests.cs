using System.Net;
using System.Text.Json;
using Leefkracht.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Leefkracht.Web.Tests;

/// <summary>The app under abuse (issue 18): bounded PDF printing, security headers, 405 and 415 where they belong.</summary>
public sealed class RobustnessTests(DashboardServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SixConcurrentPdfRequests_NeverRunMoreBrowsersThanConfigured_AndTheRestGet503WithRetryAfter()
    {
        // Given an instance that prints one PDF at a time and queues two
        await using var app = server.CreateApp("--Leefkracht:Pdf:MaxConcurrent=1", "--Leefkracht:Pdf:Queue=2", "--Leefkracht:Pdf:WaitSeconds=600");
        await app.StartAsync(Cancel);
        using var client = new HttpClient { BaseAddress = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };

        // When six anonymous clients ask for a report at once
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync("api/v1/areas/BU03440111/report.pdf?year=2024", Cancel)));

        // Then one browser ran at a time, and once: the two that waited got the report it printed; three were told to
        // come back later
        app.Services.GetRequiredService<PdfPrinter>().PeakRunning.ShouldBe(1);
        app.Services.GetRequiredService<PdfPrinter>().Started.ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(3);
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        busy.Count.ShouldBe(3);
        foreach (var answer in busy)
        {
            answer.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(PdfPrinter.RetryAfterSeconds));
            answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString()!.ShouldContain("PDF report(s) are being printed");
        }

        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        await app.StopAsync(Cancel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/v1/meta")]
    [InlineData("api/v1/no-such-thing")]
    [InlineData("report/BU03440111?year=2024")]
    [InlineData("api")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var response = await server.Client.GetAsync(path, Cancel);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS only over HTTPS");
    }

    [Fact]
    public async Task BehindAKnownProxyThatTerminatesTls_AnswersCarryHsts_AndFromAnyOtherAddressNot()
    {
        await using var behind = server.CreateApp("--Leefkracht:KnownProxies=127.0.0.1");
        await using var open = server.CreateApp("--Leefkracht:KnownProxies=192.0.2.1");
        await behind.StartAsync(Cancel);
        await open.StartAsync(Cancel);

        using var proxied = await ForwardedAsync(behind);
        using var spoofed = await ForwardedAsync(open);

        proxied.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
        spoofed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("a forwarded header from an unknown address is not trusted");
        await behind.StopAsync(Cancel);
        await open.StopAsync(Cancel);

        static async Task<HttpResponseMessage> ForwardedAsync(Microsoft.AspNetCore.Builder.WebApplication app)
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/") };
            using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return await client.SendAsync(request, Cancel);
        }
    }

    [Fact]
    public async Task TheApiReference_AllowsItsInlineScriptByANonceOfItsOwn()
    {
        using var first = await server.Client.GetAsync("api", Cancel);
        using var second = await server.Client.GetAsync("api", Cancel);
        var html = await first.Content.ReadAsStringAsync(Cancel);

        var nonce = System.Text.RegularExpressions.Regex.Match(first.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        html.ShouldContain($"nonce=\"{nonce}\"");
        second.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain(nonce);
    }

    [Fact]
    public async Task AWrongMethod_Is405WithAllow_AndAnUnknownPath404_BothProblemDetails()
    {
        using var post = await server.Client.PostAsync("api/v1/meta", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        using var unknown = await server.Client.GetAsync("api/v1/no-such-thing", Cancel);

        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        post.Content.Headers.Allow.ShouldContain("GET");
        JsonDocument.Parse(await post.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString()
            .ShouldBe("/api/v1/meta does not take POST; the API is described at /openapi/v1.json");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString()
            .ShouldBe("no endpoint /api/v1/no-such-thing; the API is described at /openapi/v1.json");
    }

    /// <summary>
    /// A corpus fuzz over the OpenAPI document: every GET with every path and query parameter set to each hostile value,
    /// and every POST and PUT with each malformed body, must answer below 500. The planner's endpoints parse their own
    /// documents and are left to their tests; the PDFs start browsers and have a test of their own; login is left out so
    /// that the fuzz does not spend the login rate limit of the other tests.
    /// </summary>
    [Fact]
    public async Task EveryEndpointOfTheOpenApiDocument_AnswersHostileInputWithoutA500()
    {
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("openapi/v1.json", Cancel));
        string[] values = ["x", "0", "-1", "99999999999999999999", "1e308", "NaN", "%00", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", new('9', 3000), "BU03440111", "GM0344"];
        string[] bodies = ["", "{", "[]", "null", "{}", "\"x\"", "{\"name\":1,\"name\":2}", "{\"id\":1e400}", new string('[', 200) + new string(']', 200), "{\"text\":\"\\u0000\"}"];
        var failures = new List<string>();
        var requests = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => !p.Name.StartsWith("/api/v1/planner", StringComparison.Ordinal) && !p.Name.EndsWith(".pdf", StringComparison.Ordinal) && p.Name != "/api/v1/auth/login"))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).ToList()
                    : [];
                var inputs = operation.Name == "get" ? values.Select(v => (Value: v, Body: (string?)null)) : bodies.Select(b => (Value: "1", Body: (string?)b));
                foreach (var (value, body) in inputs)
                {
                    var url = parameters.Where(p => p.In == "path").Aggregate(path.Name, (u, p) => u.Replace("{" + p.Name + "}", value, StringComparison.Ordinal));
                    var query = string.Join("&", parameters.Where(p => p.In == "query").Select(p => $"{p.Name}={value}"));
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty));
                    if (body is not null)
                    {
                        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                    }

                    using var response = await server.Client.SendAsync(request, Cancel);
                    requests++;
                    if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        failures.Add($"{operation.Name.ToUpperInvariant()} {request.RequestUri} {body} → {(int)response.StatusCode}");
                    }
                }
            }
        }

        requests.ShouldBeGreaterThan(300);
        failures.ShouldBeEmpty();
    }
}
