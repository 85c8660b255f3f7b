using Leefkracht.Core.Text;

namespace Leefkracht.Core.Leefbaarometer;

/// <summary>The words of the Leefbaarometer: its class names (LeefbaarometerWords.resx, LeefbaarometerWords.en.resx).</summary>
internal static class LeefbaarometerWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(LeefbaarometerWords));
}
