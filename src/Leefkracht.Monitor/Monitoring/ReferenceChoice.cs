namespace Leefkracht.Monitor.Monitoring;

/// <summary>What scores are standardised against.</summary>
public abstract record ReferenceChoice
{
    /// <summary>All buurten of the scored year (the default).</summary>
    public static ReferenceChoice National { get; } = new NationalReference();

    /// <summary>One gemeente's buurten in the scored year.</summary>
    public static ReferenceChoice OfGemeente(AreaCode gemeente) => new GemeenteReference(gemeente);

    /// <summary>All buurten of a fixed base year, so that scores of different years are comparable.</summary>
    public static ReferenceChoice OfBaseYear(int year, AreaCode? gemeente = null) => new BaseYearReference(year, gemeente);

    /// <summary>Parses <c>national</c>, <c>GM0344</c>, <c>2016</c> or <c>2016:GM0917</c>.</summary>
    public static bool TryParse(string? text, out ReferenceChoice choice, out string? error)
    {
        choice = National;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("national", StringComparison.OrdinalIgnoreCase) || text.Equals("nationaal", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = text.Split(':', 2);
        if (int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
        {
            AreaCode? gemeente = null;
            if (parts.Length == 2)
            {
                if (!AreaCode.TryParse(parts[1], out var code) || code.Level != AreaLevel.Gemeente)
                {
                    error = InputWords.Words.Format("Reference.NotAGemeente", parts[1]);
                    return false;
                }

                gemeente = code;
            }

            choice = OfBaseYear(year, gemeente);
            return true;
        }

        if (AreaCode.TryParse(text, out var gm) && gm.Level == AreaLevel.Gemeente)
        {
            choice = OfGemeente(gm);
            return true;
        }

        error = InputWords.Words.Format("Reference.Unknown", text);
        return false;
    }
}

/// <summary>All buurten of the scored year.</summary>
public sealed record NationalReference : ReferenceChoice;

/// <summary>One gemeente's buurten.</summary>
/// <param name="Gemeente">The gemeente.</param>
public sealed record GemeenteReference(AreaCode Gemeente) : ReferenceChoice;

/// <summary>A fixed base year, optionally one gemeente's buurten in it.</summary>
/// <param name="Year">The base year.</param>
/// <param name="Gemeente">Only this gemeente's buurten, when given.</param>
public sealed record BaseYearReference(int Year, AreaCode? Gemeente) : ReferenceChoice;
