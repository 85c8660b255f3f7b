using Leefkracht.Core.Text;

namespace Leefkracht.Fetch;

/// <summary>
/// What a fetch tells its user (FetchWords.resx, Dutch; FetchWords.en.resx): the year has no table, the gemeente is
/// not in it. The technical reasons of a failed request (status, address, JSON path) stay in English, as the import's
/// per-line findings do.
/// </summary>
internal static class FetchWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(FetchWords));
}
