using Leefkracht.Core.Text;

namespace Leefkracht.Data.Import;

/// <summary>
/// The import report's sentences (ImportWords.resx, Dutch; ImportWords.en.resx): what happened to a file, and the
/// readers' findings (<c>Import.*</c>, keyed by their code; <c>Kind.*</c> names a kind of finding when it is counted).
/// </summary>
internal static class ImportWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(ImportWords));

    /// <summary>A finding of the kind <paramref name="code"/>, worded in the user's language.</summary>
    public static IssueReason Reason(string code, params object?[] arguments) => new(code, Words.Format(code, arguments));

    /// <summary>What a kind of finding is called where findings are counted ("12 × geen getal"); null when it has no name of its own.</summary>
    public static string? Kind(string code) => Words.Find("Kind." + code);
}
