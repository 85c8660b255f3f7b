using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leefkracht.Testing;

/// <summary>
/// A browser-like API client. It keeps cookies itself, because the app's cookies are Secure and .NET's cookie
/// container (rightly) does not send Secure cookies over the tests' plain-HTTP loopback; a browser treats
/// 127.0.0.1 as a secure context and does. It sends the antiforgery token it got at login on every change.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public ApiClient(Uri baseAddress) => _http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseAddress };

    public string? CsrfToken { get; set; }

    public IReadOnlyList<string> SetCookieHeaders { get; private set; } = [];

    /// <summary>A client for <paramref name="baseAddress"/> with a copy of <paramref name="other"/>'s cookies and token, as an attacker who stole them has.</summary>
    public static ApiClient CopyOf(ApiClient other, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(other);
        var copy = new ApiClient(baseAddress) { CsrfToken = other.CsrfToken };
        lock (other._cookies)
        {
            foreach (var (name, value) in other._cookies)
            {
                copy._cookies[name] = value;
            }
        }

        return copy;
    }

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        var response = await PostAsync("api/v1/auth/login", new { userName, password }, csrf: false);
        if (response.IsSuccessStatusCode)
        {
            CsrfToken = (await Json(response))["antiforgery"]!["token"]!.GetValue<string>();
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? ifMatch = null, bool csrf = true) => SendAsync(Request(HttpMethod.Post, path, body, ifMatch, csrf));

    public Task<HttpResponseMessage> PutAsync(string path, object? body, string? ifMatch = null, bool csrf = true) => SendAsync(Request(HttpMethod.Put, path, body, ifMatch, csrf));

    /// <summary>Sends <paramref name="body"/> as it is (malformed JSON, a key twice, another content type), with the antiforgery token.</summary>
    public Task<HttpResponseMessage> SendTextAsync(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        var request = Request(method, path, null, null, csrf: true);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        return SendAsync(request);
    }

    /// <summary>The JSON of a successful answer; fails the test with the problem details otherwise.</summary>
    public static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty answer");
    }

    /// <summary>
    /// Sends a request as the pages do (a JSON body only when there is one, the antiforgery token, <c>If-Match</c> when
    /// given) and returns the JSON of the answer, failing the test when it is not a success.
    /// </summary>
    public Task<JsonNode> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = Request(method, path, body, ifMatch, csrf: true);
        if (body is null)
        {
            request.Content = null;
        }

        return OkJson(SendAsync(request));
    }

    public static async Task<JsonNode> OkJson(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path, object? body, string? ifMatch, bool csrf)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (csrf && CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            lock (_cookies)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            SetCookieHeaders = [.. setCookies];
            lock (_cookies)
            {
                foreach (var header in setCookies)
                {
                    var pair = header.Split(';')[0];
                    var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                    var value = pair[(name.Length + 1)..];
                    if (value.Length == 0)
                    {
                        _cookies.Remove(name);
                    }
                    else
                    {
                        _cookies[name] = value;
                    }
                }
            }
        }

        return response;
    }

    /// <summary>The ETag of an answer (the row version, quoted).</summary>
    public static string ETag(HttpResponseMessage response) => response.Headers.ETag?.Tag ?? throw new InvalidOperationException("no ETag");

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
