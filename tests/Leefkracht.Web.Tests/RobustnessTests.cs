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
            .ShouldBe("/api/v1/meta kan niet met POST worden gevraagd; de API is beschreven op /openapi/v1.json");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString()
            .ShouldBe("de API heeft geen adres /api/v1/no-such-thing; de API is beschreven op /openapi/v1.json");

        // And in English for a reader who asks for it
        using var english = new HttpRequestMessage(HttpMethod.Get, "api/v1/no-such-thing");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var unknownInEnglish = await server.Client.SendAsync(english, Cancel);
        var problem = JsonDocument.Parse(await unknownInEnglish.Content.ReadAsStringAsync(Cancel)).RootElement;
        problem.GetProperty("detail").GetString().ShouldBe("no endpoint /api/v1/no-such-thing; the API is described at /openapi/v1.json");
        problem.GetProperty("title").GetString().ShouldBe("Not found");
    }

    [Fact]
    public async Task ABodyNestedDeeperThanTheLimit_Is400NamingTheLimit_WhetherTypedOrADocument()
    {
        var deep = "{\"unknown\":" + new string('[', 40) + new string(']', 40) + "}";
        var deeper = "{\"name\":" + new string('[', 80) + new string(']', 80) + "}";

        using var typed = await server.Client.PostAsync("api/v1/auth/login", new StringContent(deep, System.Text.Encoding.UTF8, "application/json"), Cancel);
        using var document = await server.Client.PostAsync("api/v1/planner/run", new StringContent(deeper, System.Text.Encoding.UTF8, "application/json"), Cancel);

        typed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await typed.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors").GetRawText().ShouldBe(
            $"{{\"body\":[\"dieper genest dan 32 niveaus, het diepste dat wordt aangenomen (de instelling {BadRequests.MaxDepthSetting} van de server verhoogt dat)\"]}}");
        document.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await document.Content.ReadAsStringAsync(Cancel)).ShouldContain("dieper genest dan 64 niveaus, het diepste document dat wordt aangenomen");
    }

    /// <summary>
    /// A fuzz over the OpenAPI document: every operation of every path. GETs take each hostile value in every path and
    /// query parameter; POSTs and PUTs each malformed body, and the planner's and the login's endpoints besides a
    /// hundred variants of valid bodies (<see cref="JsonMutations"/>: FsCheck, a fixed seed) — the worked examples of
    /// docs/planner/ and the documented optimise and login bodies. No answer may be a 500 (a 503 is a busy or missing
    /// printer); every 4xx is problem details, and a 400 names its field or says what is wrong; a body of another
    /// type than JSON is 415 where the operation takes one, and a method a path does not take 405. The PDFs are in,
    /// with parameters that are never valid, so no browser starts.
    /// </summary>
    [Fact]
    public async Task EveryEndpointOfTheOpenApiDocument_AnswersHostileInputWithoutA500_WithProblemDetails_And415Or405WhereTheyBelong()
    {
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("openapi/v1.json", Cancel));
        string[] values = ["x", "0", "-1", "99999999999999999999", "1e308", "NaN", "%00", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", new('9', 3000), "BU03440111", "GM0344"];
        string[] bodies = ["", "{", "[]", "null", "{}", "\"x\"", "{\"name\":1,\"name\":2}", "{\"id\":1e400}", new string('[', 200) + new string(']', 200), "{\"text\":\"\\u0000\"}"];
        var baseline = Example("baseline.json");
        var mutated = new Dictionary<string, IReadOnlyList<string>>
        {
            ["/api/v1/planner/run"] = [.. JsonMutations.Of(baseline, 25), .. JsonMutations.Of(Example("midrent-weakest.json"), 15)],
            ["/api/v1/planner/compare"] = JsonMutations.Of($"{{\"scenarios\":[{baseline},{Example("midrent-weakest.json")}]}}", 20),
            ["/api/v1/planner/optimise"] = JsonMutations.Of("""{ "gemeente": "Utrecht", "placements": 150, "cap": 0.5, "year": 2023 }""", 20),
            ["/api/v1/auth/login"] = JsonMutations.Of("""{ "userName": "nobody", "password": "not the password" }""", 20),
        };
        var failures = new List<string>();
        var requests = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var operations = path.Value.EnumerateObject().Select(o => o.Name).ToList();
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).ToList()
                    : [];
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var inputs = operation.Name == "get"
                    ? values.Select(v => (Value: v, Body: (string?)null))
                    : bodies.Concat(mutated.GetValueOrDefault(path.Name, [])).Select(b => (Value: "1", Body: (string?)b));
                foreach (var (value, body) in inputs)
                {
                    await CheckAsync(method, Url(path.Name, parameters, value), body, "application/json", expected: null);
                }

                if (operation.Value.TryGetProperty("requestBody", out _))
                {
                    await CheckAsync(method, Url(path.Name, parameters, "1"), "x", "text/plain", expected: HttpStatusCode.UnsupportedMediaType);
                }
            }

            var other = new[] { "patch", "delete", "put", "post" }.First(m => !operations.Contains(m));
            await CheckAsync(new HttpMethod(other.ToUpperInvariant()), Url(path.Name, [], "1"), other is "put" or "post" ? "{}" : null, "application/json", expected: HttpStatusCode.MethodNotAllowed);
        }

        requests.ShouldBeGreaterThan(600);
        failures.ShouldBeEmpty();

        async Task CheckAsync(HttpMethod method, string url, string? body, string contentType, HttpStatusCode? expected)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = new StringContent(body, new System.Net.Http.Headers.MediaTypeHeaderValue(contentType));
            }

            using var response = await server.Client.SendAsync(request, Cancel);
            requests++;
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(Cancel);
            var problem = Problem(response, text);
            var shown = body is null ? string.Empty : " " + (body.Length > 120 ? body[..120] + "…" : body);
            if (expected is { } code && response.StatusCode != code)
            {
                failures.Add($"{method} {url}{shown} → {status}, expected {(int)code}");
            }
            else if (status >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                failures.Add($"{method} {url}{shown} → {status}");
            }
            else if (status >= 400 && status < 500 && problem is null && !RefusedByKestrel(response, url, text))
            {
                failures.Add($"{method} {url}{shown} → {status} without problem details");
            }
            else if (status == 400 && problem is { } p && !NamesWhatIsWrong(p))
            {
                failures.Add($"{method} {url}{shown} → 400 naming no field: {text}");
            }
        }
    }

    private static string Url(string path, IEnumerable<(string Name, string In)> parameters, string value)
    {
        var url = parameters.Where(p => p.In == "path").Aggregate(path, (u, p) => u.Replace("{" + p.Name + "}", value, StringComparison.Ordinal));
        url = System.Text.RegularExpressions.Regex.Replace(url, "{[^}]+}", "1");
        var query = string.Join("&", parameters.Where(p => p.In == "query").Select(p => $"{p.Name}={value}"));
        return url.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty);
    }

    /// <summary>
    /// Kestrel refuses some requests before the app sees them, with an empty answer: a request line longer than 8 KB
    /// (414) and a NUL in the path (400). Those are the server's own limits, not the app's answers.
    /// </summary>
    private static bool RefusedByKestrel(HttpResponseMessage response, string url, string text) =>
        text.Length == 0 && (response.StatusCode == HttpStatusCode.RequestUriTooLong
            || (response.StatusCode == HttpStatusCode.BadRequest && url.Split('?')[0].Contains("%00", StringComparison.Ordinal)));

    private static JsonElement? Problem(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        using var parsed = JsonDocument.Parse(text);
        return parsed.RootElement.Clone();
    }

    /// <summary>A 400's problem details name a field (<c>errors</c>) or say what is wrong with the request (<c>detail</c>).</summary>
    private static bool NamesWhatIsWrong(JsonElement problem) =>
        (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any(e => e.Name.Length > 0))
        || (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 });

    private static string Example(string file) => File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "planner", file));
}
