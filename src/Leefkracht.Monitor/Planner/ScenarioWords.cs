using Leefkracht.Core.Planner;
using Leefkracht.Core.Text;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Planner;

/// <summary>
/// What is wrong with a scenario document, in the user's language (ScenarioWords.resx, Dutch; ScenarioWords.en.resx):
/// the scenario's own checks (<c>Scenario.*</c>), the checks against the data (<c>Data.*</c>) and the planner
/// parameters' bounds (<c>Parameter.*</c>). The name of the words is the problem's code.
/// </summary>
public static class ScenarioWords
{
    private static readonly Words Words = new(typeof(ScenarioWords));

    /// <summary>A problem at <paramref name="path"/> with the code <paramref name="code"/>, worded in the user's language.</summary>
    public static DocumentProblem Problem(string path, string code, params object?[] arguments) => DocumentWords.Problem(Words, path, code, arguments);

    /// <summary>A parameter's problem at <paramref name="path"/>, its bounds as written in documents.</summary>
    public static DocumentProblem Problem(string path, ParameterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Problem(path, problem.Code, Number(problem.Low), Number(problem.High));
    }

    /// <summary>The heading over a scenario's problems: "x.json is geen geldig scenario:".</summary>
    public static string NotValid(string name) => Words.Format("Heading.NotValid", name);

    /// <summary>The heading over the problems of a scenario that does not fit the data.</summary>
    public static string DoesNotFit(string name) => Words.Format("Heading.DoesNotFit", name);

    /// <summary>A number as a document writes it (invariant, shortest round-trip form).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
