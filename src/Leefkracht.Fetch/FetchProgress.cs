namespace Leefkracht.Fetch;

/// <summary>Where a fetch is: one table (or dataset, or file) at a time, page by page or byte by byte.</summary>
/// <param name="Source">The table or dataset (for example <c>84583NED</c>).</param>
/// <param name="Stage">What is happening: columns, gemeenten, rows, names, features, download, import.</param>
/// <param name="Pages">Pages done so far.</param>
/// <param name="Rows">Rows (or features) read so far; 0 in a <see cref="Download"/>.</param>
/// <param name="Total">
/// What the source says the stage comes to, in the unit of <see cref="Done"/> (rows, features, or in a download
/// bytes), or null when it does not say: StatLine's <c>$count</c> of the filtered rows, an OGC API's
/// <c>numberMatched</c>, a download's <c>Content-Length</c>.
/// </param>
/// <param name="Bytes">Bytes of the file held so far in a <see cref="Download"/> (a resumed part included); else 0.</param>
public sealed record FetchProgress(string Source, string Stage, int Pages, int Rows, long? Total = null, long Bytes = 0)
{
    /// <summary>The stage of a file download (the Leefbaarometer archive, a postcode file), counted in bytes.</summary>
    public const string Download = "download";

    /// <summary>How far the stage is, in the unit of <see cref="Total"/>: bytes in a download, else rows.</summary>
    public long Done => Stage == Download ? Bytes : Rows;

    /// <summary>What the download cache tells of a download (bytes held, announced size), as progress of <paramref name="source"/>; null when nobody watches.</summary>
    internal static Action<long, long?>? Downloading(IProgress<FetchProgress>? progress, string source) =>
        progress is null ? null : (held, total) => progress.Report(new FetchProgress(source, Download, 0, 0, total, held));
}

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
