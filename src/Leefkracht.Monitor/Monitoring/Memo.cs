using System.Collections.Concurrent;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// Remembers the result of an asynchronous computation per key: concurrent callers of one key share one computation,
/// and a failed or cancelled computation is forgotten so that the next caller tries again. To forget everything (the
/// data changed), replace the memo: a computation still running then settles in the old one.
/// </summary>
internal sealed class Memo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _entries = new();

    /// <summary>The remembered result of <paramref name="key"/>, computing it with <paramref name="compute"/> the first time.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> compute)
    {
        var lazy = _entries.GetOrAdd(key, _ => new Lazy<Task<TValue>>(compute));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, lazy));
            throw;
        }
    }
}
