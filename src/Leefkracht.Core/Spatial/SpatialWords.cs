using Leefkracht.Core.Text;

namespace Leefkracht.Core.Spatial;

/// <summary>Why a weights option is not a rule, in the user's language (SpatialWords.resx, Dutch; SpatialWords.en.resx).</summary>
internal static class SpatialWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(SpatialWords));
}
