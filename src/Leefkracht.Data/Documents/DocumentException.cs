using System.Collections.Immutable;
using System.Text.Json;

namespace Leefkracht.Data.Documents;

/// <summary>One problem of a document: the JSON path of the field (<c>$.stock[0].year</c>) and what is wrong with it.</summary>
/// <param name="Path">JSON path; <c>$</c> for the document as a whole.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record DocumentProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// A document (a scenario, a model, a request body) that is not valid, or does not fit the data. The message lists
/// every problem as <c>  $.path: message</c> under a heading (what the command line prints); <see cref="Problems"/>
/// carries them one by one, so that the web API keys its 400 answer by path without reading the message back.
/// </summary>
public sealed class DocumentException : Exception
{
    /// <summary>A document with the given problems, listed under <paramref name="heading"/>.</summary>
    public DocumentException(string heading, IEnumerable<DocumentProblem> problems)
        : this(heading, [.. problems ?? throw new ArgumentNullException(nameof(problems))], null)
    {
    }

    /// <summary>A document that is not valid, without details.</summary>
    public DocumentException()
        : this("The document is not valid.", [], null)
    {
    }

    /// <summary>A document that is not valid, for a reason in words.</summary>
    public DocumentException(string message)
        : this(message, [], null)
    {
    }

    /// <summary>A document that is not valid, for a reason in words and a cause.</summary>
    public DocumentException(string message, Exception innerException)
        : this(message, [], innerException)
    {
    }

    private DocumentException(string heading, ImmutableArray<DocumentProblem> problems, Exception? innerException)
        : base(heading + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)), innerException) =>
        Problems = problems;

    /// <summary>Every problem with its JSON path; empty when the exception was made from a message alone.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; }

    /// <summary>The document is not JSON at all: one problem at <c>$</c>, and the message <c>name: not valid JSON at line …</c>.</summary>
    public static DocumentException NotJson(string name, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // System.Text.Json names the depth in its message and has no other way to tell.
        var reason = Import.ImportLimits.IsTooDeep(exception)
            ? $"nested deeper than {DocumentJson.MaxDepth} levels, the deepest document accepted (a scenario or model nests at most 5; the limit is fixed)"
            : exception.Message;
        var problem = new DocumentProblem("$", $"not valid JSON at line {exception.LineNumber + 1}: {reason}");
        return new DocumentException($"{name}: {problem.Message}", [problem], exception);
    }
}
