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

        httpContext.Response.StatusCode = bad.StatusCode;
        var json = Inner<JsonException>(bad);
        // System.Text.Json names the depth in its message and has no other way to tell; its path would be "[0][0]…".
        var tooDeep = Data.Import.ImportLimits.IsTooDeep(json);
        var field = tooDeep ? "body" : json?.Path is { } path ? Field(path) : null;
        ProblemDetails problem = field is not null
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [tooDeep
                    ? string.Create(CultureInfo.InvariantCulture, $"nested deeper than {MaxDepth(configuration)} levels, the deepest body accepted (the server's setting {MaxDepthSetting} raises it)")
                    : ValueReason(json!)],
            })
            {
                Title = "The request has invalid fields",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            }
            : new ProblemDetails
            {
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported content type" : "The request cannot be read",
                Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "send the body as application/json" : Reason(bad),
                Type = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "https://tools.ietf.org/html/rfc9110#section-15.5.16" : "https://tools.ietf.org/html/rfc9110#section-15.5.1",
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
    /// Why a JSON value was refused: the parser's own reason for a date or number that is no date or number (its inner
    /// exception), a key given twice, or — when the token is of the wrong kind — that the field takes another kind.
    /// </summary>
    private static string ValueReason(JsonException json) =>
        json.InnerException is { } inner ? Reason(inner)
        : json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "not a value of the kind this field takes (the API is described at /openapi/v1.json)"
        : Reason(json);

    /// <summary>
    /// The reason without .NET's type names and positions: "The JSON value could not be converted to
    /// System.Nullable`1[System.DateOnly]. Path: … " becomes "the JSON value could not be converted to DateOnly".
    /// </summary>
    private static string Reason(Exception exception)
    {
        var text = exception.Message;
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        text = cut >= 0 ? text[..cut] : text;
        text = TypeName().Replace(text, m => m.Groups["name"].Value).TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "cannot be read";
    }

    [GeneratedRegex(@"System\.Nullable`1\[(?:[\w.]+\.)?(?<name>\w+)\]|(?:System|Leefkracht)(?:\.\w+)*\.(?<name>\w+)")]
    private static partial Regex TypeName();
}
