namespace Leefkracht.Fetch;

/// <summary>Where a fetch is: one table (or dataset) at a time, page by page.</summary>
/// <param name="Source">The table or dataset (for example <c>84583NED</c>).</param>
/// <param name="Stage">What is happening: columns, pages, import.</param>
/// <param name="Pages">Pages done so far.</param>
/// <param name="Rows">Rows (or features) read so far.</param>
public sealed record FetchProgress(string Source, string Stage, int Pages, int Rows);

/// <summary>What the network did for one source.</summary>
/// <param name="Requests">Responses used (pages, metadata).</param>
/// <param name="Downloaded">Responses downloaded anew.</param>
/// <param name="Revalidated">Responses the server confirmed unchanged (304), taken from the cache.</param>
/// <param name="BytesDownloaded">Body bytes downloaded.</param>
public sealed record TransferCount(int Requests, int Downloaded, int Revalidated, long BytesDownloaded)
{
    /// <summary>Nothing yet.</summary>
    public static TransferCount None { get; } = new(0, 0, 0, 0);

    /// <summary>Both counts together.</summary>
    public TransferCount Plus(TransferCount other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Requests + other.Requests, Downloaded + other.Downloaded, Revalidated + other.Revalidated, BytesDownloaded + other.BytesDownloaded);
    }

    /// <summary>This count plus one response.</summary>
    public TransferCount Add(Caching.CachedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Source == Caching.CacheSource.Downloaded
            ? this with { Requests = Requests + 1, Downloaded = Downloaded + 1, BytesDownloaded = BytesDownloaded + response.Body.LongLength }
            : this with { Requests = Requests + 1, Revalidated = Revalidated + 1 };
    }
}
