using Leefkracht.Core.Text;

namespace Leefkracht.Fetch;

/// <summary>
/// What a fetch tells its user (FetchWords.resx, Dutch; FetchWords.en.resx): the year has no table, the gemeente is
/// not in it, and why a request failed, in words ("de server antwoordde 503 (niet beschikbaar)"), with the technical
/// detail kept as the source gave it (the status code, the address, the JSON path, the parser's position).
/// </summary>
internal static class FetchWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(FetchWords));

    /// <summary>"the server answered 503 (service unavailable)": the code with its meaning, or the server's own phrase for a code without words.</summary>
    public static string ServerAnswered(int status, string? phrase) =>
        Words.Format("ServerAnswered", status, Words.Find($"Status.{status}") ?? phrase ?? Words.Format("StatusOther", status));
}
