using Leefkracht.Data.Catalog;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Checks the wijkaanpak's request bodies share.</summary>
internal static class WijkaanpakChecks
{
    /// <summary>The earliest date the wijkaanpak accepts (a deadline of 0001-01-01 is a mistake, not a plan).</summary>
    internal static readonly DateOnly FirstDate = new(2000, 1, 1);

    /// <summary>The latest date the wijkaanpak accepts.</summary>
    internal static readonly DateOnly LastDate = new(2100, 12, 31);

    internal static void Required(RequestErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            errors.Add(field, ProblemText.Words.Format("RequiredText", maxLength));
        }
        else
        {
            Printable(errors, field, value);
        }
    }

    /// <summary>An optional text: at most <paramref name="maxLength"/> characters, no control characters.</summary>
    internal static void Optional(RequestErrors errors, string field, string? value, int maxLength)
    {
        if (value is { } text && text.Length > maxLength)
        {
            errors.Add(field, ProblemText.Words.Format("AtMost", maxLength));
        }
        else
        {
            Printable(errors, field, value);
        }
    }

    /// <summary>
    /// Refuses control characters other than tab and line breaks (a NUL in a comment is an attack or a broken client,
    /// and some databases and every PDF printer choke on it).
    /// </summary>
    internal static void Printable(RequestErrors errors, string field, string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                errors.Add(field, ProblemText.Words.Format("ControlCharacter", ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
                return;
            }
        }
    }

    /// <summary>A required date between <see cref="FirstDate"/> and <see cref="LastDate"/>.</summary>
    /// <param name="errors">Where a problem goes.</param>
    /// <param name="field">The field's name in the request.</param>
    /// <param name="value">The date sent.</param>
    /// <param name="what">The key of what the date is, in ProblemText (<c>Date.Due</c>).</param>
    internal static void Date(RequestErrors errors, string field, DateOnly? value, string what)
    {
        if (value is not { } date)
        {
            errors.Add(field, ProblemText.Words.Format("RequiredDate", ProblemText.Words[what]));
        }
        else if (date < FirstDate || date > LastDate)
        {
            errors.Add(field, ProblemText.Words.Format("DateOutside", Iso(date), Iso(FirstDate), Iso(LastDate)));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static bool IsIndicator(string? id) => id is not null && CatalogDocument.Default.Catalog.TryGet(id, out _);
}
