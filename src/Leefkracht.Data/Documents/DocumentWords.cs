using Leefkracht.Core.Text;

namespace Leefkracht.Data.Documents;

/// <summary>
/// The words of the checks every document shares (DocumentWords.resx, Dutch; DocumentWords.en.resx), keyed by the
/// problem's code (<see cref="DocumentProblem.Code"/>): a missing text, a number out of range, an unknown field.
/// </summary>
public static class DocumentWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(DocumentWords));

    /// <summary>A problem at <paramref name="path"/> with the code <paramref name="code"/>, worded now in the user's language.</summary>
    public static DocumentProblem Problem(string path, string code, params object?[] arguments) =>
        Problem(Words, path, code, arguments);

    /// <summary>A problem at <paramref name="path"/> with the code <paramref name="code"/>, worded now with a feature's own <paramref name="words"/> (the code names them).</summary>
    public static DocumentProblem Problem(Words words, string path, string code, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new(path, words.Format(code, arguments), code);
    }
}
