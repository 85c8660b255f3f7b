using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Turns a body or parameter that cannot be bound into problem details that name the field, instead of a bare 400
/// (docs/security.md): <c>{"deadline":"2027-02-30"}</c> answers <c>errors.deadline</c>, a key given twice answers
/// <c>errors.baseYear</c>, a wrong content type 415. Minimal APIs throw these
/// (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>) so that this one place words them.
/// </summary>
internal sealed partial class BadRequests(IProblemDetailsService problems, IConfiguration configuration) : IExceptionHandler
{
    /// <summary>The setting of the deepest nesting of a typed request body.</summary>
    public const string MaxDepthSetting = "Leefkracht:Json:MaxDepth";

    /// <summary>
    /// The deepest nesting of a typed request body: <see cref="MaxDepthSetting"/>, 32 unless set (the deepest body of
    /// the API nests 4 levels; System.Text.Json's default is 64).
    /// </summary>
    public static int MaxDepth(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[MaxDepthSetting];
        if (text is null)
        {
            return 32;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth > 0
            ? depth
            : throw new InvalidOperationException($"{MaxDepthSetting} must be a whole number of 1 or more (found '{text}')");
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // The exception left the request localization's scope on its way here.
        httpContext.TakeTheReadersLanguageAgain();

        httpContext.Response.StatusCode = bad.StatusCode;
        var json = Inner<JsonException>(bad);
        // System.Text.Json names the depth in its message and has no other way to tell; its path would be "[0][0]…".
        var tooDeep = Data.Import.ImportLimits.IsTooDeep(json);
        var (field, reason) = tooDeep
            ? ("body", ProblemText.Words.Format("Body.TooDeep", MaxDepth(configuration).ToString(CultureInfo.InvariantCulture), MaxDepthSetting))
            : json?.Path is { } path ? (Field(path), ValueReason(json))
            : ParameterReason(bad.Message);
        var unsupported = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType;
        ProblemDetails problem = field is not null && !unsupported
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason!] })
            {
                Title = ProblemText.Words["Title.InvalidFields"],
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            }
            : new ProblemDetails
            {
                Title = ProblemText.Words[unsupported ? "Title.ContentType" : "Title.Unreadable"],
                Detail = ProblemText.Words[unsupported ? "ContentType" : "Body.Unreadable"],
                Type = unsupported ? "https://tools.ietf.org/html/rfc9110#section-15.5.16" : "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            };
        problem.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }).ConfigureAwait(false);
    }

    /// <summary>The field a JSON path names: <c>$.goals[0].target</c> → <c>goals[0].target</c>; the whole body is <c>body</c>.</summary>
    internal static string Field(string path) => path.TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "body";

    private static T? Inner<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Why a JSON value was refused, in the reader's words: a key given twice, a date or number that is none (the
    /// parser's inner exception), a token of the wrong kind, or JSON that does not parse. .NET's own messages are in
    /// English and name .NET types, so they are classified here, not shown.
    /// </summary>
    private static string ValueReason(JsonException json)
    {
        var kind = ProblemText.Words["Kind." + Kind(json.Message + " " + json.InnerException?.Message)];
        return json.Message.Contains("uplicate", StringComparison.Ordinal) ? ProblemText.Words["Body.Twice"]
            : json.InnerException is FormatException || json.InnerException?.Message.Contains("not in a supported", StringComparison.Ordinal) == true ? ProblemText.Words.Format("Body.NotValid", kind)
            : json.InnerException is InvalidOperationException || json.Message.Contains("could not be converted", StringComparison.Ordinal) ? ProblemText.Words.Format("Body.WrongKind", kind)
            : ProblemText.Words["Body.Syntax"];
    }

    /// <summary>
    /// A route or query parameter that cannot be bound ("Failed to bind parameter "int year" from "abc"", "Required
    /// parameter "string q" was not provided"): the parameter and why, or no field when the message is not one of these.
    /// </summary>
    private static (string? Field, string? Reason) ParameterReason(string message) =>
        BindFailure().Match(message) is { Success: true } failed
            ? (failed.Groups["name"].Value, ProblemText.Words.Format("Body.NotValid", ProblemText.Words["Kind." + Kind(failed.Groups["type"].Value)]))
            : RequiredMissing().Match(message) is { Success: true } missing
                ? (missing.Groups["name"].Value, ProblemText.Words["Body.Required"])
                : (null, null);

    /// <summary>
    /// The kind of value a .NET type named in a message takes, as a key of <c>Kind.*</c>: the parser's messages name
    /// the type bare ("not in a supported DateOnly format") or in full (<c>System.Nullable`1[System.Int32]</c>), a
    /// route parameter by its C# keyword (<c>int</c>). Lists first: a list of numbers names both.
    /// </summary>
    private static string Kind(string message) => message switch
    {
        "int" or "long" or "short" or "int?" or "long?" => "whole",
        "double" or "decimal" or "float" or "double?" or "decimal?" => "number",
        "bool" or "bool?" => "bool",
        "string" => "text",
        _ when Names(message, "ImmutableArray", "List`", "[]") => "list",
        _ when Names(message, "DateOnly") => "date",
        _ when Names(message, "DateTimeOffset", "DateTime") => "moment",
        _ when Names(message, "Int16", "Int32", "Int64", "Byte") => "whole",
        _ when Names(message, "Double", "Decimal", "Single") => "number",
        _ when Names(message, "Boolean") => "bool",
        _ when Names(message, "System.String") => "text",
        _ => "other",
    };

    private static bool Names(string message, params string[] names) => names.Any(n => message.Contains(n, StringComparison.Ordinal));

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>[\w.<>?\[\]]+) (?<name>\w+)"" from ")]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"^Required parameter ""(?<type>[\w.<>?\[\]]+) (?<name>\w+)"" was not provided")]
    private static partial Regex RequiredMissing();
}
