using Leefkracht.Core.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>The words of the analyst's notes (explanations, trends, resilience, watchlists): NoteWords.resx, NoteWords.en.resx.</summary>
internal static class NoteWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(NoteWords));
}
