using Leefkracht.Core.Text;

namespace Leefkracht.Data.Import;

/// <summary>The import report's sentences (ImportWords.resx, Dutch; ImportWords.en.resx): what happened to a file, in the user's language.</summary>
internal static class ImportWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(ImportWords));
}
