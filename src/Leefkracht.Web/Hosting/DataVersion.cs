using Leefkracht.Data.Storage;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// A token that changes whenever the store's content changes. The store changes only through imports, so the token
/// is the number of imports and the hash of the last one. For a SQLite file, reading it costs two file-status calls:
/// the imports are listed again only when the database file or its write-ahead log changed on disk. A PostgreSQL
/// store can be changed by another instance or a command elsewhere, so there the imports are listed again once
/// <see cref="ServerRecheck"/> has passed since the last look.
/// </summary>
internal sealed class DataVersion(IMonitorStore store, StoreLocation location, TimeProvider clock) : IDisposable
{
    /// <summary>How stale a server store's token may be: an import becomes visible on every instance within this.</summary>
    public static readonly TimeSpan ServerRecheck = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (DateTime, long, DateTime, long) _stamp = (DateTime.MinValue, -1, DateTime.MinValue, -1);
    private string _token = string.Empty;

    /// <summary>The token as last refreshed.</summary>
    public string Current => _token;

    /// <summary>Raised after the token changed (with the new token).</summary>
    public event Action<string>? Changed;

    /// <summary>Refreshes the token if the database changed on disk, and returns it.</summary>
    public async ValueTask<string> RefreshAsync(CancellationToken cancellationToken)
    {
        var stamp = Stamp();
        if (stamp == _stamp && _token.Length > 0)
        {
            return _token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (stamp == _stamp && _token.Length > 0)
            {
                return _token;
            }

            var imports = await store.ListImportsAsync(cancellationToken).ConfigureAwait(false);
            var last = imports.Count == 0 ? "empty" : imports[^1].Sha256[..Math.Min(12, imports[^1].Sha256.Length)];
            var token = string.Create(CultureInfo.InvariantCulture, $"{imports.Count}-{last}");
            _stamp = stamp;
            if (token != _token)
            {
                _token = token;
                Changed?.Invoke(token);
            }

            return _token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private (DateTime, long, DateTime, long) Stamp()
    {
        if (location.Kind == StoreKind.Postgres)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var slot = now.Ticks / ServerRecheck.Ticks;  // changes every ServerRecheck
            return (DateTime.MinValue, slot, DateTime.MinValue, 0);
        }

        var database = new FileInfo(location.Path);
        var log = new FileInfo(location.Path + "-wal");
        return (database.Exists ? database.LastWriteTimeUtc : DateTime.MinValue, database.Exists ? database.Length : -1,
            log.Exists ? log.LastWriteTimeUtc : DateTime.MinValue, log.Exists ? log.Length : -1);
    }
}
