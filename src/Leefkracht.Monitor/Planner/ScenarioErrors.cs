using System.Collections.Immutable;
using System.Text.Json;

namespace Leefkracht.Monitor.Planner;

/// <summary>One problem of a scenario: the JSON path of the field (<c>$.stock[0].year</c>) and what is wrong with it.</summary>
/// <param name="Path">JSON path; <c>$</c> for the document as a whole.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record ScenarioProblem(string Path, string Message);

/// <summary>
/// The <see cref="InvalidDataException"/> of a scenario that is not valid or does not fit the data. Its message lists
/// every problem as <c>  $.path: message</c> (what the command line prints); the same problems, one by one, ride in
/// <see cref="Exception.Data"/> (the exception type is sealed) so that the web API can key its 400 answer by path
/// without reading the message back.
/// </summary>
public static class ScenarioErrors
{
    private const string Key = "Leefkracht.Scenario.Problems";

    /// <summary>The exception for problems written as <c>$.path: message</c>, under a heading.</summary>
    public static InvalidDataException Create(string heading, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var exception = new InvalidDataException(heading + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
        exception.Data[Key] = ImmutableArray.CreateRange(problems.Select(Split));
        return exception;
    }

    /// <summary>The document is not JSON at all: one problem at <c>$</c>.</summary>
    public static InvalidDataException NotJson(string name, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var problem = $"not valid JSON at line {exception.LineNumber + 1}: {exception.Message}";
        var result = new InvalidDataException($"{name}: {problem}", exception);
        result.Data[Key] = ImmutableArray.Create(new ScenarioProblem("$", problem));
        return result;
    }

    /// <summary>The problems of an exception made here; empty for any other exception.</summary>
    public static ImmutableArray<ScenarioProblem> Of(Exception exception) =>
        exception?.Data[Key] is ImmutableArray<ScenarioProblem> problems ? problems : [];

    // Paths never contain ": " (keys are codes and field names), so the first one ends the path.
    private static ScenarioProblem Split(string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && problem.StartsWith('$') ? new ScenarioProblem(problem[..colon], problem[(colon + 2)..]) : new ScenarioProblem("$", problem);
    }
}
