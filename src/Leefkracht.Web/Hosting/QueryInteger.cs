namespace Leefkracht.Web.Hosting;

/// <summary>
/// A whole-number query parameter as written: its value when it is a whole number, its text either way. Binding never
/// fails on it (ASP.NET Core would answer a bare 400 naming one parameter); <see cref="RequestErrors.Number"/> checks
/// the range and names every bad parameter in one problem-details answer.
/// </summary>
/// <param name="Text">The parameter as written.</param>
/// <param name="Value">The whole number, or <see langword="null"/> when the text is not one.</param>
public readonly record struct QueryInteger(string Text, int? Value)
{
    /// <summary>Always succeeds: a text that is not a whole number is kept for the message.</summary>
    public static bool TryParse(string? text, out QueryInteger result)
    {
        text ??= string.Empty;
        result = new QueryInteger(text, int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null);
        return true;
    }
}
