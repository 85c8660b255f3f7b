using System.Diagnostics;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Prints a self-contained HTML page to PDF with headless Chromium (Debian's <c>chromium</c>). The page is written to
/// a temporary folder and opened as a file, so Chromium loads nothing from the network; its background services are
/// switched off, because this machine (and many servers) have no internet.
/// </summary>
internal sealed class PdfPrinter(DashboardOptions options)
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The Chromium that will be used, or null when none is installed.</summary>
    public string? Chromium => options.ChromiumPath ?? Candidates
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
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
