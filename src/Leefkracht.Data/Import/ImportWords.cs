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

    // The repository builds with InvariantGlobalization, so the Dutch grouping is spelled out rather than taken from "nl".
    private static readonly System.Globalization.NumberFormatInfo DutchDigits = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>A finding of the kind <paramref name="code"/>, worded in the user's language.</summary>
    public static IssueReason Reason(string code, params object?[] arguments) => new(code, Words.Format(code, arguments));

    /// <summary>What a kind of finding is called where findings are counted ("12 × geen getal"); null when it has no name of its own.</summary>
    public static string? Kind(string code) => Words.Find("Kind." + code);

    /// <summary>A whole number with the user's digit grouping: 12.345 in Dutch, 12,345 in English.</summary>
    public static string Whole(long value) =>
        value.ToString("N0", Words.InEnglish ? System.Globalization.CultureInfo.InvariantCulture : DutchDigits);

    /// <summary>A count with its noun in the user's language: <c>Count.{noun}.One</c> for 1, <c>Count.{noun}.Many</c> otherwise ("3 herhaalde punten").</summary>
    public static string Count(int count, string noun) =>
        Words.Format(count == 1 ? $"Count.{noun}.One" : $"Count.{noun}.Many", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
