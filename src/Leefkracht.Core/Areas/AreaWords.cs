using Leefkracht.Core.Text;

namespace Leefkracht.Core.Areas;

/// <summary>Why a text is not an area code, in the user's language (AreaWords.resx, Dutch; AreaWords.en.resx).</summary>
internal static class AreaWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(AreaWords));
}
