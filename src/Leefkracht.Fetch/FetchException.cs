namespace Leefkracht.Fetch;

/// <summary>A source could not be fetched: unreachable, refused, or it answered something that is not what it publishes.</summary>
public sealed class FetchException : Exception
{
    /// <summary>A failure at <paramref name="url"/>.</summary>
    public FetchException(Uri url, int? status, string reason, Exception? inner = null)
        : base(FetchWords.Words.Format("Failure", url, reason), inner)
    {
        Url = url;
        Status = status;
        Reason = reason;
    }

    /// <summary>Creates an exception without detail (for serializers and analyzers).</summary>
    public FetchException()
        : this(new Uri("about:blank"), null, "fetch failed")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public FetchException(string message)
        : this(new Uri("about:blank"), null, message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public FetchException(string message, Exception inner)
        : this(new Uri("about:blank"), null, message, inner)
    {
    }

    /// <summary>The address that failed.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? Status { get; }

    /// <summary>Why, in the user's words (FetchWords), without the address.</summary>
    public string Reason { get; }
}
