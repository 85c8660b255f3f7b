using Leefkracht.Core.Text;

namespace Leefkracht.Core.Indices;

/// <summary>The words of the indices: dimension names and resilience class names (IndexWords.resx, IndexWords.en.resx).</summary>
internal static class IndexWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(IndexWords));
}
