using Microsoft.Extensions.Caching.Memory;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Printed PDF reports, kept per data version, program build (which carries the default model), UI culture and report,
/// so that a report asked for again is served without starting Chromium (docs/security.md, "Limits"). An import
/// changes the data version: every earlier entry becomes unreachable by its key and is dropped at once.
/// </summary>
/// <remarks>
/// The output cache cannot hold these: it skips signed-in requests, and the printer must look again after waiting for
/// a browser, when a request ahead in the queue may just have printed the same report.
/// </remarks>
internal sealed class PdfCache : IDisposable
{
    /// <summary>How many bytes of PDFs are kept (a report is about 100–300 KB): <c>Leefkracht:Pdf:CacheMb</c>, 64 MB unless set.</summary>
    private readonly MemoryCache _entries;
    private readonly DataVersion _version;

    public PdfCache(DataVersion version, IConfiguration configuration)
    {
        _version = version;
        var megabytes = int.TryParse(configuration["Leefkracht:Pdf:CacheMb"], NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : 64;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = (long)megabytes << 20 });
        _version.Changed += Forget;
    }

    /// <summary>The key of a report in the request's culture over the current data.</summary>
    public async ValueTask<string> KeyAsync(string report, CancellationToken cancellationToken)
    {
        var data = await _version.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return $"{data}|{HttpCaching.BuildId}|{CultureInfo.CurrentUICulture.Name}|{report}";
    }

    public byte[]? Find(string key) => _entries.TryGetValue(key, out byte[]? pdf) ? pdf : null;

    public void Keep(string key, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        _entries.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = TimeSpan.FromHours(6) });
    }

    public void Dispose()
    {
        _version.Changed -= Forget;
        _entries.Dispose();
    }

    private void Forget(string version) => _entries.Clear();
}
