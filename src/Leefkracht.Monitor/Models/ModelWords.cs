using Leefkracht.Core.Text;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Models;

/// <summary>
/// What is wrong with a model document, in the user's language (ModelWords.resx, Dutch; ModelWords.en.resx): the
/// model's own checks (<c>Model.*</c>) and its yardstick's (<c>Yardstick.*</c>). The name of the words is the
/// problem's code; the checks every document shares are <see cref="DocumentWords"/>'.
/// </summary>
public static class ModelWords
{
    private static readonly Words Words = new(typeof(ModelWords));

    /// <summary>A problem at <paramref name="path"/> with the code <paramref name="code"/>, worded in the user's language.</summary>
    public static DocumentProblem Problem(string path, string code, params object?[] arguments) => DocumentWords.Problem(Words, path, code, arguments);

    /// <summary>The heading over a model's problems: "x.json is geen geldig leefbaarheidsmodel:".</summary>
    public static string NotValid(string name) => Words.Format("Heading.NotValid", name);
}
