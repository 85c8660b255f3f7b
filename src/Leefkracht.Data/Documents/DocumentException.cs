using System.Collections.Immutable;
using System.Text.Json;

namespace Leefkracht.Data.Documents;

/// <summary>
/// One problem of a document: the JSON path of the field (<c>$.stock[0].year</c>), what is wrong with it in the
/// user's language, and a stable code that says the same to a program (docs/localization.md#document-problems).
/// </summary>
/// <param name="Path">JSON path; <c>$</c> for the document as a whole.</param>
/// <param name="Message">What is wrong, in words, worded in the UI culture of the moment the problem was found.</param>
/// <param name="Code">
/// The kind of problem, the same in every language (<c>Document.WholeNumberFound</c>, <c>Scenario.EitherBuurtenOrWeakest</c>):
/// the name of its words in the resources. Null for a problem that is only words (a model document's own checks).
/// </param>
public sealed record DocumentProblem(string Path, string Message, string? Code = null)
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

    /// <summary>The document is not JSON at all: one problem at <c>$</c>, and the message <c>name: geen geldige JSON op regel …</c> (in the user's language).</summary>
    public static DocumentException NotJson(string name, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // System.Text.Json names the depth in its message and has no other way to tell.
        var line = (exception.LineNumber + 1)?.ToString(CultureInfo.InvariantCulture);
        var problem = Import.ImportLimits.IsTooDeep(exception)
            ? DocumentWords.Problem("$", "Document.TooDeep", line, DocumentJson.MaxDepth)
            : DocumentWords.Problem("$", "Document.NotJson", line, (exception.BytePositionInLine + 1)?.ToString(CultureInfo.InvariantCulture), exception.Message);
        return new DocumentException($"{name}: {problem.Message}", [problem], exception);
    }
}
