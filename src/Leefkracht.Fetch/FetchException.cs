namespace Leefkracht.Fetch;

/// <summary>
/// A source could not be fetched: unreachable, refused, or it answered something that is not what it publishes; or
/// (<see cref="InputWasWrong"/>) the source answered well and what the user asked for is not in it.
/// </summary>
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

    /// <summary>
    /// What the user gave leads nowhere in the source (a gemeente name no gemeente of the table has, or several have; a
    /// name where PDOK filters on a code; a year without a table, an estimate or a postcode file; an unknown
    /// collection): the user's input is wrong, not the source, so a caller can tell the two apart (the CLI's exit 2
    /// against 4).
    /// </summary>
    public static FetchException WrongInput(Uri url, int? status, string reason) =>
        new(url, status, reason) { InputWasWrong = true };

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

    /// <summary>Whether the user's input was wrong rather than the source (<see cref="WrongInput"/>).</summary>
    public bool InputWasWrong { get; private init; }
}
