using Leefkracht.Data.Export;
using Leefkracht.Web.Monitor;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Collects what is wrong with a request, parameter by parameter, so that one 400 problem-details answer names every
/// bad parameter and says why (the parameter name is the key of <c>errors</c>).
/// </summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _codes = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many parameters are bad so far.</summary>
    public int Count => _errors.Count;

    public void Add(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];

    /// <summary>
    /// A message with the stable code of its problem (a document check's, such as <c>Document.WholeNumberFound</c>):
    /// the answer lists the codes under <c>codes</c>, keyed like <c>errors</c>, so a program need not read the words.
    /// </summary>
    public void Add(string parameter, string message, string? code)
    {
        Add(parameter, message);
        if (code is not null)
        {
            _codes[parameter] = _codes.TryGetValue(parameter, out var existing) ? [.. existing, code] : [code];
        }
    }

    public ValidationProblem ToProblem(string? title = null) =>
        TypedResults.ValidationProblem(
            _errors,
            title: title ?? ProblemText.Words["Title.Invalid"],
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            extensions: _codes.Count == 0 ? null : [new("codes", _codes)]);

    /// <summary>
    /// Checks the <c>lang</c> query parameter: empty, nl or en. Request localization (<see cref="Localization"/>) has
    /// already set the culture from it; an unknown language is refused here rather than silently answered in Dutch.
    /// </summary>
    public void Language(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && Localization.Parse(text) is null)
        {
            Add("lang", ProblemText.Words.Format("Language", text));
        }
    }

    /// <summary>
    /// excel-nl or rfc4180; by default the one for the reader's language (the UI culture): Dutch readers open
    /// downloads in Dutch Excel, which needs <c>;</c> and a decimal comma (<see cref="CsvDialect.ForReader"/>).
    /// </summary>
    public CsvDialect CsvDialect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Data.Export.CsvDialect.ForReader;
        }

        if (Data.Export.CsvDialect.Find(text) is { } dialect)
        {
            return dialect;
        }

        Add("dialect", ProblemText.Words.Format("Dialect", text, ProblemText.Either(Data.Export.CsvDialect.All.Select(d => d.Name))));
        return Data.Export.CsvDialect.ForReader;
    }

    /// <summary>gemeente, wijk or buurt (default <paramref name="fallback"/>).</summary>
    public AreaLevel Level(string? text, AreaLevel fallback, string parameter = "level")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "gemeente":
                return AreaLevel.Gemeente;
            case "wijk":
                return AreaLevel.Wijk;
            case "buurt":
                return AreaLevel.Buurt;
            default:
                Add(parameter, ProblemText.Words.Format("Level", text));
                return fallback;
        }
    }

    /// <summary>A year that can be scored (has inhabitants); the default year when none is given.</summary>
    public int Year(string? text, YearInfo years, string parameter = "year")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (years.Default is { } year)
            {
                return year;
            }

            Add(parameter, ProblemText.Words["NoYears"]);
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            Add(parameter, ProblemText.Words.Format("NotAYear", text));
            return 0;
        }

        if (!years.Scorable.Contains(parsed))
        {
            Add(parameter, ProblemText.Words.Format("YearNotScorable", parsed, string.Join(", ", years.Scorable.Order())));
        }

        return parsed;
    }

    /// <summary>An optional gemeente, by code (GM0344) or name (Utrecht).</summary>
    public AreaCode? Gemeente(string? text, AreaIndex areas, string parameter = "gemeente")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var gemeente = areas.FindGemeente(text);
        if (gemeente is null)
        {
            Add(parameter, ProblemText.Words.Format("Gemeente", text));
        }

        return gemeente;
    }

    /// <summary>A whole number within bounds; <paramref name="fallback"/> when the parameter is absent or empty.</summary>
    public int Number(QueryInteger? query, int fallback, int min, int max, string parameter)
    {
        if (query is not { } written || string.IsNullOrWhiteSpace(written.Text))
        {
            return fallback;
        }

        if (written.Value is not { } value || value < min || value > max)
        {
            Add(parameter, ProblemText.Words.Format("Number", written.Text, min, max));
            return fallback;
        }

        return value;
    }

    /// <summary>A well-formed area code; whether it exists is the caller's question (404).</summary>
    public AreaCode? Code(string? text, string parameter = "code")
    {
        if (AreaCode.TryParse(text?.Trim().ToUpperInvariant(), out var code, out var error))
        {
            return code;
        }

        Add(parameter, ProblemText.Words.Format("Code", text, error));
        return null;
    }
}

/// <summary>Problem details for what is not there.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: ProblemText.Words["Title.NotFound"], type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: ProblemText.Words["Title.Unavailable"], type: "https://tools.ietf.org/html/rfc9110#section-15.6.4");

    /// <summary>404 for a code that the store does not know, or does not have in the year asked.</summary>
    public static ProblemHttpResult UnknownArea(AreaCode code, AreaIndex areas, int? year = null)
    {
        var divisions = areas.DivisionsOf(code);
        return divisions.Count == 0
            ? NotFound(ProblemText.Words.Format("UnknownArea", code))
            : NotFound(ProblemText.Words.Format("AreaNotInYear", code, areas.NameOf(code), year, string.Join(", ", divisions)));
    }
}
