using System.Diagnostics;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Prints a self-contained HTML page to PDF with headless Chromium (Debian's <c>chromium</c>). The page is written to
/// a temporary folder and opened as a file, so Chromium loads nothing from the network; its background services are
/// switched off, because this machine (and many servers) have no internet.
/// </summary>
/// <remarks>
/// A print starts a browser (about 20 s of a core and 200 MB), and anyone may ask for an area report, so at most
/// <c>Leefkracht:Pdf:MaxConcurrent</c> run at once (default 2); up to <c>Leefkracht:Pdf:Queue</c> more wait (default
/// 4) for at most <c>Leefkracht:Pdf:WaitSeconds</c> (default 30). Beyond that the answer is 503 with Retry-After
/// (docs/security.md, "Limits"). Printed reports are kept in the <see cref="PdfCache"/>: a report asked for again, or
/// by a request that waited behind the one printing it, is served without a browser.
/// </remarks>
internal sealed class PdfPrinter(DashboardOptions options, IConfiguration configuration, PdfCache cache) : IDisposable
{
    /// <summary>What a busy printer tells the client to wait before it asks again.</summary>
    public const int RetryAfterSeconds = 15;

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private readonly int _maxConcurrent = Setting(configuration, "MaxConcurrent", 2, minimum: 1);
    private readonly int _queue = Setting(configuration, "Queue", 4, minimum: 0);
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(Setting(configuration, "WaitSeconds", 30, minimum: 0));
    private readonly SemaphoreSlim _slots = new(Setting(configuration, "MaxConcurrent", 2, minimum: 1));
    private int _admitted;
    private int _running;
    private int _peak;
    private int _started;

    /// <summary>The most browsers that ran at once since the start (for tests and diagnostics).</summary>
    public int PeakRunning => Volatile.Read(ref _peak);

    /// <summary>How many browsers were started since the start (for tests and diagnostics).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>The Chromium that will be used, or null when none is installed.</summary>
    public string? Chromium => options.ChromiumPath ?? Candidates
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    /// <summary>
    /// Prints <paramref name="html"/>, waiting for a free browser, and keeps the PDF under <paramref name="key"/> (a
    /// <see cref="PdfCache.KeyAsync"/>; null for a page that is not a function of the data version alone, such as a
    /// programme's accountability, which changes with every agreement); when all run and the queue is full, or the wait is over, returns the 503 to
    /// answer instead (with Retry-After set on <paramref name="response"/>).
    /// </summary>
    public async Task<(byte[]? Pdf, ProblemHttpResult? Busy)> PrintAsync(string html, string? key, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            if (Interlocked.Increment(ref _admitted) > _maxConcurrent + _queue || !await _slots.WaitAsync(_wait, cancellationToken).ConfigureAwait(false))
            {
                response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return (null, Problems.Unavailable(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{_maxConcurrent} PDF report(s) are being printed and {_queue} wait; ask again in {RetryAfterSeconds} seconds (the HTML report prints from any browser)")));
            }

            try
            {
                // The request ahead in the queue may have printed this very report while this one waited.
                if (key is not null && cache.Find(key) is { } printed)
                {
                    return (printed, null);
                }

                Interlocked.Increment(ref _started);
                var running = Interlocked.Increment(ref _running);
                try
                {
                    for (var peak = Volatile.Read(ref _peak); running > peak && Interlocked.CompareExchange(ref _peak, running, peak) != peak; peak = Volatile.Read(ref _peak))
                    {
                    }

                    var pdf = await PrintNowAsync(html, cancellationToken).ConfigureAwait(false);
                    if (key is not null)
                    {
                        cache.Keep(key, pdf);
                    }

                    return (pdf, null);
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    public void Dispose() => _slots.Dispose();

    private static int Setting(IConfiguration configuration, string name, int fallback, int minimum) =>
        int.TryParse(configuration[$"Leefkracht:Pdf:{name}"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : fallback;

    private async Task<byte[]> PrintNowAsync(string html, CancellationToken cancellationToken)
    {
        var chromium = Chromium ?? throw new InvalidOperationException("Chromium is not installed: install Debian's chromium package to print PDF reports");
        var folder = Directory.CreateTempSubdirectory("leefkracht-report-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(folder.FullName, "profile"), "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {chromium}");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (!File.Exists(pdf))
            {
                throw new InvalidOperationException($"Chromium wrote no PDF (exit code {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the OS cleans temporary folders.
            }
        }
    }
}
