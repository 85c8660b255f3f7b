using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Leefkracht.Fetch.Http;

/// <summary>
/// The one <see cref="HttpClient"/> every fetch uses, made by <see cref="IHttpClientFactory"/> with the standard
/// resilience handler: a total timeout, retries with exponential back-off and jitter that honour <c>Retry-After</c>
/// on 429 and 503, a circuit breaker and a timeout per attempt. The body is read inside each attempt
/// (<see cref="WholeBodyHandler"/>), so a connection dropped in the middle of a page is retried like any other
/// transient failure instead of surfacing after the pipeline.
/// </summary>
public sealed class FetchClient : IDisposable
{
    /// <summary>The name of the client in the factory.</summary>
    public const string Name = "leefkracht-fetch";

    private readonly ServiceProvider _services;

    /// <summary>Builds the client for <paramref name="options"/>.</summary>
    public FetchClient(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new ServiceCollection();
        services.AddHttpClient(Name, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Leefkracht/1.0 (+https://github.com/leefkracht)");
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                // The pipeline's total timeout is the limit; HttpClient's own 100 s would cut a long back-off short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .AddStandardResilienceHandler(resilience => Configure(resilience, options));
        // Innermost: inside the retry, so a body that breaks off is one more failed attempt.
        services.AddTransient<WholeBodyHandler>();
        services.AddHttpClient(Name).AddHttpMessageHandler<WholeBodyHandler>();
        _services = services.BuildServiceProvider();
        Http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
    }

    /// <summary>The client (do not dispose it: the factory owns its handlers).</summary>
    public HttpClient Http { get; }

    /// <summary>Releases the factory and its handlers.</summary>
    public void Dispose() => _services.Dispose();

    private static void Configure(HttpStandardResilienceOptions resilience, FetchOptions options)
    {
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        // The breaker's sampling window must be at least twice the attempt timeout (the options validate this).
        resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2;
        resilience.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.MaxDelay = options.MaxRetryAfter;
    }
}

/// <summary>
/// Reads the whole response body inside the attempt that received it, except for a request marked
/// <see cref="Streamed"/> (a large file, resumed by byte range where it broke off instead of read again whole).
/// </summary>
internal sealed class WholeBodyHandler : DelegatingHandler
{
    /// <summary>Marks a request whose body the caller streams (and resumes) itself.</summary>
    public static readonly HttpRequestOptionsKey<bool> Streamed = new("leefkracht-streamed");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(Streamed, out var streamed) && streamed)
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            response.Dispose();
            // HttpRequestException is what the standard retry treats as transient.
            throw new HttpRequestException($"the connection broke off while reading the answer from {request.RequestUri}: {exception.Message}", exception);
        }

        return response;
    }
}
